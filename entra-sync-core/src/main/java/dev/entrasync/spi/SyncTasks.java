package dev.entrasync.spi;

import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the engine offers a {@link SyncScheduler}: which tenants to schedule and when, and the work
 * itself. Thread-safe; the run methods block while the job runs and never throw for a failed sync
 * (the job records it).
 */
public interface SyncTasks {

    /**
     * Periodic housekeeping (the daily secret-expiry check and its warnings); a scheduler calls it
     * on each pass over the tenants, from one instance at a time. Quick, never throws.
     */
    void tick();

    /**
     * The tenants to schedule: every mapped tenant (paused and excluded ones are skipped when run).
     *
     * @return every mapped tenant; empty when none is mapped; never null
     */
    List<TenantId> tenants();

    /**
     * How often the tenant is synced: its own interval stored in its mapping, or the engine's.
     *
     * @param tenant the tenant; never null
     * @return the tenant's own interval when its mapping sets one, else the engine's; never null
     */
    Duration interval(TenantId tenant);

    /**
     * When the tenant is next due: the first start of its stable slot in the interval after
     * {@code after}; with {@code after} null (the scheduler has not seen the tenant yet), now if
     * the tenant missed its last slot (its last job is older than the slot's start), else its next
     * slot. A never-synced tenant waits for its slot; hosts sync it at once with Sync now.
     *
     * @param tenant the tenant; never null
     * @param after the instant the next run must follow (a scheduler passes the later of the previous run's due time
     *     and its end); null when the scheduler has not seen the tenant yet
     * @return when the tenant is next due; never null
     */
    Instant nextRun(TenantId tenant, Instant after);

    /**
     * For a scheduler that alone runs this engine's jobs (not a cluster): marks jobs a crash left
     * queued or running as failed ("interrupted") and queues their tenants again. Call before the
     * first tick.
     */
    void recoverInterrupted();

    /**
     * Runs the tenant's scheduled sync now on the calling thread, unless it is paused, excluded,
     * blocked by a permanent failure, unmapped, or already running. Paused, excluded and blocked are
     * read from the tenant's mapping at each call, so every instance keeps to what any instance set.
     *
     * @param tenant the tenant to sync; never null
     * @return the finished job, or empty when it was skipped
     */
    Optional<SyncJob> runScheduled(TenantId tenant);

    /**
     * Whether the engine has begun closing: from then on {@link #runScheduled} and {@link #runQueued} run
     * nothing. A scheduler shared by several instances hands a tenant's run that was skipped, cut short or
     * failed after this turned true to another instance (due again at once) instead of moving it to the
     * tenant's next slot, so that the tenant keeps its interval. The engine turns it true before it closes
     * its scheduler, so a run can end while this is true and the scheduler is not yet closing.
     *
     * @return true once the engine has begun closing; never false again after that
     */
    boolean closing();

    /**
     * Runs a job that {@link SyncScheduler#submit} was given, on the calling thread, if it is still
     * queued (a second delivery of the same job does nothing).
     *
     * @param jobId the id of the job the scheduler was given; never null
     * @return the finished job, or empty when it was no longer queued
     */
    Optional<SyncJob> runQueued(String jobId);
}
