package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.IdTokenForgery;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sign-in side of the simulated login server: the ID-token signing keys, the authorization
 * codes handed out by {@code /oauth2/v2.0/authorize} until they are redeemed or expire, and the
 * forgeries queued for the next ID tokens. Thread-safe.
 */
public final class SignIns {
    /** How long an authorization code can be redeemed; Entra: "typically, they expire after about 10 minutes". */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    /**
     * One authorization code and what it was issued for.
     *
     * @param segment the tenant segment of the authorize request ({@code organizations}, a GUID or a domain)
     * @param tenant the signed-in administrator's tenant
     * @param nonce the request's {@code nonce}, or null
     * @param challenge the PKCE {@code code_challenge}, or null
     * @param challengeMethod {@code S256} or {@code plain}
     */
    public record IssuedCode(
            String clientId,
            String redirectUri,
            String segment,
            TenantData tenant,
            String scope,
            String nonce,
            String challenge,
            String challengeMethod,
            Instant issuedAt,
            AtomicBoolean redeemed) {}

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final IdTokenKeys keys = new IdTokenKeys();
    private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
    private final Queue<IdTokenForgery> forgeries = new ConcurrentLinkedQueue<>();
    private final SecureRandom random = new SecureRandom();

    public IdTokenKeys keys() {
        return keys;
    }

    /** Stores a new code for this sign-in and returns it. */
    public String issue(
            String clientId,
            String redirectUri,
            String segment,
            TenantData tenant,
            String scope,
            String nonce,
            String challenge,
            String challengeMethod,
            Instant now) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String code = "0.testkit." + ENCODER.encodeToString(bytes);
        codes.put(
                code,
                new IssuedCode(
                        clientId,
                        redirectUri,
                        segment,
                        tenant,
                        scope,
                        nonce,
                        challenge,
                        challengeMethod,
                        now,
                        new AtomicBoolean()));
        return code;
    }

    /** Returns the code's record (redeemed or not), or null when this cloud never issued it. */
    public IssuedCode code(String code) {
        return code == null ? null : codes.get(code);
    }

    /** Queues a forgery for the next ID token issued. */
    public void forgeNext(IdTokenForgery forgery) {
        forgeries.add(forgery);
    }

    /** Returns and removes the next queued forgery, or null. */
    public IdTokenForgery nextForgery() {
        return forgeries.poll();
    }
}
