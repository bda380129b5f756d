package dev.entrasync;

import java.time.Instant;

/**
 * Why and since when the sync engine stopped syncing a tenant: a permanent token failure (secret
 * wrong or expired, consent revoked, app disabled) that nothing but a person can fix. Part of the
 * tenant's {@link TenantMapping}, so every engine over the same mapper (every instance of a cluster,
 * and the engine after a restart) sees it. The engine sets it when a job hits such a failure and
 * clears it when the credential changes (a rotated secret, say) or the host calls
 * {@code SyncEngine.resume(...)}; hosts normally only read it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param failure the permanent token failure; never null
 * @param reason what Microsoft Entra answered, in words (the failed job's reason); never null
 * @param since when the engine blocked the tenant; never null
 * @param credential a digest of the credential as it was when the tenant was blocked: a change of
 *     any of its fields (a new secret, another client id) changes the digest, and the engine lifts the
 *     block when it differs. It is a truncated SHA-256 digest, never the secret; never null
 */
public record TenantBlock(TokenFailure failure, String reason, Instant since, String credential) {

    /**
     * Validates the components.
     *
     * @param failure the permanent token failure; never null
     * @param reason what Microsoft Entra answered, in words; not blank
     * @param since when the engine blocked the tenant; never null
     * @param credential the digest of the credential when it was blocked; not blank
     * @throws IllegalArgumentException naming the field, for a missing one
     */
    public TenantBlock {
        if (failure == null) {
            throw new IllegalArgumentException("failure: must be the permanent token failure that blocked the tenant");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: must say why the tenant was blocked");
        }
        if (since == null) {
            throw new IllegalArgumentException("since: must be when the tenant was blocked");
        }
        if (credential == null || credential.isBlank()) {
            throw new IllegalArgumentException("credential: must be the digest of the credential that was refused");
        }
    }
}
