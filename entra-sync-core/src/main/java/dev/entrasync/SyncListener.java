package dev.entrasync;

/**
 * Hears what the engine does. Every method has a no-op default, so a host overrides only what it
 * shows. Called on the engine's worker threads, possibly concurrently for different tenants; keep
 * the work short and do not throw (an exception is logged and ignored).
 */
public interface SyncListener {

    /**
     * A job was queued (by the schedule, "Sync now", or crash recovery).
     *
     * @param job the queued job; never null
     */
    default void jobQueued(SyncJob job) {}

    /**
     * A job started.
     *
     * @param job the started job; never null
     */
    default void jobStarted(SyncJob job) {}

    /**
     * A dataset of a running job began: called once per dataset of the job, before its first request and
     * before {@link #datasetProgress} and {@link #datasetFinished} for it (a delta run redone as a full round is
     * still one dataset run and is told once). On the job's thread, after {@link #jobStarted}.
     *
     * @param job the running job; never null
     * @param dataset the dataset about to be synced; never null
     */
    default void datasetStarted(SyncJob job, Dataset dataset) {}

    /**
     * A dataset of a running job delivered another page.
     *
     * @param job the running job; never null
     * @param dataset the dataset being synced; never null
     * @param rowsSoFar the records written and removed so far in this dataset run
     * @param pages the pages (batches written to the sink) so far in this dataset run, this one included
     */
    default void datasetProgress(SyncJob job, Dataset dataset, long rowsSoFar, long pages) {}

    /**
     * A dataset of a running job finished.
     *
     * @param job the running job; never null
     * @param result the dataset's outcome; never null
     */
    default void datasetFinished(SyncJob job, DatasetResult result) {}

    /**
     * A job finished (succeeded, partial, failed or cancelled).
     *
     * @param job the finished job; never null
     */
    default void jobFinished(SyncJob job) {}

    /**
     * A tenant stopped being synced for a reason a person must fix (secret expired or wrong, consent
     * revoked, app disabled). Told once per cause: the block is stored in the tenant's mapping
     * ({@code TenantMapping.block()}), so the same failure seen again — by this engine, another
     * instance over the same mapper, or after a restart — is not told again. Syncing resumes when the
     * credential or consent changes, or the host calls {@link SyncEngine#resume(TenantId)}.
     *
     * @param tenant the blocked tenant; never null
     * @param cause the permanent token failure that blocked it; never null
     */
    default void tenantBlocked(TenantId tenant, TokenException cause) {}

    /**
     * The engine could not get a token for a tenant: every time it fails, transient (Entra ID unavailable, a
     * network failure) or permanent (a wrong or expired secret, consent revoked), before a job's first dataset,
     * during a dataset, or in {@link SyncEngine#sync} (which then throws it). A permanent failure is told here each
     * time it happens, and once more through {@link #tenantBlocked} when it blocks a mapped tenant. On the thread
     * that asked for the token (a job's, or the caller of {@code sync}).
     *
     * @param tenant the tenant the token was for, as the job or the caller named it; never null
     * @param failure what Entra ID (or the network) said, with {@link TokenException#failure()} and
     *     {@link TokenException#aadstsCode()}; never null
     */
    default void tokenFailed(TenantId tenant, TokenException failure) {}

    /**
     * A credential's client secret expires within 30, 14, 7 or 1 days, or has expired
     * ({@link dev.entrasync.SecretExpiryWarning#expired()}). Sent by the engine's daily check
     * when it was given the onboarding's {@code SecretLifecycle}.
     *
     * @param warning the credential, its expiry and the days left; never null
     */
    default void secretExpiring(dev.entrasync.SecretExpiryWarning warning) {}
}
