package dev.entrasync.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies JWT-shaped access tokens signed with HMAC-SHA256 and a random key that
 * lives only as long as one simulated cloud. Thread-safe.
 */
public final class TokenSigner {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key = new byte[32];
    private final String header;

    public TokenSigner() {
        new SecureRandom().nextBytes(key);
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("typ", "JWT");
        head.put("alg", "HS256");
        head.put("kid", "entra-sync-testkit");
        header = ENCODER.encodeToString(Json.bytes(head));
    }

    /** Returns {@code header.payload.signature} for the given claims. */
    public String sign(Map<String, Object> claims) {
        String unsigned = header + "." + ENCODER.encodeToString(Json.bytes(claims));
        return unsigned + "." + ENCODER.encodeToString(mac(unsigned));
    }

    /**
     * Returns the claims of a token this signer issued, or {@code null} when the token is malformed
     * or its signature does not match.
     */
    public Map<String, Object> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            byte[] expected = mac(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, DECODER.decode(parts[2]))) {
                return null;
            }
            return Json.parseObject(DECODER.decode(parts[1]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
