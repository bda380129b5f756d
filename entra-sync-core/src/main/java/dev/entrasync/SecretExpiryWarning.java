package dev.entrasync;

import java.time.Instant;

/**
 * A client secret is about to expire, or has: sent to {@link dev.entrasync.onboarding.SecretListener}s once per
 * threshold (30, 14, 7 and 1 days before, and on expiry). Immutable.
 *
 * @param credentialName the credential
 * @param expiresAt when its secret expires
 * @param daysLeft whole days left (0 on the last day, negative once expired)
 * @param thresholdDays the threshold crossed: 30, 14, 7, 1, or 0 for "expired"
 * @param message what is happening and what to do, in words
 */
public record SecretExpiryWarning(
        String credentialName, Instant expiresAt, long daysLeft, int thresholdDays, String message) {

    /**
     * True once the secret has expired.
     *
     * @return true if {@link #thresholdDays()} is 0: the secret has expired
     */
    public boolean expired() {
        return thresholdDays == 0;
    }
}
