package dev.entrasync;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Syncs the host's mapped tenants into its {@link DatasetSink}: every tenant on a schedule (24 hours
 * by default, spread over the day) and on demand ("Sync now"). Every run is a {@link SyncJob} kept
 * in the {@link JobStore}. Built once per host with {@link EntraSync#engine()}.
 *
 * <h2>Sharing</h2>
 * Build one engine per host process and share it. It runs on the host's {@link EntraSync} runtime, whose
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
     * @return the queued or running job; never null
     * @throws IllegalArgumentException if the tenant is not mapped, or is excluded
     */
    SyncJob syncNow(TenantId tenant);

    /** {@link #syncNow(TenantId)} for the tenant mapped to a host company. */
    SyncJob syncNowForCompany(String companyId);

    /** {@link #syncNow(TenantId)} for every mapped, not excluded tenant. */
    List<SyncJob> syncAllNow();

    /**
     * Waits until a job finishes, at most {@code timeout}.
     *
     * @return the job's latest state (finished, or still running when the timeout passed)
     * @throws IllegalArgumentException if there is no such job
     * @throws InterruptedException if interrupted while waiting
     */
    SyncJob await(String jobId, Duration timeout) throws InterruptedException;

    /**
     * Syncs a tenant now on the calling thread, without a mapping (for tools and one-off runs); the
     * run is recorded as a manual job.
     *
     * @param credentialName the credential in the engine's {@link CredentialStore}
     * @param tenant the tenant (GUID or domain)
     * @param datasets what to sync; never empty
     * @return one result per dataset, in the order of {@link Dataset}
     * @throws TokenException if no token can be had for the tenant (nothing is written)
     * @throws IllegalArgumentException if the credential is unknown or no dataset is given
     */
    SyncResult sync(String credentialName, TenantId tenant, Set<Dataset> datasets);

    /** The jobs, for the host to show. */
    JobStore jobs();

    /** How the tenant's syncs have been going. */
    TenantHealth health(TenantId tenant);

    /** Stops scheduled syncs of the tenant (Sync now still works) by pausing its mapping. */
    void pause(TenantId tenant);

    /** Undoes {@link #pause} and lifts a block left by a permanent failure (after re-consent, say). */
    void resume(TenantId tenant);

    /** Excludes the tenant from every sync, scheduled or manual, until {@link #include}. */
    void exclude(TenantId tenant);

    /** Undoes {@link #exclude}. */
    void include(TenantId tenant);

    /**
     * Sets the tenant's own interval (null: back to the engine's).
     *
     * @throws IllegalArgumentException if shorter than one minute
     */
    void interval(TenantId tenant, Duration interval);

    /**
     * Stops the schedule and the running jobs: their sink sessions are aborted, so nothing is
     * half-written, and they end CANCELLED; queued jobs are cancelled too. Waits for the workers.
     * The {@link EntraSync} runtime it was built on stays open; closing the runtime closes the engine.
     */
    @Override
    void close();
}
