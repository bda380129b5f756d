package dev.entrasync.onboarding;

import dev.entrasync.AppCredential;
import dev.entrasync.ClientSecret;
import dev.entrasync.CredentialStore;
import dev.entrasync.SecretExpiryWarning;
import dev.entrasync.TokenException;
import dev.entrasync.internal.auth.TokenService;
import dev.entrasync.spi.SecretExpiryCheck;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of client secrets and certificates. {@link #checkExpiries()} warns {@link SecretListener}s 30,
 * 14, 7 and 1 days before a secret or certificate expires (a certificate's expiry is its {@code notAfter}) and
 * once it has, each threshold once per credential (the host calls it daily, or more often); an assertion
 * callback has nothing to expire. {@link #rotate} puts a new secret in place only after Entra accepted it:
 * it gets a token for the credential's home tenant with the new secret first, and keeps the old one
 * if that fails.
 *
 * <p>Obtained from {@link Onboarding#secrets()}. Thread-safe. Which warnings were sent is kept in
 * memory: after a restart the current threshold's warning is sent once more.
 */
public final class SecretLifecycle implements SecretExpiryCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SecretLifecycle.class);
    static final int[] THRESHOLDS = {30, 14, 7, 1};

    private final CredentialStore credentials;
    private final TokenService tokens;
    private final Clock clock;
    private final List<SecretListener> listeners;
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    private record Sent(Instant expiresAt, int threshold) {}

    SecretLifecycle(CredentialStore credentials, TokenService tokens, Clock clock, List<SecretListener> listeners) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Checks every credential's secret expiry and tells the listeners about each threshold newly
     * crossed (only the nearest one when several were crossed since the last check).
     *
     * @return the warnings sent by this call; empty when there was nothing new
     */
    @Override
    public synchronized List<SecretExpiryWarning> checkExpiries() {
        Instant now = clock.instant();
        List<SecretExpiryWarning> out = new ArrayList<>();
        for (AppCredential credential : credentials.list()) {
            if (credential.credentialExpiry().isEmpty()) {
                continue;
            }
            Instant expiresAt = credential.credentialExpiry().orElseThrow();
            long days = credential.daysUntilCredentialExpires(clock).orElseThrow();
            int threshold = threshold(now, expiresAt, days);
            Sent last = sent.get(credential.name());
            boolean already = last != null && last.expiresAt().equals(expiresAt) && last.threshold() <= threshold;
            if (threshold < 0 || already) {
                continue;
            }
            sent.put(credential.name(), new Sent(expiresAt, threshold));
            SecretExpiryWarning warning = new SecretExpiryWarning(
                    credential.name(),
                    expiresAt,
                    days,
                    threshold,
                    message(credential, expiresAt, days, threshold),
                    credential.certificate() == null
                            ? null
                            : credential.certificate().thumbprint());
            LOG.warn("{}", warning.message());
            notifyListeners(l -> {
                if (warning.expired()) {
                    l.secretExpired(warning);
                } else {
                    l.secretExpiring(warning);
                }
            });
            out.add(warning);
        }
        return out;
    }

    /** 0 once expired, else the smallest threshold at or above the days left, else -1. */
    private static int threshold(Instant now, Instant expiresAt, long days) {
        if (!now.isBefore(expiresAt)) {
            return 0;
        }
        int found = -1;
        for (int t : THRESHOLDS) {
            if (days <= t) {
                found = t;
            }
        }
        return found;
    }

    private static String message(AppCredential credential, Instant expiresAt, long days, int threshold) {
        String name = credential.name();
        boolean certificate = credential.kind() == AppCredential.Kind.CERTIFICATE;
        String what = certificate
                ? "The certificate (thumbprint " + credential.certificate().thumbprint() + ")"
                : "The client secret";
        String fix = certificate
                ? " Create a new certificate, upload its public part to the app registration (Certificates & secrets"
                        + " > Certificates) and rotate it into entra-sync."
                : " Create a new client secret in the app registration (Certificates & secrets) and rotate it into"
                        + " entra-sync.";
        return threshold == 0
                ? what + " of credential '" + name + "' expired on " + expiresAt
                        + "; every sync with it fails until it is replaced." + fix
                : what + " of credential '" + name + "' expires in " + days + (days == 1 ? " day" : " days") + " (on "
                        + expiresAt + ")." + fix;
    }

    /**
     * Replaces a credential's secret once Entra has accepted it: gets a token for the credential's
     * home tenant with the new secret, then saves the credential with the new secret and expiry. If
     * Entra refuses, or the store fails, the old secret stays in use.
     *
     * @param newExpiry when the new secret expires, or null when unknown
     * @param credentialName the name of the credential to rotate; never null
     * @param newSecret the new client secret; never null
     * @return the saved credential
     * @throws IllegalArgumentException if the credential is unknown or {@code newExpiry} is not in the future
     * @throws SecretRotationException if the new secret was refused or could not be saved (the old one is kept)
     * @throws NullPointerException if {@code credentialName} or {@code newSecret} is null
     */
    public synchronized AppCredential rotate(String credentialName, ClientSecret newSecret, Instant newExpiry) {
        Objects.requireNonNull(newSecret, "newSecret");
        AppCredential old = credentials
                .find(Objects.requireNonNull(credentialName, "credentialName"))
                .orElseThrow(() -> new IllegalArgumentException(
                        "credentialName: no credential named '" + credentialName + "' in the credential store"));
        if (newExpiry != null && !newExpiry.isAfter(clock.instant())) {
            throw new IllegalArgumentException("newExpiry: " + newExpiry + " is not in the future; enter the new"
                    + " secret's expiry date as shown under Certificates & secrets");
        }
        AppCredential candidate =
                old.toBuilder().secret(newSecret).secretExpiresAt(newExpiry).build();
        return rotateTo(old, candidate, newExpiry);
    }

    /**
     * Replaces a credential's secret or certificate with a certificate once Entra has accepted it (the
     * certificate must already be uploaded to the app registration), as {@link #rotate(String, ClientSecret,
     * Instant)} does for secrets: the old credential stays in use if Entra refuses or the store fails.
     *
     * @param credentialName the name of the credential to rotate; never null
     * @param newCertificate the new certificate with its private key; never null
     * @return the saved credential
     * @throws IllegalArgumentException if the credential is unknown or the certificate has already expired
     * @throws SecretRotationException if the certificate was refused or could not be saved (the old one is kept)
     * @throws NullPointerException if an argument is null
     */
    public synchronized AppCredential rotate(String credentialName, dev.entrasync.ClientCertificate newCertificate) {
        Objects.requireNonNull(newCertificate, "newCertificate");
        AppCredential old = credentials
                .find(Objects.requireNonNull(credentialName, "credentialName"))
                .orElseThrow(() -> new IllegalArgumentException(
                        "credentialName: no credential named '" + credentialName + "' in the credential store"));
        if (!newCertificate.notAfter().isAfter(clock.instant())) {
            throw new IllegalArgumentException("newCertificate: " + newCertificate + " expired on "
                    + newCertificate.notAfter() + "; create a new certificate");
        }
        return rotateTo(old, old.toBuilder().certificate(newCertificate).build(), newCertificate.notAfter());
    }

    private AppCredential rotateTo(AppCredential old, AppCredential candidate, Instant newExpiry) {
        String what = candidate.kind() == AppCredential.Kind.CERTIFICATE ? "certificate" : "client secret";
        String oldOne = candidate.kind() == AppCredential.Kind.CERTIFICATE ? "the old credential" : "the old secret";
        try {
            tokens.token(candidate, old.homeTenant().value());
        } catch (TokenException e) {
            notifyListeners(l -> l.secretRotationFailed(old.name(), e));
            throw new SecretRotationException(
                    "The new " + what + " for credential '" + old.name() + "' was not accepted, so " + oldOne
                            + " stays in use. " + e.getMessage(),
                    old.name(),
                    e.isTransient(),
                    e);
        }
        try {
            credentials.save(candidate);
        } catch (RuntimeException e) {
            restore(old);
            throw new SecretRotationException(
                    "The new " + what + " for credential '" + old.name()
                            + "' was accepted by Entra but could not be saved ("
                            + e.getClass().getSimpleName()
                            + "), so " + oldOne + " stays in use. Fix the credential store and rotate again.",
                    old.name(),
                    true,
                    e);
        }
        tokens.forget(old.name());
        sent.remove(old.name());
        LOG.info("Rotated the {} of credential '{}' (new expiry {})", what, old.name(), newExpiry);
        notifyListeners(l -> l.secretRotated(old.name(), newExpiry));
        return candidate;
    }

    private void restore(AppCredential old) {
        try {
            credentials.save(old);
        } catch (RuntimeException e) {
            LOG.error("Could not restore credential '{}' after a failed rotation: {}", old.name(), e.toString());
        }
    }

    private void notifyListeners(Consumer<SecretListener> event) {
        for (SecretListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("A SecretListener failed: {}", e.toString());
            }
        }
    }
}
