package dev.entrasync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Syncs the host's mapped tenants into its {@link DatasetSink}: every tenant on a schedule (24 hours
 * by default, spread over the day) and on demand ("Sync now"). Every run is a {@link SyncJob} kept
 * in the {@link JobStore}. Built once per host with {@code EntraSync.engine()}.
 *
 * <h2>Sharing</h2>
 * Build one engine per host process and share it. It runs on the host's {@code EntraSync} runtime, whose
 * HTTP connections, token cache and per-tenant budgets keep the whole fleet inside Graph's limits and are
 * shared with onboarding and mail; closing the engine leaves the runtime open. Several engines over one
 * database coordinate through {@code entra-sync-jdbc}'s clustered scheduler.
 *
 * <h2>Threads</h2>
 * All methods are thread-safe. Jobs run on the engine's executor (the host may pass its own, e.g.
 * virtual threads on Java 21); listeners are called from those threads.
 */
public interface SyncEngine extends AutoCloseable {

    /**
     * Starts the schedule: first marks jobs a crash left running as failed ("interrupted") and syncs
     * their tenants again, then syncs each mapped tenant in its slot of every interval.
     *
     * @throws IllegalStateException if already started or closed
     */
    void start();

    /**
     * Queues a sync of a mapped tenant now (paused tenants too; excluded ones not). If a job of this
     * tenant is already queued or running, returns that job instead of starting another.
     *
     * @param tenant the mapped tenant; never null
     * @return the queued or running job; never null
     * @throws IllegalArgumentException if the tenant is not mapped, or is excluded
     */
    SyncJob syncNow(TenantId tenant);

    /**
     * {@link #syncNow(TenantId)} for the tenant mapped to a host company.
     *
     * @param companyId the host's company id; never null
     * @return the queued or running job of the company's tenant; never null
     * @throws IllegalArgumentException if the company is not mapped to a tenant, or its tenant is excluded
     */
    SyncJob syncNowForCompany(String companyId);

    /**
     * {@link #syncNow(TenantId)} for every mapped, not excluded tenant.
     *
     * @return one queued or running job per mapped tenant that is not excluded, in the mapper's order; empty when no
     *     tenant is mapped; never null
     */
    List<SyncJob> syncAllNow();

    /**
     * The job's completion, to wait for it without blocking a thread (a web host's "Sync now" that
     * answers when the job is done, say).
     *
     * <p>The future completes with the finished job (SUCCEEDED, PARTIAL, FAILED or CANCELLED — a failed
     * sync completes it normally; read {@link SyncJob#status()}). A job of this engine run by the
     * built-in scheduler completes it the moment it finishes, on the thread that ran the job, and is never
     * looked up in the {@link JobStore} meanwhile. A job that may run on another instance (under a
     * cluster scheduler) is also looked up in the shared store while the future is not done: after
     * 50 ms, then at doubling intervals up to once a second (on the common fork-join pool). A job that had already finished gives a completed future. Dependent actions
     * run on the thread that completes the future: keep them short, or use the {@code ...Async} methods.
     *
     * <p>Cancelling the future stops this wait only; the job goes on (stop a tenant's syncs with
     * {@link #pause} or {@link #exclude}, stop all with {@link #close}). When the engine closes, its
     * unfinished jobs end CANCELLED and complete their futures; a wait for a job on another instance
     * ends with a {@link java.util.concurrent.CancellationException}. If the store fails while looking,
     * the future completes exceptionally with the store's exception.
     *
     * @param jobId a job's id ({@link SyncJob#id()}); never null
     * @return a new future for each call; never null
     * @throws IllegalArgumentException if the id is null or neither this engine nor the store knows the job
     */
    CompletableFuture<SyncJob> completion(String jobId);

    /**
     * Waits on the calling thread until a job finishes, at most {@code timeout}: {@link #completion}
     * with a timeout (so it wakes the moment a job of this engine finishes).
     *
     * @param timeout how long to wait at most; zero or negative only looks; never null
     * @param jobId a job's id ({@link SyncJob#id()}); never null
     * @return the job's latest state (finished, or still queued or running when the timeout passed)
     * @throws IllegalArgumentException if there is no such job, or {@code jobId} or {@code timeout} is null
     * @throws InterruptedException if interrupted while waiting (the job goes on)
     */
    SyncJob await(String jobId, Duration timeout) throws InterruptedException;

