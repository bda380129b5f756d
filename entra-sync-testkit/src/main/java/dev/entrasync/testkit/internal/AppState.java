package dev.entrasync.testkit.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A registered multi-tenant app: client id, secrets with their expiry, enabled flag. Thread-safe. */
public final class AppState {
    /** What a presented secret is worth. */
    public enum SecretCheck {
        VALID,
        EXPIRED,
        WRONG
    }

    private final String clientId;
    private final String displayName;
    private final Map<String, Instant> secrets = new ConcurrentHashMap<>();
    private final java.util.Set<String> redirectUris = ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> configuredPermissions = ConcurrentHashMap.newKeySet();
    private volatile boolean disabled;
    private final Map<String, KeyCredential> certificates = new ConcurrentHashMap<>();
    private final java.util.List<FederatedCredential> federated = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * A certificate uploaded to the registration (a key credential): found by its SHA-1 or SHA-256 thumbprint
     * (hex, upper case), valid until {@code endDateTime}.
     */
    public record KeyCredential(
            String sha1Thumbprint, String sha256Thumbprint, java.security.PublicKey key, Instant endDateTime) {}

    /**
     * A federated identity credential: tokens of {@code issuer} about {@code subject} for one of
     * {@code audiences}, whose signature {@code key} verifies (standing in for the issuer's published JWKS).
     */
    public record FederatedCredential(
            String issuer, String subject, java.util.List<String> audiences, java.security.PublicKey key) {}

    /** Adds an uploaded certificate. */
    public void addCertificate(KeyCredential credential) {
        certificates.put(credential.sha1Thumbprint(), credential);
    }

    /** Removes an uploaded certificate by its SHA-1 thumbprint; returns whether it existed. */
    public boolean removeCertificate(String sha1Thumbprint) {
        return certificates.remove(sha1Thumbprint) != null;
    }

    /** The uploaded certificate with this SHA-1 or SHA-256 thumbprint (hex, any case), or null. */
    public KeyCredential certificate(String thumbprintHex) {
        String wanted = thumbprintHex.toUpperCase(java.util.Locale.ROOT);
        for (KeyCredential c : certificates.values()) {
            if (c.sha1Thumbprint().equals(wanted) || c.sha256Thumbprint().equals(wanted)) {
                return c;
            }
        }
        return null;
    }

    /** Adds a federated identity credential. */
    public void addFederatedCredential(FederatedCredential credential) {
        federated.add(credential);
    }

    /** Returns the live list of federated identity credentials. */
    public java.util.List<FederatedCredential> federatedCredentials() {
        return federated;
    }

    public AppState(String clientId, String displayName) {
        this.clientId = clientId;
        this.displayName = displayName;
    }

    public String clientId() {
        return clientId;
    }

    public String displayName() {
        return displayName;
    }

    /** Adds a secret valid until {@code expiresAt} ({@link Instant#MAX} for never). */
    public void addSecret(String secret, Instant expiresAt) {
        secrets.put(secret, expiresAt);
    }

    /** Removes a secret; returns whether it existed. */
    public boolean removeSecret(String secret) {
        return secrets.remove(secret) != null;
    }

    /** Marks a known secret expired from {@code now} on; returns whether it existed. */
    public boolean expireSecret(String secret, Instant now) {
        return secrets.computeIfPresent(secret, (s, old) -> now) != null;
    }

    /** Checks a presented secret at {@code now}, in constant time per stored secret. */
    public SecretCheck check(String presented, Instant now) {
        if (presented == null) {
            return SecretCheck.WRONG;
        }
        for (Map.Entry<String, Instant> entry : secrets.entrySet()) {
            if (java.security.MessageDigest.isEqual(
                    entry.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    presented.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                return now.isBefore(entry.getValue()) ? SecretCheck.VALID : SecretCheck.EXPIRED;
            }
        }
        return SecretCheck.WRONG;
    }

    /** Returns the live set of registered redirect URIs. */
    public java.util.Set<String> redirectUris() {
        return redirectUris;
    }

    /** Returns the live set of application permissions configured on the registration. */
    public java.util.Set<String> configuredPermissions() {
        return configuredPermissions;
    }

    public boolean disabled() {
        return disabled;
    }

    public void disabled(boolean value) {
        disabled = value;
    }
}
