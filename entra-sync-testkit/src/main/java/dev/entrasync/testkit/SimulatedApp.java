package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.AppState;
import dev.entrasync.testkit.internal.CloudState;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A multi-tenant app registration in the simulated cloud: its client id, its client secrets, uploaded
 * certificates and federated identity credentials, and whether it is enabled. Created by {@link SimulatedCloud#registerApp(String, String)}; tests
 * change it at any time, also while requests are in flight. Thread-safe.
 */
public final class SimulatedApp {
    private final AppState state;
    private final CloudState cloud;

    SimulatedApp(AppState state, CloudState cloud) {
        this.state = state;
        this.cloud = cloud;
    }

    /** Returns the client (application) id, lower case. */
    public String clientId() {
        return state.clientId();
    }

    /** Returns the display name tokens carry in {@code app_displayname}. */
    public String displayName() {
        return state.displayName();
    }

    /** Adds a client secret that never expires. */
    public SimulatedApp addSecret(String secret) {
        return addSecret(secret, Instant.MAX);
    }

    /** Adds a client secret that expires at {@code expiresAt} by the cloud's clock. */
    public SimulatedApp addSecret(String secret, Instant expiresAt) {
        state.addSecret(Objects.requireNonNull(secret, "secret"), Objects.requireNonNull(expiresAt, "expiresAt"));
        return this;
    }

    /** Removes a secret; afterwards it yields AADSTS7000215 like any wrong secret. */
    public SimulatedApp removeSecret(String secret) {
        if (!state.removeSecret(secret)) {
            throw new IllegalArgumentException("the app has no such secret");
        }
        return this;
    }

    /** Expires a secret now; afterwards it yields AADSTS7000222. */
    public SimulatedApp expireSecret(String secret) {
        if (!state.expireSecret(secret, cloud.now())) {
            throw new IllegalArgumentException("the app has no such secret");
        }
        return this;
    }

    /**
     * Uploads a certificate to the app registration (Certificates &amp; secrets &gt; Certificates): token requests
     * may then authenticate with a client assertion signed by its private key, found by the {@code x5t#S256}
     * (SHA-256) or {@code x5t} (SHA-1) thumbprint in the assertion's header. The key credential ends at the
     * certificate's {@code notAfter}; afterwards assertions signed with it yield AADSTS700027 ("the key used is
     * expired").
     *
     * @param certificate the public certificate; never null
     * @return this app
     */
    public SimulatedApp addCertificate(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        state.addCertificate(new AppState.KeyCredential(
                thumbprint("SHA-1", certificate),
                thumbprint("SHA-256", certificate),
                certificate.getPublicKey(),
                certificate.getNotAfter().toInstant()));
        return this;
    }

    /**
     * Removes an uploaded certificate; afterwards assertions signed with it yield AADSTS700027.
     *
     * @param certificate the certificate uploaded before; never null
     * @return this app
     * @throws IllegalArgumentException if it was not uploaded
     */
    public SimulatedApp removeCertificate(X509Certificate certificate) {
        if (!state.removeCertificate(thumbprint("SHA-1", certificate))) {
            throw new IllegalArgumentException("the app has no such certificate");
        }
        return this;
    }

    /**
     * Adds a federated identity credential (workload identity federation) with the audience
     * {@code api://AzureADTokenExchange}: a client assertion whose {@code iss} and {@code sub} equal these, whose
     * {@code aud} is that audience and whose signature {@code issuerKey} verifies is accepted instead of a secret.
     * Real Entra fetches the issuer's keys from its OpenID configuration; the simulation takes the key here.
     *
     * @param issuer the external identity provider's issuer URL, exactly as in its tokens' {@code iss}; never null
     * @param subject the external identity, exactly as in its tokens' {@code sub}; never null
     * @param issuerKey the public key that verifies the issuer's RS256 signatures; never null
     * @return this app
     */
    public SimulatedApp addFederatedCredential(String issuer, String subject, PublicKey issuerKey) {
        state.addFederatedCredential(new AppState.FederatedCredential(
                Objects.requireNonNull(issuer, "issuer"),
                Objects.requireNonNull(subject, "subject"),
                List.of(FEDERATION_AUDIENCE),
                Objects.requireNonNull(issuerKey, "issuerKey")));
        return this;
    }

    /** The audience Microsoft requires of federated identity credentials in the public cloud. */
    public static final String FEDERATION_AUDIENCE = "api://AzureADTokenExchange";

    private static String thumbprint(String algorithm, X509Certificate certificate) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot encode the certificate", e);
        }
    }

    /** Registers a redirect URI the admin-consent page may send administrators back to. */
    public SimulatedApp addRedirectUri(String redirectUri) {
        state.redirectUris().add(Objects.requireNonNull(redirectUri, "redirectUri"));
        return this;
    }

    /**
     * Replaces the application permissions configured on the registration (its
     * {@code requiredResourceAccess}), which the admin-consent page grants.
     */
    public SimulatedApp configurePermissions(String... permissions) {
        java.util.Set<String> wanted = java.util.Set.of(permissions);
        state.configuredPermissions().retainAll(wanted);
        state.configuredPermissions().addAll(wanted);
        return this;
    }

    /** Returns the application permissions configured on the registration. */
    public java.util.Set<String> configuredPermissions() {
        return java.util.Set.copyOf(state.configuredPermissions());
    }

    /** Disables the app; token requests then fail with AADSTS7000112. */
    public SimulatedApp disable() {
        state.disabled(true);
        return this;
    }

    /** Enables a disabled app again. */
    public SimulatedApp enable() {
        state.disabled(false);
        return this;
    }

    @Override
    public String toString() {
        return "SimulatedApp[" + clientId() + "]";
    }
}
