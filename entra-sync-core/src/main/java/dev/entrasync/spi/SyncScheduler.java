package dev.entrasync.spi;

import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;

/**
 * Decides when and where sync jobs run. The engine's built-in scheduler runs everything in the
 * host's process; {@code entra-sync-jdbc}'s runs them across several host instances sharing one
 * database, so each tenant is synced once per interval by exactly one instance, a dead instance's
 * work is picked up by another, and "Sync now" works from any instance.
 *
 * <p>The engine calls {@link #attach} once when it is built, {@link #start} once from
 * {@code SyncEngine.start()}, {@link #submit} and {@link #reschedule} from any thread, and
 * {@link #close} once.
 * Implementations must be thread-safe.
 */
public interface SyncScheduler extends AutoCloseable {

    /**
     * Gives the scheduler the engine's tasks; called once, before anything else.
     *
     * @param tasks the engine's tasks; never null
     */
    void attach(SyncTasks tasks);

    /**
     * Starts the schedule: call {@link SyncTasks#runScheduled} for each tenant when its slot comes
     * (see {@link SyncTasks#nextRun}). Runs block while the job runs, on the scheduler's thread.
     */
    void start();

    /**
     * Has some instance run this job, which the engine saved as QUEUED in the shared job store, by
     * calling {@link SyncTasks#runQueued}. A scheduler may run it before {@link #start} (the
     * built-in one does) or hold it until then (a cluster one may).
     *
     * @param job the job the engine saved as QUEUED; never null
     */
    void submit(SyncJob job);

    /**
     * The tenant's interval changed (the engine stored it in the tenant's mapping): its next run is
     * {@link SyncTasks#nextRun SyncTasks.nextRun(tenant, null)} again, not the slot the old interval
     * gave. Called from any thread; a scheduler that asks {@code nextRun} before each run need not do
     * anything (the default).
     *
     * @param tenant the tenant whose interval changed; never null
     */
    default void reschedule(TenantId tenant) {}

    /** Stops taking work; jobs already running are cancelled by the engine. */
    @Override
    void close();
}
