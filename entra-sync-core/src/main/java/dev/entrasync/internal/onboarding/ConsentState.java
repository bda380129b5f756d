package dev.entrasync.internal.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The admin-consent {@code state}: {@code base64url(json claims) + "." + base64url(HMAC-SHA256)}
 * under the host's key. Signs and checks the signature; expiry and single use are the caller's.
 * Also derives the sign-in's secrets from a state's nonce ({@link #derive}), so the PKCE verifier
 * and the OpenID Connect nonce need not be stored and never travel in the browser in clear.
 * Thread-safe.
 */
public final class ConsentState {

    /** What a state carries. {@code companyId} and {@code tenantHint} may be null. */
    public record Claims(String credentialName, String companyId, String tenantHint, Instant issuedAt, String nonce) {}

    /** Why a state was refused before its claims could be trusted. */
    public enum Defect {
        MALFORMED,
        TAMPERED
    }

    /** Either claims or a defect. */
    public record Checked(Claims claims, Defect defect) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    public ConsentState(byte[] key) {
        this.key = key.clone();
    }

    /** A fresh random nonce (128 bits, base64url). */
    public String newNonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return ENCODE.encodeToString(bytes);
    }

    /** What a derived value is for; each purpose gives an unrelated value for the same nonce. */
    public enum Purpose {
        /** The PKCE {@code code_verifier} (RFC 7636: 43 characters of base64url). */
        PKCE_VERIFIER,
        /** The OpenID Connect {@code nonce} the ID token must carry. */
        OIDC_NONCE
    }

    /**
     * A secret derived from a state's nonce under the host's key: base64url(HMAC-SHA256(key,
     * "entra-sync/consent/" + purpose + "/" + nonce)), 43 characters. Only a holder of the key can
     * compute it, and it is the same on every host instance that shares the key.
     */
    public String derive(Purpose purpose, String nonce) {
        return ENCODE.encodeToString(
                mac("entra-sync/consent/" + purpose.name().toLowerCase(java.util.Locale.ROOT) + "/" + nonce));
    }

    /** The signed state for these claims. */
    public String sign(Claims claims) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", 1);
        node.put("cred", claims.credentialName());
        if (claims.companyId() != null) {
            node.put("co", claims.companyId());
        }
        if (claims.tenantHint() != null) {
            node.put("t", claims.tenantHint());
        }
        node.put("iat", claims.issuedAt().getEpochSecond());
        node.put("n", claims.nonce());
        String payload = ENCODE.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODE.encodeToString(mac(payload));
    }

    /** Checks the signature first, then reads the claims. */
    public Checked check(String state) {
        if (state == null || state.isBlank()) {
            return new Checked(null, Defect.MALFORMED);
        }
        int dot = state.indexOf('.');
        if (dot <= 0 || dot != state.lastIndexOf('.') || dot == state.length() - 1) {
            return new Checked(null, Defect.MALFORMED);
        }
        String payload = state.substring(0, dot);
        byte[] signature;
        try {
            signature = DECODE.decode(state.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return new Checked(null, Defect.MALFORMED);
        }
        if (!MessageDigest.isEqual(signature, mac(payload))) {
            return new Checked(null, Defect.TAMPERED);
        }
        try {
            JsonNode node = JSON.readTree(DECODE.decode(payload));
            if (node.path("v").asInt() != 1
                    || !node.path("cred").isTextual()
                    || !node.path("n").isTextual()
                    || !node.path("iat").canConvertToLong()) {
                return new Checked(null, Defect.MALFORMED);
            }
            return new Checked(
                    new Claims(
                            node.get("cred").asText(),
                            text(node, "co"),
                            text(node, "t"),
                            Instant.ofEpochSecond(node.get("iat").asLong()),
                            node.get("n").asText()),
                    null);
        } catch (IOException | IllegalArgumentException e) {
            return new Checked(null, Defect.MALFORMED);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
