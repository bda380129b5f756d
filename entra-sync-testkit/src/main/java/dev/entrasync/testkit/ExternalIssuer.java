package dev.entrasync.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An external identity provider for workload identity federation tests (a Kubernetes cluster's service-account
 * issuer, GitHub Actions, another cloud): it signs RS256 tokens with its own key, JDK crypto only. Register it
 * on an app with {@link SimulatedApp#addFederatedCredential(String, String, PublicKey)} using {@link #issuer()}
 * and {@link #publicKey()}, and hand {@link #token} to the client as its client assertion. Thread-safe.
 */
public final class ExternalIssuer {
    private final String issuer;
    private final KeyPair keys;

    private ExternalIssuer(String issuer, KeyPair keys) {
        this.issuer = issuer;
        this.keys = keys;
    }

    /**
     * An issuer with a new RSA-2048 key.
     *
     * @param issuer its issuer URL, as its tokens' {@code iss}, e.g. {@code https://oidc.example.test/cluster-1}
     * @return the issuer
     */
    public static ExternalIssuer create(String issuer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new ExternalIssuer(Objects.requireNonNull(issuer, "issuer"), generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is missing from this JVM", e);
        }
    }

    /** Returns the issuer URL. */
    public String issuer() {
        return issuer;
    }

    /** Returns the public key that verifies its tokens. */
    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /**
     * A signed token for {@code subject} and the audience {@code api://AzureADTokenExchange}.
     *
     * @param subject the {@code sub} claim, e.g. {@code system:serviceaccount:sync:entra-sync}
     * @param issuedAt the {@code iat} and {@code nbf}
     * @param lifetime the time until {@code exp}
     * @return the compact JWS
     */
    public String token(String subject, Instant issuedAt, Duration lifetime) {
        return token(subject, SimulatedApp.FEDERATION_AUDIENCE, issuedAt, lifetime);
    }

    /**
     * A signed token with the given audience.
     *
     * @param subject the {@code sub} claim
     * @param audience the {@code aud} claim
     * @param issuedAt the {@code iat} and {@code nbf}
     * @param lifetime the time until {@code exp}
     * @return the compact JWS
     */
    public String token(String subject, String audience, Instant issuedAt, Duration lifetime) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("aud", audience);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("nbf", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString(dev.entrasync.testkit.internal.Json.bytes(header)) + "."
                + b64.encodeToString(dev.entrasync.testkit.internal.Json.bytes(claims));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + b64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    @Override
    public String toString() {
        return "ExternalIssuer[" + issuer + "]";
    }
}
