package dev.entrasync.jdbc;

import dev.entrasync.DataPurger;
import dev.entrasync.findings.Findings;
import dev.entrasync.jdbc.internal.ChangeLog;
import dev.entrasync.jdbc.internal.Database;
import dev.entrasync.jdbc.internal.Dialect;
import dev.entrasync.jdbc.internal.FindingStore;
import dev.entrasync.jdbc.internal.Migrations;
import dev.entrasync.jdbc.internal.StagingSink;
import dev.entrasync.jdbc.internal.TenantPurge;
import dev.entrasync.runtime.EntraSync;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The entry point of entra-sync-jdbc: everything entra-sync keeps, in the host's relational database
 * (H2, PostgreSQL or MariaDB), from one {@link DataSource}.
 *
 * <pre>{@code
 * JdbcStorage storage = JdbcStorage.builder(dataSource)   // the host's pool
 *         .tablePrefix("entra_")                         // the default
 *         .build();                                      // migrates the schema
 * EntraSync entra = EntraSync.builder()                  // one runtime per host
 *         .credentials(storage.credentialStore(keyRing))
 *         .build();
 * SyncEngine engine = storage.engine(entra)              // mappings, sink, checkpoints, jobs
 *         .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} connects once to learn the database, then applies the pending schema
 * migrations (Flyway, with a history table of their own, {@code <prefix>schema_history}) unless the host
 * turned that off. Every table entra-sync creates starts with the prefix, so several installations can
 * share one schema. All times are stored in UTC.
 *
 * <p>Build one per database and share it; it is immutable and thread-safe and holds no connection:
 * each operation borrows one from the {@code DataSource} and returns it.
 */
