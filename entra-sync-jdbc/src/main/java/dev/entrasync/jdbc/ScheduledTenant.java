package dev.entrasync.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant in the clustered schedule, as {@link JdbcClusterScheduler#scheduledTenants()} shows it.
 *
 * @param tenantKey the key the host scheduled it under (typically the tenant's GUID)
 * @param interval time between runs
 * @param offset where in each interval it runs (from the epoch)
 * @param nextRunAt when it runs next (while running: when the current run was due)
 * @param runningOn the scheduler instance running it now, or null when not running
 */
public record ScheduledTenant(String tenantKey, Duration interval, Duration offset, Instant nextRunAt,
                              String runningOn) {

    public ScheduledTenant {
        Objects.requireNonNull(tenantKey, "tenantKey");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(nextRunAt, "nextRunAt");
    }

    /** Whether an instance is running it now. */
    public boolean running() {
        return runningOn != null;
    }
}
