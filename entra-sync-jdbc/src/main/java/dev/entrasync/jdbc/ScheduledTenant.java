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

    /**
     * Validates the components.
     *
     * @param tenant the tenant; never null
     * @param nextRunAt when its scheduled sync runs next; never null
     * @param runningOn the name of the instance running it now; null when not running
     * @throws NullPointerException if {@code tenant} or {@code nextRunAt} is null
     */
    public ScheduledTenant {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(nextRunAt, "nextRunAt");
    }

    /**
     * Whether an instance is running it now.
     *
     * @return true if {@link #runningOn()} is set: an instance is running the tenant's sync now
     */
    public boolean running() {
        return runningOn != null;
    }
}
