package dev.entrasync;

import java.time.Instant;

/**
 * A client secret or certificate is about to expire, or has: sent to
 * {@link dev.entrasync.onboarding.SecretListener}s once per threshold (30, 14, 7 and 1 days before, and on
 * expiry). A certificate's expiry is its {@code notAfter}. Immutable.
 *
 * @param credentialName the credential
 * @param expiresAt when its secret or certificate expires
 * @param daysLeft whole days left (0 on the last day, negative once expired)
 * @param thresholdDays the threshold crossed: 30, 14, 7, 1, or 0 for "expired"
 * @param message what is happening and what to do, in words
 * @param certificateThumbprint the certificate's SHA-1 thumbprint when a certificate expires; null for a secret
 */
public record SecretExpiryWarning(
        String credentialName,
        Instant expiresAt,
        long daysLeft,
        int thresholdDays,
        String message,
        String certificateThumbprint) {

    /**
     * A warning about a client secret.
     *
     * @param credentialName the credential
     * @param expiresAt when its secret expires
     * @param daysLeft whole days left (0 on the last day, negative once expired)
     * @param thresholdDays the threshold crossed: 30, 14, 7, 1, or 0 for "expired"
     * @param message what is happening and what to do, in words
     */
    public SecretExpiryWarning(
            String credentialName, Instant expiresAt, long daysLeft, int thresholdDays, String message) {
        this(credentialName, expiresAt, daysLeft, thresholdDays, message, null);
    }

    /**
     * True when a certificate, not a client secret, expires.
     *
     * @return true if {@link #certificateThumbprint()} is set
     */
    public boolean isCertificate() {
        return certificateThumbprint != null;
    }

    /**
     * What expires, for subjects and headings: {@code "Certificate"} or {@code "Client secret"}.
     *
     * @return {@code "Certificate"} or {@code "Client secret"}; never null
     */
    public String what() {
        return isCertificate() ? "Certificate" : "Client secret";
    }

    /**
     * True once the secret has expired.
     *
     * @return true if {@link #thresholdDays()} is 0: the secret has expired
     */
    public boolean expired() {
        return thresholdDays == 0;
    }
}
