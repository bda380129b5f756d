package dev.entrasync;

import dev.entrasync.internal.engine.DefaultSyncEngine;
import dev.entrasync.internal.engine.EngineParts;
import dev.entrasync.onboarding.InMemoryTenantMapper;
import dev.entrasync.onboarding.SecretLifecycle;
import dev.entrasync.onboarding.TenantMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * The entry point: {@code EntraSync.builder()...build()} gives the host its {@link SyncEngine}.
 *
 * <pre>{@code
 * try (SyncEngine engine = EntraSync.builder()
 *         .credentials(credentialStore)   // host-owned secrets
 *         .tenants(tenantMapper)          // which tenants, keyed by the host's companies
 *         .sink(datasetSink)              // where records go
 *         .build()) {
 *     engine.start();                     // every tenant every 24 hours, spread over the day
 *     SyncJob job = engine.syncNowForCompany("acme");   // "Sync now"
 * }
 * }</pre>
 */
public final class EntraSync {

    private EntraSync() {
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SyncEngine}. Not thread-safe; {@link #build()} fails naming whatever is missing. */
    public static final class Builder {
        private CredentialStore credentials;
        private TenantMapper tenants;
        private DatasetSink sink;
        private CheckpointStore checkpoints = new InMemoryCheckpointStore();
        private JobStore jobs = new InMemoryJobStore();
        private SyncConfig config = SyncConfig.defaults();
        private LicenseCatalog licenseCatalog = LicenseCatalog.builtIn();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private HttpSettings http = HttpSettings.defaults();
        private GraphLimits limits = GraphLimits.defaults();
        private ExecutorService executor;
        private int workers = 8;
        private Duration interval = Duration.ofHours(24);
        private Duration tick = Duration.ofSeconds(30);
        private SecretLifecycle secrets;
        private dev.entrasync.spi.SyncScheduler scheduler;
        private final List<SyncListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** Where credentials come from (required). */
        public Builder credentials(CredentialStore credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Which tenants to sync, mapped to the host's companies (default: an empty in-memory mapper). */
        public Builder tenants(TenantMapper tenants) {
            this.tenants = Objects.requireNonNull(tenants, "tenants");
            return this;
        }

        /** Where records go (required). */
        public Builder sink(DatasetSink sink) {
            this.sink = sink;
            return this;
        }

        /** Where delta links and watermarks are kept (default: in memory). */
        public Builder checkpoints(CheckpointStore checkpoints) {
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
            return this;
        }

        /** Where jobs are kept (default: in memory). */
        public Builder jobs(JobStore jobs) {
            this.jobs = Objects.requireNonNull(jobs, "jobs");
            return this;
        }

        /** How datasets are fetched (default: {@link SyncConfig#defaults()}). */
        public Builder config(SyncConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Licence product names (default: {@link LicenseCatalog#builtIn()}); pass
         * {@code LicenseCatalog.builtIn().with(LicenseCatalog.fromCsv(path))} to name every SKU.
         */
        public Builder licenseCatalog(LicenseCatalog licenseCatalog) {
            this.licenseCatalog = Objects.requireNonNull(licenseCatalog, "licenseCatalog");
            return this;
        }

        /** The clock (default: system UTC); tests inject a fake one. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How waits happen (default: {@link Sleeper#SYSTEM}); tests record instead of sleeping. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Proxy, timeouts and TLS for every request (default: {@link HttpSettings#defaults()}). */
        public Builder http(HttpSettings http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** Rate, concurrency and retry limits (default: {@link GraphLimits#defaults()}). */
        public Builder limits(GraphLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The executor jobs run on (default: {@link #workers(int)} daemon threads owned by the engine).
         * A host on Java 21 may pass {@code Executors.newVirtualThreadPerTaskExecutor()}. The engine
         * does not shut down an executor it was given.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Tenants synced at once by the default executor (default 8).
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, was " + workers);
            }
            this.workers = workers;
            return this;
        }

        /**
         * How often each tenant is synced (default 24 hours).
         *
         * @throws IllegalArgumentException if shorter than one minute
         */
        public Builder interval(Duration interval) {
            if (interval == null || interval.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("interval must be at least 1 minute, was " + interval);
            }
            this.interval = interval;
            return this;
        }

        /**
         * How often the schedule looks for due tenants (default 30 seconds).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder tick(Duration tick) {
            if (tick == null || tick.isNegative() || tick.isZero()) {
                throw new IllegalArgumentException("tick must be positive, was " + tick);
            }
            this.tick = tick;
            return this;
        }

        /** The onboarding's secret lifecycle: the engine then checks secret expiry on every tick. */
        public Builder secrets(SecretLifecycle secrets) {
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        /**
         * Who decides when jobs run (default: the built-in scheduler in this process). Pass
         * {@code entra-sync-jdbc}'s cluster scheduler when several host instances share one database.
         */
        public Builder scheduler(dev.entrasync.spi.SyncScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Adds a listener for jobs, progress, blocked tenants and expiring secrets. */
        public Builder listener(SyncListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @throws IllegalStateException naming every missing part
         */
        public SyncEngine build() {
            List<String> missing = new ArrayList<>();
            if (credentials == null) {
                missing.add("credentials(CredentialStore)");
            }
            if (sink == null) {
                missing.add("sink(DatasetSink)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("EntraSync.builder() is missing " + String.join(", ", missing));
            }
            return new DefaultSyncEngine(new EngineParts(credentials, tenants == null ? new InMemoryTenantMapper() : tenants,
                    sink, checkpoints, jobs, config, licenseCatalog, clock, sleeper, http, limits, executor, workers, interval, tick,
                    secrets, scheduler, listeners));
        }
    }
}
