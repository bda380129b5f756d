package dev.entrasync.jdbc.internal.schedule;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.spi.SyncTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three db-scheduler tasks that drive an engine across instances:
 * <ul>
 *   <li>{@value #TENANT}: one instance per tenant (instance id = tenant GUID); runs the tenant's
 *       scheduled sync, then reschedules itself to the engine's next slot for the tenant (or removes itself
 *       when the tenant is no longer mapped); a run that this instance's closing cut short (cancelled,
 *       failed or skipped while its engine or scheduler was closing) is due again at once, for another
 *       instance;</li>
 *   <li>{@value #JOB}: one instance per submitted job (instance id = job id), run once;</li>
 *   <li>{@value #HOUSEKEEPING}: a single recurring instance (so one instance at a time) that runs the
 *       engine's {@link SyncTasks#tick()} and brings the tenant instances in line with the mappings.</li>
 * </ul>
 * A run whose instance died (no heartbeat) is revived on another instance.
 */
public final class ClusterTasks {

    public static final String TENANT = "entra-sync-tenant";
    public static final String JOB = "entra-sync-job";
    public static final String HOUSEKEEPING = "entra-sync-housekeeping";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterTasks.class);

    public final CustomTask<Void> tenant;
    public final OneTimeTask<Void> job;
    public final RecurringTask<Void> housekeeping;

    /**
     * @param tasks the engine's tasks, once attached
     * @param reconcile brings the tenant instances in line with {@link SyncTasks#tenants()}
     */
    public ClusterTasks(
            Supplier<SyncTasks> tasks, Runnable reconcile, Duration housekeepingInterval, BooleanSupplier closing) {
        this.tenant = Tasks.custom(TENANT, Void.class)
                .onDeadExecutionRevive()
                .onFailure((complete, operations) -> {
                    SyncTasks engine = tasks.get();
                    (closing(engine, closing) ? handOver() : next(engine)).complete(complete, operations);
                })
                .execute((instance, context) -> {
                    SyncTasks engine = tasks.get();
                    Optional<SyncJob> job = engine.runScheduled(TenantId.of(instance.getId()));
                    boolean synced = job.map(j -> j.status() == JobStatus.SUCCEEDED || j.status() == JobStatus.PARTIAL)
                            .orElse(false);
                    boolean cutShort =
                            job.map(j -> j.status() == JobStatus.CANCELLED).orElse(false)
                                    || closing(engine, closing) && !synced;
                    return cutShort ? handOver() : next(engine);
                });
        this.job = Tasks.oneTime(JOB)
                .onDeadExecutionRevive()
                .onFailure((complete, operations) -> {
                    LOG.warn(
                            "Job {} failed outside the engine's own handling; it is not retried",
                            complete.getExecution().taskInstance.getId(),
                            complete.getCause().orElse(null));
                    operations.remove();
                })
                .execute((instance, context) -> tasks.get().runQueued(instance.getId()));
        this.housekeeping = Tasks.recurring(HOUSEKEEPING, FixedDelay.of(housekeepingInterval))
                .execute((instance, context) -> {
                    tasks.get().tick();
                    reconcile.run();
                });
    }

    /**
     * Whether this instance is closing: its scheduler is, or its engine began closing first (the engine closes
     * its scheduler after it stops taking jobs, so a run can end between the two).
     */
    private static boolean closing(SyncTasks engine, BooleanSupplier schedulerClosing) {
        return schedulerClosing.getAsBoolean() || engine.closing();
    }

    /**
     * Makes a tenant's run due again at once, for another instance: this one is closing and cancelled or
     * skipped the run, which must not cost the tenant its interval.
     */
    private static CompletionHandler<Void> handOver() {
        return (complete, operations) -> operations.reschedule(complete, complete.getTimeDone());
    }

    /** Reschedules a tenant instance to the engine's next slot after the run, or removes it when unmapped. */
    private static CompletionHandler<Void> next(SyncTasks engine) {
        return (complete, operations) -> {
            TenantId tenant = TenantId.of(complete.getExecution().taskInstance.getId());
            if (!engine.tenants().contains(tenant)) {
                operations.remove();
                return;
            }
            Instant scheduled = complete.getExecution().getExecutionTime();
            Instant done = complete.getTimeDone();
            operations.reschedule(complete, engine.nextRun(tenant, done.isAfter(scheduled) ? done : scheduled));
        };
    }
}
