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
 * variable holding the Base64 key, or else a key file, by default in the per-user configuration directory
 * ({@code $ENTRA_SYNC_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/entra-sync}, else {@code ~/.config/entra-sync}),
 * created (owner read/write only) on first use — the same file whichever directory the CLI runs from. A real
 * host keeps the key in its vault.
 */
public final class KeyRings {

    /** The key id the samples use. */
    static final String KEY_ID = "host-1";

    /** The default key file, as {@code --help} describes it. */
    public static final String DEFAULT_FILE_DESCRIPTION =
            "key in $ENTRA_SYNC_CONFIG_DIR, else $XDG_CONFIG_HOME/entra-sync, else ~/.config/entra-sync";

    private KeyRings() {}

    /** The per-user key file: {@code key} in {@link #configDirectory()}. */
    public static Path defaultKeyFile() {
        return configDirectory().resolve("key");
    }

    /** {@code $ENTRA_SYNC_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/entra-sync}, else {@code ~/.config/entra-sync}. */
    public static Path configDirectory() {
        String own = System.getenv("ENTRA_SYNC_CONFIG_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "entra-sync");
        }
        return Path.of(System.getProperty("user.home"), ".config", "entra-sync");
    }

    /**
     * Whether the key comes from the environment variable rather than a key file.
     *
     * @param envVar the variable's name; null for none
     * @return true when the variable is set and not blank
     */
    public static boolean keyInEnvironment(String envVar) {
        String value = envVar == null ? null : System.getenv(envVar);
        return value != null && !value.isBlank();
    }

    /** {@link #load(String, Path, PrintStream, boolean)}, creating the key file when missing. */
    public static SecretKeyRing load(String envVar, Path keyFile, PrintStream notes) {
        return load(envVar, keyFile, notes, true);
    }

    /**
     * The key from {@code System.getenv(envVar)} when set, else from {@code keyFile} (created when missing and
     * {@code create}, with a note on {@code notes}).
     *
     * @throws IllegalArgumentException if the variable or the file holds no valid key (the message never shows
     *     it), or the file is missing and may not be created
     */
    public static SecretKeyRing load(String envVar, Path keyFile, PrintStream notes, boolean create) {
        if (keyInEnvironment(envVar)) {
            return ring(System.getenv(envVar), "environment variable " + envVar);
        }
        try {
            if (!Files.exists(keyFile)) {
                if (!create) {
                    throw new IllegalArgumentException("No secret-encryption key: " + envVar + " is not set and "
                            + keyFile + " does not exist. Set " + envVar + " or pass --key-file with the key the"
                            + " stored client secrets were encrypted with.");
                }
                create(keyFile);
                notes.println("Created a new secret-encryption key in " + keyFile + " (keep it: without it the stored"
                        + " client secrets cannot be read; or set " + envVar + ").");
            }
            return ring(Files.readString(keyFile, StandardCharsets.US_ASCII), "key file " + keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a new random key to {@code keyFile} (owner read/write only), replacing any, and returns its ring: the
     * demo keeps its key beside its database so later commands can read the secret stored there.
     */
    public static SecretKeyRing createFile(Path keyFile) {
        try {
            Files.deleteIfExists(keyFile);
            create(keyFile);
            return ring(Files.readString(keyFile, StandardCharsets.US_ASCII), "key file " + keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key file " + keyFile + ": " + e.getMessage(), e);
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
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(
                        parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(parent);
            }
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
