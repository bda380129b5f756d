package dev.entrasync.testkit;

/**
 * How the simulated Graph rejects a delta token made invalid by
 * {@link Faults#expireDeltaTokens(String, DeltaTokenFailure)}.
 */
public enum DeltaTokenFailure {
    /**
     * 410 Gone with a {@code Location} header holding the initial query (an empty
     * {@code $deltatoken}), Graph's signal to restart with full synchronisation.
     */
    GONE("gone"),
    /** 400 with error code {@code syncStateNotFound} (also what tokens older than 7 days get). */
    SYNC_STATE_NOT_FOUND("syncStateNotFound"),
    /** 400 with error code {@code resyncRequired}. */
    RESYNC_REQUIRED("resyncRequired");

    private final String mode;

    DeltaTokenFailure(String mode) {
        this.mode = mode;
    }

    String mode() {
        return mode;
    }
}
