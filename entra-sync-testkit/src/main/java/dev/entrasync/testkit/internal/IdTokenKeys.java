package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.IdTokenForgery;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulated cloud's ID-token signing keys: RSA 2048, made on first use, each with a
 * {@code kid}; the newest signs, every one made so far is published in the JWKS (as Entra keeps
 * rolled-over keys listed for a while). Also signs the forgeries of {@link IdTokenForgery}.
 * Thread-safe.
 */
public final class IdTokenKeys {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private record Key(String kid, KeyPair pair) {}

    private final List<Key> keys = new ArrayList<>();
    private int serial;

    /** Makes a new signing key; ID tokens issued from now on carry its {@code kid}. */
    public synchronized void rotate() {
        serial++;
        keys.add(new Key("testkit-rs256-" + serial, newPair()));
    }

    /** Returns the JWKS document ({@code {"keys":[...]}}) with every published key. */
    public synchronized Map<String, Object> jwks() {
        current();
        List<Map<String, Object>> published = new ArrayList<>();
        for (Key key : keys) {
            RSAPublicKey pub = (RSAPublicKey) key.pair().getPublic();
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kty", "RSA");
            jwk.put("use", "sig");
            jwk.put("kid", key.kid());
            jwk.put("n", unsigned(pub.getModulus()));
            jwk.put("e", unsigned(pub.getPublicExponent()));
            published.add(jwk);
        }
        return Map.of("keys", published);
    }

    /** Returns a signed ID token for the claims, spoiled as {@code forgery} says (null: honest). */
    public String sign(Map<String, Object> claims, IdTokenForgery forgery) {
        Key key = current();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        if (forgery == IdTokenForgery.ALG_NONE) {
            header.put("alg", "none");
            return part(header) + "." + part(claims) + ".";
        }
        if (forgery == IdTokenForgery.HS256_WITH_PUBLIC_KEY) {
            header.put("alg", "HS256");
            header.put("kid", key.kid());
            String unsigned = part(header) + "." + part(claims);
            return unsigned + "."
                    + ENCODER.encodeToString(hmac(key.pair().getPublic().getEncoded(), unsigned));
        }
        header.put("alg", "RS256");
        header.put("kid", forgery == IdTokenForgery.UNKNOWN_KEY_ID ? "testkit-unpublished" : key.kid());
        KeyPair signing = forgery == IdTokenForgery.WRONG_KEY || forgery == IdTokenForgery.UNKNOWN_KEY_ID
                ? newPair()
                : key.pair();
        String unsigned = part(header) + "." + part(claims);
        return unsigned + "." + ENCODER.encodeToString(rs256(signing, unsigned));
    }

    private synchronized Key current() {
        if (keys.isEmpty()) {
            rotate();
        }
        return keys.get(keys.size() - 1);
    }

    private static String part(Map<String, Object> json) {
        return ENCODER.encodeToString(Json.bytes(json));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return ENCODER.encodeToString(bytes);
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    private static byte[] rs256(KeyPair pair, String data) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(pair.getPrivate());
            signature.update(data.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is not available in this JVM", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
