package dev.entrasync;

/**
 * Hears what the engine does. Every method has a no-op default, so a host overrides only what it
 * shows. Called on the engine's worker threads, possibly concurrently for different tenants; keep
 * the work short and do not throw (an exception is logged and ignored).
 */
public interface SyncListener {

    /** A job was queued (by the schedule, "Sync now", or crash recovery). */
    default void jobQueued(SyncJob job) {}

    /** A job started. */
    default void jobStarted(SyncJob job) {}

    /** A dataset of a running job delivered another page. */
    default void datasetProgress(SyncJob job, Dataset dataset, long rowsSoFar, long pages) {}

    /** A dataset of a running job finished. */
    default void datasetFinished(SyncJob job, DatasetResult result) {}

    /** A job finished (succeeded, partial, failed or cancelled). */
    default void jobFinished(SyncJob job) {}

    /**
     * A tenant stopped being synced for a reason a person must fix (secret expired or wrong, consent
     * revoked, app disabled). Told once per cause: the block is stored in the tenant's mapping
     * ({@code TenantMapping.block()}), so the same failure seen again — by this engine, another
     * instance over the same mapper, or after a restart — is not told again. Syncing resumes when the
     * credential or consent changes, or the host calls {@link SyncEngine#resume(TenantId)}.
     */
    default void tenantBlocked(TenantId tenant, TokenException cause) {}

    /**
     * A credential's client secret expires within 30, 14, 7 or 1 days, or has expired
     * ({@link dev.entrasync.SecretExpiryWarning#expired()}). Sent by the engine's daily check
     * when it was given the onboarding's {@code SecretLifecycle}.
     */
    default void secretExpiring(dev.entrasync.SecretExpiryWarning warning) {}
}
