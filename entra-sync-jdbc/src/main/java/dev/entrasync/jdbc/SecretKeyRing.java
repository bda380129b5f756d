package dev.entrasync.jdbc;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The host's AES-256 keys that encrypt client secrets at rest, each under an id stored beside every
 * ciphertext. New secrets are encrypted with the {@link #primaryKeyId() primary} key; any key in the ring
 * decrypts what it encrypted. To rotate: add the new key, make it primary, call
 * {@link JdbcCredentialStore#reencryptWithPrimaryKey()}, then drop the old key.
 *
 * <pre>{@code
 * SecretKeyRing keys = SecretKeyRing.builder()
 *         .key("2026-01", System.getenv("ENTRA_SYNC_KEY_2026_01"))   // 32 bytes, Base64
 *         .build();
 * }</pre>
 *
 * <p>The host keeps the keys (a vault, an environment variable, a KMS-unwrapped blob); entra-sync never
 * stores them. Immutable and thread-safe; {@link #toString()} shows the key ids, never the keys.
 */
public final class SecretKeyRing {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys;
    private final String primaryKeyId;

    private SecretKeyRing(Map<String, SecretKey> keys, String primaryKeyId) {
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.primaryKeyId = primaryKeyId;
    }

    /**
     * A new builder.
     *
     * @return a new, empty builder; never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A new random 256-bit key, Base64-encoded: for setting up a host's first key.
     *
     * @return 32 random bytes from {@link SecureRandom}, Base64-encoded; never null
     */
    public static String generateKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * The id of the key new secrets are encrypted with.
     *
     * @return the primary key's id; never null
     */
    public String primaryKeyId() {
        return primaryKeyId;
    }

    /**
     * The ids of every key in the ring, sorted.
     *
     * @return an unmodifiable, sorted set of the key ids, at least one; never null
     */
    public Set<String> keyIds() {
        return Collections.unmodifiableSet(new TreeSet<>(keys.keySet()));
    }

    Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    SecretKey primaryKey() {
        return keys.get(primaryKeyId);
    }

    /** Shows the key ids and the primary, never key material. */
    @Override
    public String toString() {
        return "SecretKeyRing[primary=" + primaryKeyId + ", keys=" + keyIds() + "]";
    }

    /** Builds a {@link SecretKeyRing}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, SecretKey> keys = new LinkedHashMap<>();
        private String primaryKeyId;

        private Builder() {}

        /**
         * Adds a 256-bit key under {@code keyId} (1–64 letters, digits, {@code .}, {@code _} or {@code -}).
         * The bytes are copied.
         *
         * @param keyId the key's id, 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}, unique in the ring
         * @param key the key's 32 bytes; never null; copied, so later changes to the array have no effect
         * @return this builder
         * @throws IllegalArgumentException for a bad id, a repeated id, or a key that is not 32 bytes
         * @throws NullPointerException if {@code key} is null
         */
        public Builder key(String keyId, byte[] key) {
            if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
                throw new IllegalArgumentException(
                        "keyId: '" + keyId + "' must be 1-64 letters, digits, '.', '_' or '-'");
            }
            if (keys.containsKey(keyId)) {
                throw new IllegalArgumentException("keyId: '" + keyId + "' is already in the ring");
            }
            Objects.requireNonNull(key, "key");
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("key '" + keyId + "': AES-256 needs a 32-byte key, this one has "
                        + key.length + " bytes (SecretKeyRing.generateKey() makes one)");
            }
            keys.put(keyId, new SecretKeySpec(Arrays.copyOf(key, KEY_BYTES), "AES"));
            return this;
        }

        /**
         * Adds a 256-bit key given in Base64.
         *
         * @param keyId the key's id, 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}, unique in the ring
         * @param base64Key the key's 32 bytes in Base64, surrounding blanks ignored; never null
         * @return this builder
         * @throws IllegalArgumentException for a bad id, text that is not Base64 or a key that is not 32 bytes
         *     (the message never contains the key)
         * @throws NullPointerException if {@code base64Key} is null
         */
        public Builder key(String keyId, String base64Key) {
            byte[] decoded;
            try {
                decoded = Base64.getDecoder()
                        .decode(Objects.requireNonNull(base64Key, "base64Key").trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key '" + keyId + "': not valid Base64", null);
            }
            try {
                return key(keyId, decoded);
            } finally {
                Arrays.fill(decoded, (byte) 0);
            }
        }

        /**
         * The key that encrypts new secrets; optional when the ring holds one key.
         *
         * @param keyId the id of a key in the ring; checked by {@link #build()}
         * @return this builder
         */
        public Builder primary(String keyId) {
            this.primaryKeyId = keyId;
            return this;
        }

        /**
         * The key ring.
         *
         * @return a new, immutable key ring; never null
         * @throws IllegalStateException if the ring is empty or the primary key is missing or ambiguous
         */
        public SecretKeyRing build() {
            if (keys.isEmpty()) {
                throw new IllegalStateException("SecretKeyRing: add at least one key with key(id, bytes)");
            }
            String primary = primaryKeyId;
            if (primary == null) {
                if (keys.size() > 1) {
                    throw new IllegalStateException("SecretKeyRing: name the key that encrypts new secrets with"
                            + " primary(id); the ring holds " + new TreeSet<>(keys.keySet()));
                }
                primary = keys.keySet().iterator().next();
            } else if (!keys.containsKey(primary)) {
                throw new IllegalStateException("SecretKeyRing: the primary key '" + primary + "' is not in the ring "
                        + new TreeSet<>(keys.keySet()));
            }
            return new SecretKeyRing(keys, primary);
        }
    }
}
