package dev.entrasync.examples.cli;

import dev.entrasync.SyncJob;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.KeyRings;
import dev.entrasync.jdbc.SecretKeyRing;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the CLI keeps its data: {@code --db} (an H2 file in the working directory by default) and the secret
 * key (from {@code ENTRA_SYNC_KEY}, else a key file in the per-user configuration directory).
 */
final class DatabaseOptions {

    @Option(
            names = "--db",
            defaultValue = HostDatabase.DEFAULT_URL,
            paramLabel = "JDBC_URL",
            description = "The database (default ${DEFAULT-VALUE}: entra-sync.mv.db in the working directory;"
                    + " jdbc:postgresql://... and jdbc:mariadb://... work too). Only sync and demo create a database"
                    + " that does not exist yet.")
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
            paramLabel = "FILE",
            description = "Key file used when the key variable is unset; created (owner-only) on first use. Default: "
                    + KeyRings.DEFAULT_FILE_DESCRIPTION + ", the same file whatever the working directory.")
    Path keyFile;

    /**
     * Opens the database with the secret key (the key file created when missing), then marks the jobs a stopped
     * process left running as interrupted.
     *
     * @param create whether a database that does not exist yet may be created (sync); when it is, a note says so
     * @param createKey whether a missing key file may be created (commands that may save a credential)
     * @throws IllegalArgumentException for an H2 file database that does not exist when {@code create} is false,
     *     or a missing key file when {@code createKey} is false
     */
    HostDatabase open(PrintStream notes, boolean create, boolean createKey) {
        boolean created = refuseMissing(create);
        HostDatabase db = open(KeyRings.load(keyEnv, keyFile(), notes, createKey), notes);
        if (created) {
            notes.println("Created new database at " + h2File(url).orElseThrow() + ".");
        }
        return db;
    }

    /** Opens an existing database for reading synced data and jobs only (stored secrets stay unreadable). */
    HostDatabase openForReading(PrintStream notes) {
        refuseMissing(false);
        return open(KeyRings.ephemeral(), notes);
    }

    /**
     * The files that opening the database for {@code sync} would create: the H2 file database (with its trace file)
     * when it does not exist yet, and the key file when the key variable is unset and the file does not exist yet.
     * A command that fails before it ran anything removes them again, so a mistake leaves nothing behind.
     *
     * @return the files that do not exist now; empty when opening creates nothing
     */
    List<Path> filesOpeningWouldCreate() {
        List<Path> fresh = new ArrayList<>();
        h2File(url).filter(file -> !Files.exists(file)).ifPresent(file -> {
            fresh.add(file);
            fresh.add(Path.of(file.toString().replaceFirst("\\.mv\\.db$", ".trace.db")));
        });
        if (!KeyRings.keyInEnvironment(keyEnv) && !Files.exists(keyFile())) {
            fresh.add(keyFile().toAbsolutePath());
        }
        return fresh;
    }

    /** The key file: {@code --key-file}, else the per-user default. */
    Path keyFile() {
        return keyFile != null ? keyFile : KeyRings.defaultKeyFile();
    }

    /** @return whether the database is an H2 file that does not exist yet (and will be created) */
    private boolean refuseMissing(boolean create) {
        Optional<Path> file = h2File(url);
        if (file.isEmpty() || Files.exists(file.get())) {
            return false;
        }
        if (!create) {
            throw new IllegalArgumentException("No database at " + file.get() + " (--db " + url + "). Check --db;"
                    + " only sync and demo create a new database.");
        }
        return true;
    }

    private HostDatabase open(SecretKeyRing keys, PrintStream notes) {
        String password = passwordEnv == null ? "" : System.getenv(passwordEnv);
        if (password == null) {
            throw new IllegalArgumentException(
                    "--db-password-env: the environment variable " + passwordEnv + " is not set");
        }
        HostDatabase db = HostDatabase.open(withoutCloseOnExit(url), user, password, keys);
        try {
            List<SyncJob> interrupted = db.failInterrupted(exclusive(url));
            if (!interrupted.isEmpty()) {
                notes.printf(
                        "Marked %d job(s) left unfinished by a stopped entra-sync process as FAILED (interrupted).%n",
                        interrupted.size());
            }
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Whether only the process that opens the database can have it open: an embedded H2 file (not in
     * {@code AUTO_SERVER} mode) or an in-memory H2 database. Then every job it shows unfinished was left by a
     * process that is gone.
     */
    static boolean exclusive(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return false;
        }
        if (url.startsWith("jdbc:h2:mem:")) {
            return true;
        }
        return h2File(url).isPresent()
                && !url.toUpperCase(Locale.ROOT).replace(" ", "").contains("AUTO_SERVER=TRUE");
    }

    /**
     * H2 closes a database from its own shutdown hook, under a sync still writing to it (and prints a stack
     * trace); the CLI closes its engine and then the database itself, so H2 must not.
     */
    static String withoutCloseOnExit(String url) {
        // Only for embedded H2 (H2 refuses the setting with AUTO_SERVER=TRUE, and a server's is the server's).
        if (!exclusive(url) || url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            return url;
        }
        return url + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The {@code .mv.db} file of an H2 file URL ({@code jdbc:h2:./name}, {@code jdbc:h2:file:...}); empty otherwise. */
    static Optional<Path> h2File(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        int semicolon = name.indexOf(';');
        if (semicolon >= 0) {
            name = name.substring(0, semicolon);
        }
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("^[a-z]+:.*") && !name.matches("^[a-zA-Z]:[\\\\/].*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, zip:, ...
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isEmpty()
                ? Optional.empty()
                : Optional.of(Path.of(name + ".mv.db").toAbsolutePath());
    }
}
