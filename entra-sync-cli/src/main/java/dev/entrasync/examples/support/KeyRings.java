package dev.entrasync.examples.support;

import dev.entrasync.jdbc.SecretKeyRing;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where a sample host gets the AES-256 key that encrypts client secrets in its database: an environment
 * variable holding the Base64 key, or else a key file beside the database, created (owner read/write only)
 * on first use. A real host keeps the key in its vault.
 */
public final class KeyRings {

    /** The key id the samples use. */
    static final String KEY_ID = "host-1";

    private KeyRings() {}

    /**
     * The key from {@code System.getenv(envVar)} when set, else from {@code keyFile} (created when missing,
     * with a note on {@code notes}).
     *
     * @throws IllegalArgumentException if the variable or the file holds no valid key (the message never shows it)
     */
    public static SecretKeyRing load(String envVar, Path keyFile, PrintStream notes) {
        String fromEnv = envVar == null ? null : System.getenv(envVar);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return ring(fromEnv, "environment variable " + envVar);
        }
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
                notes.println("Created a new secret-encryption key in " + keyFile + " (keep it: without it the stored"
                        + " client secrets cannot be read; or set " + envVar + ").");
            }
            return ring(Files.readString(keyFile, StandardCharsets.US_ASCII), "key file " + keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /** A ring with a new random key, for runs whose database lives no longer than the process (the demos). */
    public static SecretKeyRing ephemeral() {
        return ring(SecretKeyRing.generateKey(), "a generated key");
    }

    private static SecretKeyRing ring(String base64, String source) {
        try {
            return SecretKeyRing.builder().key(KEY_ID, base64.trim()).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The secret-encryption key in " + source + " is not usable: "
                            + e.getMessage().replace("'" + KEY_ID + "'", "")
                            + ". It must be 32 random bytes in Base64.",
                    e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        Path parent = keyFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createFile(
                    keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(keyFile);
        } catch (FileAlreadyExistsException e) {
            return;
        }
        Files.writeString(keyFile, SecretKeyRing.generateKey() + "\n", StandardCharsets.US_ASCII);
    }
}
