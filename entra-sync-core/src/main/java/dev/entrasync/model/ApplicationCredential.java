package dev.entrasync.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One credential of an app registration or service principal: a client secret ({@code passwordCredentials}) or a
 * certificate ({@code keyCredentials}). Only metadata: Graph never returns a secret's value on a read, and a
 * certificate's public key is not kept.
 *
 * <p>The secret's {@code hint} (its first three characters, as Graph returns it) is deliberately not kept: the
 * {@link #keyId()} (the portal's "Secret ID"), the display name and the dates identify a secret, and the hint is only
 * good for comparing against the secret's value, which a host should never hold; so no part of any secret ends up in
 * the host's storage.
 *
 * @param keyId the credential's id (a GUID), the portal's "Secret ID" or certificate id
 * @param kind {@link Kind#SECRET} or {@link Kind#CERTIFICATE}
 * @param displayName the description given when it was added, or null
 * @param startDateTime when it becomes valid, or null
 * @param endDateTime when it expires, or null
 * @param type a certificate's type, e.g. {@code AsymmetricX509Cert}; null for a secret
 * @param usage a certificate's use, {@code Verify} (sign-in) or {@code Sign}; null for a secret
 */
public record ApplicationCredential(
        String keyId,
        Kind kind,
        String displayName,
        Instant startDateTime,
        Instant endDateTime,
        String type,
        String usage) {

    /** Which list the credential comes from. */
    public enum Kind {
        /** A client secret ({@code passwordCredentials}). */
        SECRET,
        /** A certificate ({@code keyCredentials}). */
        CERTIFICATE
    }

    /**
     * Validates the components.
     *
     * @param keyId the credential's id; never null
     * @param kind secret or certificate; never null
     * @param displayName the description; may be null
     * @param startDateTime when it becomes valid; may be null
     * @param endDateTime when it expires; may be null
     * @param type a certificate's type; null for a secret
     * @param usage a certificate's use; null for a secret
     * @throws NullPointerException if {@code keyId} or {@code kind} is null
     */
    public ApplicationCredential {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * Whether the credential has expired at {@code at}.
     *
     * @param at the instant to compare with; never null
     * @return true if {@link #endDateTime()} is known and not after {@code at}
     */
    public boolean expiredAt(Instant at) {
        return endDateTime != null && !endDateTime.isAfter(at);
    }
}