public final class JdbcStorage {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,23}|");

    private final Database db;
    private final JdbcDatasetSink sink;
    private final ChangeLog changeLog;
    private final JdbcFindings findings;

    private JdbcStorage(Database db, Duration abandonedSessionsAfter, Duration changeRetention, Findings findingRules) {
        this.db = db;
        this.changeLog = new ChangeLog(db, changeRetention);
        this.sink = new JdbcDatasetSink(new StagingSink(db, abandonedSessionsAfter, changeLog));
        this.findings = new JdbcFindings(db, queries(), new FindingStore(db), findingRules);
    }

    /**
     * A builder for storage in the database behind {@code dataSource}.
     *
     * @param dataSource the host's pool of connections to an H2, PostgreSQL or MariaDB database; never null
     * @return a new builder with the default settings; never null
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * An engine builder on the host's runtime, wired to this storage's tenant mapper, dataset sink, checkpoint
     * store and job store; the host adds what else it needs (a scheduler, listeners) and builds. Called at
     * start-up from any thread.
     *
     * @param runtime the host's runtime; never null
     * @return a new engine builder with this storage's tenant mapper, sink, checkpoint store and job store set; never
     *     null
     * @throws IllegalStateException if the runtime is closed
     * @throws NullPointerException if {@code runtime} is null
     */
    public EntraSync.EngineBuilder engine(EntraSync runtime) {
        return Objects.requireNonNull(runtime, "runtime")
                .engine()
                .tenants(tenantMapper())
                .sink(sink)
                .checkpoints(checkpointStore())
                .jobs(jobStore())
                .listener(findings);
    }

    /**
     * The findings of this storage: the rules of {@link Builder#findings(Findings)} (by default entra-sync's built-in
     * rules), evaluated after each job of an engine built with {@link #engine(EntraSync)} (where it is a listener; a
     * host that builds its engine otherwise adds it with {@code listener(storage.findings())}) and stored in the
     * {@code findings} table.
     *
     * @return the findings, the same instance on every call; never null
     */
    public JdbcFindings findings() {
        return findings;
    }

    /**
     * The dataset sink; one shared instance.
     *
     * @return the dataset sink, the same instance on every call; never null
     */
    public JdbcDatasetSink datasetSink() {
        return sink;
    }

    /**
     * A credential store whose client secrets are encrypted at rest with {@code keys}. Cheap; build one per
     * key ring and share it.
     *
     * @param keys the key ring that encrypts and decrypts the client secrets; never null
     * @return a new credential store; never null
     * @throws NullPointerException if {@code keys} is null
     */
    public JdbcCredentialStore credentialStore(SecretKeyRing keys) {
        return new JdbcCredentialStore(db, keys);
    }

    /**
     * The checkpoint store (delta links and watermarks), beside the data.
     *
     * @return a new checkpoint store; never null
     */
    public JdbcCheckpointStore checkpointStore() {
        return new JdbcCheckpointStore(db);
    }

    /**
     * The company-tenant mapper; deleting a mapping with {@code PURGE} removes its data through {@link #dataPurger()}.
     *
     * @return a new tenant mapper, purging through {@link #dataPurger()}; never null
     */
    public JdbcTenantMapper tenantMapper() {
        return new JdbcTenantMapper(db, dataPurger());
    }

    /**
     * The consent store (verified consents and used consent-link nonces).
     *
     * @return a new consent store; never null
     */
    public JdbcConsentStore consentStore() {
        return new JdbcConsentStore(db);
    }

    /**
     * The job store (jobs and their per-dataset results).
     *
     * @return a new job store; never null
     */
    public JdbcJobStore jobStore() {
        return new JdbcJobStore(db);
    }

    /**
     * Removes everything synced for a mapping's tenant — its rows of every dataset table and its checkpoints —
     * in one transaction. For a host that keeps mappings elsewhere but data here.
     *
     * @return a new purger; never null
     */
    public DataPurger dataPurger() {
        TenantPurge purge = new TenantPurge(db);
        return mapping -> purge.purge(mapping.tenant());
    }

    /**
     * Queries over the dataset tables, for the host's screens.
     *
     * @return a new query object; never null
     */
    public JdbcQueries queries() {
        return new JdbcQueries(db, changeLog, new FindingStore(db));
    }

    /**
     * The table prefix, e.g. {@code entra_}; may be empty.
     *
     * @return the table prefix; empty when there is none; never null
     */
    public String tablePrefix() {
        return db.prefix();
    }

    /**
     * The database product: {@code H2}, {@code PostgreSQL} or {@code MariaDB}.
     *
     * @return the database product's name; never null
     */
    public String databaseProduct() {
        return db.dialect().productName();
    }

    Database database() {
        return db;
    }

    /** Builds {@link JdbcStorage}. Not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private String tablePrefix = "entra_";
        private boolean migrate = true;
        private Clock clock = Clock.systemUTC();
        private Duration abandonedSessionsAfter = Duration.ofHours(24);
        private Duration changeRetention = Duration.ofDays(90);
        private Findings findings = Findings.builtIn();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The prefix of every table entra-sync creates (default {@code entra_}): a lower-case letter, then up
         * to 23 lower-case letters, digits or underscores; or empty for none.
         *
         * @param tablePrefix the table prefix; never null, empty for none
         * @return this builder
         * @throws IllegalArgumentException for any other prefix
         */
        public Builder tablePrefix(String tablePrefix) {
            if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
                throw new IllegalArgumentException(
                        "tablePrefix: '" + tablePrefix + "' is not allowed; use a lower-case"
                                + " letter followed by up to 23 lower-case letters, digits or underscores (e.g. entra_), or \"\"");
            }
            this.tablePrefix = tablePrefix;
            return this;
        }

        /**
         * Whether {@link #build()} applies pending schema migrations (default true). With false the host
         * migrates the schema itself, and {@code build()} only checks that it is current.
         *
         * @param migrate true to apply pending migrations, false to only check that the schema is current
         * @return this builder
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * The clock for {@code first_seen}, {@code last_seen} and other stored times (default: system UTC).
         *
         * @param clock the clock for stored times; never null
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How old an unfinished sink session must be before its staged rows are purged (default 24 hours).
         * Sessions end by completing or aborting; one left by a process that died is purged when a session of
         * the same dataset opens after this time.
         *
         * @param abandonedSessionsAfter the age after which an unfinished session's staged rows are purged; not null,
         *     positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder abandonedSessionsAfter(Duration abandonedSessionsAfter) {
            if (abandonedSessionsAfter == null
                    || abandonedSessionsAfter.isNegative()
                    || abandonedSessionsAfter.isZero()) {
                throw new IllegalArgumentException(
                        "abandonedSessionsAfter: must be positive, was " + abandonedSessionsAfter);
            }
            this.abandonedSessionsAfter = abandonedSessionsAfter;
            return this;
        }

        /**
         * How long the change feed keeps a change (default 90 days): when a session of a tenant completes, that
         * tenant's changes older than this are deleted in the same transaction. A tenant no longer synced keeps its
         * changes until its synced data is purged.
         *
         * @param changeRetention how long a change is kept; not null, positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder changeRetention(Duration changeRetention) {
            if (changeRetention == null || changeRetention.isNegative() || changeRetention.isZero()) {
                throw new IllegalArgumentException("changeRetention: must be positive, was " + changeRetention);
            }
            this.changeRetention = changeRetention;
            return this;
        }

        /**
         * The rules evaluated after each job and stored in the {@code findings} table (default
         * {@link Findings#builtIn()}): built-in rules with other thresholds, some left out, or the host's own
         * {@link dev.entrasync.findings.FindingRule}s beside them. {@code new Findings(List.of())} evaluates none.
         * Findings of a rule no longer in the set stay stored as they were; a host deletes them by purging the tenant.
         *
         * @param findings the rules; never null
         * @return this builder
         * @throws NullPointerException if {@code findings} is null
         */
        public Builder findings(Findings findings) {
            this.findings = Objects.requireNonNull(findings, "findings");
            return this;
        }

        /**
         * Connects to learn the database, then migrates (or checks) the schema.
         *
         * @return the new storage, its schema current; never null
         * @throws JdbcStoreException if the database cannot be reached
         * @throws IllegalArgumentException if the database is not H2, PostgreSQL or MariaDB
         * @throws IllegalStateException if migrating fails, or with {@code migrate(false)} the schema is not current
         */
        public JdbcStorage build() {
            Dialect dialect;
            try (Connection connection = dataSource.getConnection()) {
                dialect = Dialect.of(connection);
            } catch (SQLException e) {
                throw new JdbcStoreException("Connecting to the database", e);
            }
            Database db = new Database(dataSource, dialect, tablePrefix, clock);
            Migrations migrations = new Migrations(db);
            if (migrate) {
                migrations.migrate();
            } else {
                migrations.verify();
            }
            return new JdbcStorage(db, abandonedSessionsAfter, changeRetention, findings);
        }
    }
}
