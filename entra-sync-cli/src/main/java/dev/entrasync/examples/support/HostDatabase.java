package dev.entrasync.examples.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.entrasync.JobStatus;
import dev.entrasync.Sleeper;
import dev.entrasync.SyncJob;
import dev.entrasync.jdbc.JdbcCredentialStore;
import dev.entrasync.jdbc.JdbcStorage;
import dev.entrasync.jdbc.JdbcTenantMapper;
import dev.entrasync.jdbc.SecretKeyRing;
import dev.entrasync.runtime.EntraSync;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A host's database and its entra-sync runtime: a small connection pool on a JDBC URL (an H2 file by default,
 * PostgreSQL or MariaDB too), entra-sync-jdbc's storage on it (migrated on open), the credential store
 * encrypting secrets with the host's key, and the one {@link EntraSync} runtime on those credentials that the
 * host's engine and onboarding share. Thread-safe; close it once (the runtime first, then the pool).
 */
public final class HostDatabase implements AutoCloseable {

    /** The embedded default: an H2 file {@code entra-sync.mv.db} in the working directory. */
    public static final String DEFAULT_URL = "jdbc:h2:./entra-sync";

    /** The table where the CLI notes which process (host and id) runs each of its jobs. */
    public static final String JOB_PROCESSES = "entra_sync_cli_job_process";

    private static final String HOST = hostName();

    private final HikariDataSource pool;
    private final JdbcStorage storage;
    private final JdbcCredentialStore credentials;
    private final JdbcTenantMapper mapper;
    private final EntraSync runtime;
    private final Clock clock;

    private HostDatabase(HikariDataSource pool, SecretKeyRing keys, Clock clock, Sleeper sleeper) {
        this.pool = pool;
        this.clock = clock;
        this.storage = JdbcStorage.builder(pool).build();
        this.credentials = storage.credentialStore(keys);
        this.mapper = storage.tenantMapper();
        this.runtime = EntraSync.builder()
                .credentials(credentials)
                .clock(clock)
                .sleeper(sleeper)
                .build();
    }

    /**
     * Opens (and migrates) the database.
     *
     * @param password the password, or null for none
     * @throws IllegalArgumentException for a URL that is not {@code jdbc:...}
     */
    public static HostDatabase open(String jdbcUrl, String user, String password, SecretKeyRing keys) {
        return open(jdbcUrl, user, password, keys, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    /**
     * Opens (and migrates) the database, with the runtime on this clock and sleeper (tests pass fake ones).
     *
     * @param password the password, or null for none
     * @throws IllegalArgumentException for a URL that is not {@code jdbc:...}
     */
    public static HostDatabase open(
            String jdbcUrl, String user, String password, SecretKeyRing keys, Clock clock, Sleeper sleeper) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--db: '" + jdbcUrl + "' is not a JDBC URL such as " + DEFAULT_URL
                    + " or jdbc:postgresql://host/db");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setPoolName("entra-sync");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new HostDatabase(pool, keys, clock, sleeper);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Notes that this process runs the job (its host name and process id, in the table
     * {@value #JOB_PROCESSES}), so that a command started while it runs can tell that its process is alive.
     */
    public void ownJob(SyncJob job) {
        try (Connection c = pool.getConnection();
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO " + JOB_PROCESSES + " (job_id, host, pid) VALUES (?, ?, ?)")) {
            insert.setString(1, job.id());
            insert.setString(2, HOST);
            insert.setLong(3, ProcessHandle.current().pid());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not note job " + job.id() + " as this process's in " + JOB_PROCESSES + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Marks the jobs the store still shows queued or running whose process is gone as FAILED ("interrupted"), as
     * the engine's own crash recovery does when it starts. A job's process is gone when the database is an
     * embedded H2 file ({@code exclusive}: no other process can have it open), or when {@link #ownJob} noted a
     * process on this host that is no longer alive. A job of a live process, or of one on another host, is left
     * alone. Call it right after opening, before this process queues a job.
     *
     * @param exclusive whether this process alone can have the database open
     * @return the jobs marked
     */
    public List<SyncJob> failInterrupted(boolean exclusive) {
        Map<String, long[]> here = new HashMap<>();
        Set<String> elsewhere = new HashSet<>();
        try (Connection c = pool.getConnection()) {
            try (Statement create = c.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS " + JOB_PROCESSES
                        + " (job_id VARCHAR(64) PRIMARY KEY, host VARCHAR(255) NOT NULL, pid BIGINT NOT NULL)");
            }
            try (Statement select = c.createStatement();
                    ResultSet rows = select.executeQuery("SELECT job_id, host, pid FROM " + JOB_PROCESSES)) {
                while (rows.next()) {
                    if (HOST.equals(rows.getString(2))) {
                        here.put(rows.getString(1), new long[] {rows.getLong(3)});
                    } else {
                        elsewhere.add(rows.getString(1));
                    }
                }
            }
            List<SyncJob> active = storage.jobStore().active();
            Set<String> activeIds = new HashSet<>();
            active.forEach(j -> activeIds.add(j.id()));
            List<SyncJob> marked = new ArrayList<>();
            for (SyncJob stale : active) {
                long[] pid = here.get(stale.id());
                boolean gone = exclusive
                        || (pid != null
                                && ProcessHandle.of(pid[0])
                                        .filter(ProcessHandle::isAlive)
                                        .isEmpty());
                if (!gone) {
                    continue;
                }
                SyncJob failed = stale.finish(
                        JobStatus.FAILED,
                        clock.instant(),
                        "interrupted: the process running this job stopped (killed or crashed) while it was "
                                + stale.status().name().toLowerCase(Locale.ROOT)
                                + "; the next sync starts from the last completed checkpoint");
                storage.jobStore().save(failed);
                marked.add(failed);
                activeIds.remove(stale.id());
            }
            Set<String> noted = new HashSet<>(here.keySet());
            noted.addAll(elsewhere);
            noted.removeAll(activeIds);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + JOB_PROCESSES + " WHERE job_id = ?")) {
                for (String finished : noted) {
                    delete.setString(1, finished);
                    delete.executeUpdate();
                }
            }
            return marked;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not check for jobs left by a stopped process in " + JOB_PROCESSES + ": " + e.getMessage(),
                    e);
        }
    }

    /** The entra-sync-jdbc storage: sink, stores and queries. */
    public JdbcStorage storage() {
        return storage;
    }

    /** Credentials, secrets encrypted with the host's key. */
    public JdbcCredentialStore credentials() {
        return credentials;
    }

    /** Company-tenant mappings. */
    public JdbcTenantMapper mapper() {
        return mapper;
    }

    /** The host's entra-sync runtime, on this database's credentials; closed with the database. */
    public EntraSync runtime() {
        return runtime;
    }

    /** An engine builder on the runtime, wired to this database: mappings, sink, checkpoints and jobs. */
    public EntraSync.EngineBuilder engineBuilder() {
        return storage.engine(runtime);
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                name = "unknown";
            }
        }
        return name;
    }

    @Override
    public void close() {
        runtime.close();
        pool.close();
    }
}
