package dev.entrasync.onboarding;

import dev.entrasync.SecretExpiryWarning;
import dev.entrasync.TokenException;
import java.time.Instant;

/**
 * Hears about client secrets: expiry warnings from {@link SecretLifecycle#checkExpiries()} and the
 * outcome of {@link SecretLifecycle#rotate}. Every method has a no-op default, so a host overrides
 * only what it needs (for example to mail the partner). Called on the thread that called
 * {@code SecretLifecycle}; an exception thrown here is logged and does not stop the others.
 */
public interface SecretListener {

    /**
     * A secret expires within 30, 14, 7 or 1 days.
     *
     * @param warning the credential, its expiry and the days left; never null
     */
    default void secretExpiring(SecretExpiryWarning warning) {}

    /**
     * A secret has expired: syncing with its credential fails until it is rotated.
     *
     * @param warning the credential and the expiry that has passed; never null
     */
    default void secretExpired(SecretExpiryWarning warning) {}

    /**
     * A new secret was verified and saved. {@code newExpiry} may be null (unknown).
     *
     * @param credentialName the name of the credential whose secret was rotated; never null
     * @param newExpiry when the new secret expires; null when unknown
     */
    default void secretRotated(String credentialName, Instant newExpiry) {}

    /**
     * A new secret was refused by Entra; the old one stays in use.
     *
     * @param credentialName the name of the credential whose rotation failed; never null
     * @param failure why Entra refused the new secret; never null
     */
    default void secretRotationFailed(String credentialName, TokenException failure) {}
}
