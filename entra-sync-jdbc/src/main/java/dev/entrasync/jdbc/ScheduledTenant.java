package dev.entrasync.jdbc;

import dev.entrasync.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant in the clustered schedule, as {@link JdbcClusterScheduler#scheduledTenants()} shows it.
 *
 * @param tenant the tenant
 * @param nextRunAt when its scheduled sync runs next (while running: when the current run was due)
 * @param runningOn the instance running it now, or null when not running
 */
public record ScheduledTenant(TenantId tenant, Instant nextRunAt, String runningOn) {

    public ScheduledTenant {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(nextRunAt, "nextRunAt");
    }

    /** Whether an instance is running it now. */
    public boolean running() {
        return runningOn != null;
    }
}