    /**
     * When the schedule will next sync the tenant: its slot in its interval (see
     * {@code SyncTasks.nextRun}), or now when it missed its last slot. Under the
     * built-in scheduler this is the time it has planned; under a cluster scheduler, the slot the
     * engine hands it. Reads the tenant's mapping; any thread.
     *
     * @param tenant a tenant; never null
     * @return empty when no scheduled sync will run for the tenant: not mapped, paused, excluded, or
     *     blocked by a permanent failure
     * @throws IllegalArgumentException if {@code tenant} is null
     */
    Optional<Instant> nextRun(TenantId tenant);

    /**
     * Syncs a tenant now on the calling thread, without a mapping (for tools and one-off runs); the
     * run is recorded as a manual job.
     *
     * <p>Like {@link #syncNow}, it never runs a second job of a tenant that already has one queued or
     * running in this engine (a Sync now, a scheduled run, another {@code sync}): it waits for that
     * job instead, and returns its results when it synced every dataset asked for; otherwise it runs
     * its own job once that one is done. So one tenant's dataset never has two sink sessions open at
     * once. (Across a cluster, see {@code JdbcClusterScheduler}.)
     *
     * @param credentialName the credential in the engine's {@link CredentialStore}
     * @param tenant the tenant (GUID or domain)
     * @param datasets what to sync; never empty
     * @return one result per dataset asked for, in the order of {@link Dataset}; the result's
     *     {@link SyncResult#runId()} is the job that ran them (the joined one, if it did)
     * @throws TokenException if no token can be had for the tenant (nothing is written)
     * @throws IllegalArgumentException if the credential is unknown, no dataset is given, or the tenant
     *     is mapped and excluded
     * @throws IllegalStateException if the engine is closing
     * @throws java.util.concurrent.CancellationException if interrupted while waiting for a running job
     *     (which goes on)
     */
    SyncResult sync(String credentialName, TenantId tenant, Set<Dataset> datasets);

    /**
     * The jobs, for the host to show: a read-only view of the engine's {@link JobStore}.
     *
     * @return a read-only view of the engine's jobs; never null
     */
    JobHistory jobs();

    /**
     * How the tenant's syncs have been going: read from its latest jobs in the {@link JobStore} and the
     * block stored in its mapping, so every engine over the same stores reports the same.
     *
     * @param tenant the tenant; never null
     * @return the tenant's health, with no failures and no success when it has no jobs; never null
     */
    TenantHealth health(TenantId tenant);

    /**
     * The mapped tenants a permanent token failure blocks now, as {@link #health} reports them
     * ({@link TenantHealth#blocked()}): read from the tenant mappings (one {@link TenantMapper#list()} per call), so
     * every engine over the same mapper agrees. For a health page or a gauge; any thread.
     *
     * @return the blocked tenants, in the mapper's order; never null, empty when none is blocked
     */
    List<TenantId> blockedTenants();

    /**
     * Stops scheduled syncs of the tenant (Sync now still works) by pausing its mapping.
     *
     * @param tenant the mapped tenant to pause; never null
     * @throws IllegalArgumentException if the tenant is not mapped
     */
    void pause(TenantId tenant);

    /**
     * Undoes {@link #pause} and lifts a block left by a permanent failure (after re-consent, say), in
     * the tenant's mapping. Does nothing for a tenant that is not mapped.
     *
     * @param tenant the tenant to resume; never null
     */
    void resume(TenantId tenant);

    /**
     * Excludes the tenant from every sync, scheduled or manual, until {@link #include}. Stored in the
     * tenant's mapping ({@link dev.entrasync.TenantMapping#excluded()}), so every engine over
     * the same mapper — the other instances of a cluster, this one after a restart — keeps to it.
     *
     * @param tenant the mapped tenant to exclude; never null
     * @throws IllegalArgumentException if the tenant is not mapped
     */
    void exclude(TenantId tenant);

    /**
     * Undoes {@link #exclude}.
     *
     * @param tenant the mapped tenant to include again; never null
     * @throws IllegalArgumentException if the tenant is not mapped
     */
    void include(TenantId tenant);

    /**
     * Sets the tenant's own interval (null: back to the engine's), stored in the tenant's mapping
     * ({@link dev.entrasync.TenantMapping#interval()}) so every engine over the same mapper
     * schedules it so; the tenant's next run moves to its slot in the new interval.
     *
     * @param tenant the mapped tenant; never null
     * @param interval the tenant's own interval, at least one minute; null for the engine's
     * @throws IllegalArgumentException if shorter than one minute, or the tenant is not mapped
     */
    void interval(TenantId tenant, Duration interval);

    /**
     * Stops the schedule and the running jobs: their sink sessions are aborted, so nothing is
     * half-written, and they end CANCELLED; queued jobs are cancelled too. Waits for the workers.
     * The {@code EntraSync} runtime it was built on stays open; closing the runtime closes the engine.
     */
    @Override
    void close();
}
