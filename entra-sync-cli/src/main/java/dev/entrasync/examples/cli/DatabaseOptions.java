package dev.entrasync.examples.cli;

import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.KeyRings;
import dev.entrasync.jdbc.SecretKeyRing;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the CLI keeps its data: {@code --db} (an H2 file in the working directory by default) and the secret key. */
final class DatabaseOptions {

    @Option(
            names = "--db",
            defaultValue = HostDatabase.DEFAULT_URL,
            paramLabel = "JDBC_URL",
            description = "The database (default ${DEFAULT-VALUE}: entra-sync.mv.db in the working directory;"
                    + " jdbc:postgresql://... and jdbc:mariadb://... work too).")
    String url;

    @Option(names = "--db-user", defaultValue = "sa", description = "Database user (default ${DEFAULT-VALUE}).")
    String user;

    @Option(
            names = "--db-password-env",
            paramLabel = "VAR",
            description = "Environment variable holding the database password.")
    String passwordEnv;

    @Option(
            names = "--key-env",
            defaultValue = "ENTRA_SYNC_KEY",
            paramLabel = "VAR",
            description =
                    "Environment variable with the Base64 AES-256 key that encrypts client secrets (default ${DEFAULT-VALUE});"
                            + " when unset, the key file is used.")
    String keyEnv;

    @Option(
            names = "--key-file",
            defaultValue = "entra-sync.key",
            paramLabel = "FILE",
            description =
                    "Key file used when the key variable is unset; created on first use (default ${DEFAULT-VALUE}).")
    Path keyFile;

    /** Opens the database with the secret key (created when missing). */
    HostDatabase open(PrintStream notes) {
        return open(KeyRings.load(keyEnv, keyFile, notes));
    }

    /** Opens the database for reading synced data and jobs only (stored secrets stay unreadable). */
    HostDatabase openForReading() {
        return open(KeyRings.ephemeral());
    }

    private HostDatabase open(SecretKeyRing keys) {
        String password = passwordEnv == null ? "" : System.getenv(passwordEnv);
        if (password == null) {
            throw new IllegalArgumentException(
                    "--db-password-env: the environment variable " + passwordEnv + " is not set");
        }
        return HostDatabase.open(url, user, password, keys);
    }
}
