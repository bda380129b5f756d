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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A host's database and its entra-sync runtime: a small connection pool on a JDBC URL (an H2 file by default,
 * PostgreSQL or MariaDB too), entra-sync-jdbc's storage on it (migrated on open), the credential store
 * encrypting secrets with the host's key, and the one {@link EntraSync} runtime on those credentials that the
 * host's engine and onboarding share. Thread-safe; close it once (the runtime first, then the pool).
 */
public final class HostDatabase implements AutoCloseable {

    /** The embedded default: an H2 file {@code entra-sync.mv.db} in the working directory. */
    public static final String DEFAULT_URL = "jdbc:h2:./entra-sync";

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
     * Marks the jobs the store still shows queued or running as FAILED ("interrupted"): for a host that runs
     * its jobs in the process that opened the database (the CLI), such a job was left by a process that was
     * killed or crashed, as the engine's own crash recovery assumes when it starts. Call it once, right after
     * opening, before this process queues a job.
     *
     * @return the jobs marked
     */
    public List<SyncJob> failInterrupted() {
        List<SyncJob> marked = new ArrayList<>();
        for (SyncJob stale : storage.jobStore().active()) {
            SyncJob failed = stale.finish(
                    JobStatus.FAILED,
                    clock.instant(),
                    "interrupted: the process running this job stopped (killed or crashed) while it was "
                            + stale.status().name().toLowerCase(Locale.ROOT)
                            + "; the next sync starts from the last completed checkpoint");
            storage.jobStore().save(failed);
            marked.add(failed);
        }
        return marked;
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

    @Override
    public void close() {
        runtime.close();
        pool.close();
    }
}
