package dev.entrasync;

import java.time.Instant;
import java.util.Optional;

/**
 * How a tenant's syncs have been going.
 *
 * @param tenant the tenant
 * @param consecutiveFailures failed jobs in a row (0 after a success)
 * @param lastSuccess when a job last succeeded (or was partial), or null
 * @param lastError the last failure in words, or null
 * @param blockedBy the permanent token failure that stopped syncing, or null when not blocked
 */
public record TenantHealth(
        TenantId tenant, int consecutiveFailures, Instant lastSuccess, String lastError, TokenFailure blockedBy) {

    /**
     * Whether the engine stopped syncing this tenant until a person acts.
     *
     * @return true if {@link #blockedBy()} is set: the engine stopped syncing the tenant until a person acts
     */
    public boolean blocked() {
        return blockedBy != null;
    }

    /**
     * When a job last succeeded.
     *
     * @return when a job of the tenant last succeeded or was partial; empty when none has
     */
    public Optional<Instant> lastSuccessTime() {
        return Optional.ofNullable(lastSuccess);
    }
}
