package dev.entrasync.runtime;

import dev.entrasync.CheckpointStore;
import dev.entrasync.CredentialStore;
import dev.entrasync.DatasetSink;
import dev.entrasync.GraphLimits;
import dev.entrasync.HttpSettings;
import dev.entrasync.InMemoryCheckpointStore;
import dev.entrasync.InMemoryJobStore;
import dev.entrasync.InMemoryTenantMapper;
import dev.entrasync.JobStore;
import dev.entrasync.LicenseCatalog;
import dev.entrasync.Sleeper;
import dev.entrasync.SyncConfig;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantMapper;
import dev.entrasync.internal.engine.DefaultSyncEngine;
import dev.entrasync.internal.engine.EngineParts;
import dev.entrasync.internal.graph.GraphTransport;
import dev.entrasync.internal.runtime.RuntimeViews;
import dev.entrasync.internal.runtime.SharedParts;
import dev.entrasync.mail.MailSender;
import dev.entrasync.onboarding.Onboarding;
import dev.entrasync.onboarding.SecretLifecycle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point and the runtime: one per host process, shared by everything that talks to Microsoft.
 * It owns the credential store, one HTTP stack (connection pool, proxy, TLS), one token cache, the
 * app-wide request budget and each tenant's budgets ({@link GraphLimits}), the clock and the sleeper.
 * The sync engine ({@link #engine()}), onboarding ({@link #onboarding()}: consent, discovery, preflight,
 * secret lifecycle) and mail ({@link #mail()}) are obtained from it and share all of that, so one tenant
 * is paced by one budget, its token is fetched once, and a secret rotation or a re-consent invalidates
 * the one cache.
 *
 * <pre>{@code
 * try (EntraSync entra = EntraSync.builder()
 *         .credentials(credentialStore)       // host-owned secrets
 *         .build()) {
 *     SyncEngine engine = entra.engine()
 *             .tenants(tenantMapper)          // which tenants, keyed by the host's companies
 *             .sink(datasetSink)              // where records go
 *             .build();
 *     engine.start();                         // every tenant every 24 hours, spread over the day
 *     SyncJob job = engine.syncNowForCompany("acme");   // "Sync now"
 * }                                           // closes the engine and the HTTP connections
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * Build one at start-up and close it at shutdown. Closing it closes the engines built from it (as
 * {@link SyncEngine#close()} does) and then releases the HTTP connections; onboarding and mail obtained
 * from it must not be used after that. Closing an engine leaves the runtime and everything else obtained from it open.
 *
 * <h2>Threads</h2>
 * Thread-safe: every method may be called from any thread. Builders are not thread-safe; use each from one
 * thread.
 */
public final class EntraSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EntraSync.class);

    private final SharedParts shared;
    private final MailSender mail;
    private final List<SyncEngine> engines = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private EntraSync(Builder b) {
        this.shared = new SharedParts(
                b.credentials, new GraphTransport(b.http, b.limits, b.clock, b.sleeper), b.clock, b.sleeper);
        this.mail = RuntimeViews.create(MailSender.class, shared);
    }

    /**
     * A new builder for the runtime. Called once per host, at start-up.
     *
     * @return a new runtime builder with the default clock, sleeper, HTTP settings and limits; never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder for a sync engine on this runtime. A host usually builds one engine; several (say, over
     * different sinks) share this runtime's connections, tokens and budgets.
     *
     * @return a new engine builder bound to this runtime; never null
     * @throws IllegalStateException if the runtime is closed
     */
    public EngineBuilder engine() {
        shared();
        return new EngineBuilder(this);
    }

    /**
     * A builder for onboarding (consent links and their verification, tenant discovery, preflight, secret
     * lifecycle) on this runtime. Build one per host and share it.
     *
     * @return a new onboarding builder bound to this runtime; never null
     * @throws IllegalStateException if the runtime is closed
     */
    public Onboarding.Builder onboarding() {
        return RuntimeViews.create(Onboarding.Builder.class, shared());
    }

    /**
     * Mail through Graph on this runtime (incubating); the same instance on every call. Needs
     * {@code Mail.Send} in the credential's home tenant.
     *
     * @return the runtime's mail sender, the same instance on every call; never null
     * @throws IllegalStateException if the runtime is closed
     */
    public MailSender mail() {
        shared();
        return mail;
    }

    /**
     * The credential store the runtime was built with, for a host's view of its credentials (a secret-expiry gauge,
     * say). Any thread.
     *
     * @return the runtime's credential store, the one given to {@link Builder#credentials}; never null
     * @throws IllegalStateException if the runtime is closed
     */
    public CredentialStore credentials() {
        return shared().credentials();
    }

    /**
     * The clock the runtime and its engines read, so that what a host computes from it (days until a secret expires)
     * agrees with the engine. Any thread.
     *
     * @return the runtime's clock, the one given to {@link Builder#clock} or the system clock in UTC; never null
     * @throws IllegalStateException if the runtime is closed
     */
    public Clock clock() {
        return shared().clock();
    }

    /**
     * Closes every engine built from this runtime that is still open, then releases the HTTP connections.
     * Idempotent; a second call does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (SyncEngine engine : engines) {
            try {
                engine.close();
            } catch (Exception e) {
                LOG.warn("Closing an engine failed: {}", e.toString());
            }
        }
        engines.clear();
        shared.transport().close();
    }

    SharedParts shared() {
        if (closed.get()) {
            throw new IllegalStateException(
                    "The EntraSync runtime is closed; build a new one with EntraSync.builder()");
        }
        return shared;
    }

    /**
     * Builds the {@link EntraSync} runtime: the settings everything obtained from it shares. Called once per
     * host at start-up; not thread-safe. Setters refuse null ({@link NullPointerException} naming the argument);
     * {@link #build()} fails naming whatever is missing.
     */
    public static final class Builder {
        private CredentialStore credentials;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private HttpSettings http = HttpSettings.ofDefaults();
        private GraphLimits limits = GraphLimits.ofDefaults();

        private Builder() {}

        /**
         * Where credentials come from (required).
         *
         * @param credentials the store the app credentials are read from; never null
         * @return this builder
         * @throws NullPointerException if {@code credentials} is null
         */
        public Builder credentials(CredentialStore credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * The clock (default: system UTC); tests inject a fake one.
         *
         * @param clock the clock every component of the runtime reads the time from; never null
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How waits happen (default: {@link Sleeper#SYSTEM}); tests record instead of sleeping.
         *
         * @param sleeper how the runtime waits (back-off, {@code Retry-After}); never null
         * @return this builder
         * @throws NullPointerException if {@code sleeper} is null
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Proxy, timeouts and TLS for every request (default: {@link HttpSettings#ofDefaults()}).
         *
         * @param http the proxy, timeout and TLS settings of the runtime's one HTTP stack; never null
         * @return this builder
         * @throws NullPointerException if {@code http} is null
         */
        public Builder http(HttpSettings http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /**
         * Rate, concurrency and retry limits (default: {@link GraphLimits#ofDefaults()}): one app-wide budget
         * and one set of budgets per tenant, shared by the engine, onboarding and mail.
         *
         * @param limits the rate, concurrency and retry limits; never null
         * @return this builder
         * @throws NullPointerException if {@code limits} is null
         */
        public Builder limits(GraphLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The runtime; close it at shutdown.
         *
         * @return a new, open runtime; never null
         * @throws IllegalStateException if no credential store was given
         */
        public EntraSync build() {
            if (credentials == null) {
                throw new IllegalStateException("EntraSync.builder() is missing credentials(CredentialStore)");
            }
            return new EntraSync(this);
        }
    }

    /**
     * Builds a {@link SyncEngine} on this runtime, from {@link EntraSync#engine()}. Holds only the
     * engine's own settings; credentials, clock, sleeper, HTTP settings and limits are the runtime's. Not
     * thread-safe. Setters other than {@link #sink} refuse null ({@link NullPointerException} naming the
     * argument); {@link #build()} fails naming whatever is missing.
     */
    public static final class EngineBuilder {
        private TenantMapper tenants;
        private DatasetSink sink;
        private CheckpointStore checkpoints = new InMemoryCheckpointStore();
        private JobStore jobs = new InMemoryJobStore();
        private SyncConfig config = SyncConfig.ofDefaults();
        private LicenseCatalog licenseCatalog = LicenseCatalog.builtIn();
        private ExecutorService executor;
        private SecretLifecycle secrets;
        private dev.entrasync.spi.SyncScheduler scheduler;
        private final List<SyncListener> listeners = new ArrayList<>();

        private final EntraSync runtime;

        private EngineBuilder(EntraSync runtime) {
            this.runtime = runtime;
        }

        /**
         * Which tenants to sync, mapped to the host's companies (default: an empty in-memory mapper).
         *
         * @param tenants the mapper listing the tenants to sync and their companies; never null
         * @return this builder
         * @throws NullPointerException if {@code tenants} is null
         */
        public EngineBuilder tenants(TenantMapper tenants) {
            this.tenants = Objects.requireNonNull(tenants, "tenants");
            return this;
        }

        /**
         * Where records go (required).
         *
         * @param sink the sink the records of every dataset are written to; null is accepted here but refused by
         *     {@link #build()}
         * @return this builder
         */
        public EngineBuilder sink(DatasetSink sink) {
            this.sink = sink;
            return this;
        }

        /**
         * Where delta links and watermarks are kept (default: in memory).
         *
         * @param checkpoints the store of delta links and watermarks; never null
         * @return this builder
         * @throws NullPointerException if {@code checkpoints} is null
         */
        public EngineBuilder checkpoints(CheckpointStore checkpoints) {
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
            return this;
        }

        /**
         * Where jobs are kept (default: in memory).
         *
         * @param jobs the store of jobs and their history; never null
         * @return this builder
         * @throws NullPointerException if {@code jobs} is null
         */
        public EngineBuilder jobs(JobStore jobs) {
            this.jobs = Objects.requireNonNull(jobs, "jobs");
            return this;
        }

        /**
         * How the engine runs: workers, the sync interval, the schedule's tick, and how datasets are fetched
         * (default: {@link SyncConfig#ofDefaults()}).
         *
         * @param config the engine's settings; never null
         * @return this builder
         * @throws NullPointerException if {@code config} is null
         */
        public EngineBuilder config(SyncConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Licence product names (default: {@link LicenseCatalog#builtIn()}); pass
         * {@code LicenseCatalog.builtIn().with(LicenseCatalog.fromCsv(path))} to name every SKU.
         *
         * @param licenseCatalog the catalog naming licence SKUs; never null
         * @return this builder
         * @throws NullPointerException if {@code licenseCatalog} is null
         */
        public EngineBuilder licenseCatalog(LicenseCatalog licenseCatalog) {
            this.licenseCatalog = Objects.requireNonNull(licenseCatalog, "licenseCatalog");
            return this;
        }

        /**
         * The executor the built-in scheduler runs jobs on (default: {@link SyncConfig#workers()} daemon threads
         * owned by the engine). A host on Java 21 may pass {@code Executors.newVirtualThreadPerTaskExecutor()}. The
         * engine does not shut down an executor it was given. Not with {@link #scheduler}: a scheduler given runs
         * jobs on its own threads, so {@link #build()} refuses the two together.
         *
         * @param executor the executor the built-in scheduler runs jobs on; never null, and not shut down by the engine
         * @return this builder
         * @throws NullPointerException if {@code executor} is null
         */
        public EngineBuilder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The onboarding's secret lifecycle: the engine then checks secret expiry on every tick.
         *
         * @param secrets the onboarding's secret lifecycle to check on every tick; never null
         * @return this builder
         * @throws NullPointerException if {@code secrets} is null
         */
        public EngineBuilder secrets(SecretLifecycle secrets) {
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        /**
         * Who decides when jobs run (default: the built-in scheduler in this process). Pass
         * {@code entra-sync-jdbc}'s cluster scheduler when several host instances share one database. A scheduler
         * given runs jobs on its own threads and looks for due tenants on its own; {@link SyncConfig#workers()},
         * {@link SyncConfig#tick()} and {@link #executor} apply to the built-in one only.
         *
         * @param scheduler the scheduler deciding when jobs run, in place of the built-in one; never null
         * @return this builder
         * @throws NullPointerException if {@code scheduler} is null
         */
        public EngineBuilder scheduler(dev.entrasync.spi.SyncScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Adds a listener for jobs, progress, blocked tenants and expiring secrets.
         *
         * @param listener the listener to add; never null; listeners are called in the order they were added
         * @return this builder
         * @throws NullPointerException if {@code listener} is null
         */
        public EngineBuilder listener(SyncListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The engine, sharing this runtime's HTTP stack, token cache and budgets. Closing the engine leaves
         * the runtime open; closing the runtime closes the engine.
         *
         * @return a new engine, not yet started; never null
         * @throws IllegalStateException naming the missing sink, refusing {@link #executor} together with
         *     {@link #scheduler}, or if the runtime is closed
         */
        public SyncEngine build() {
            if (sink == null) {
                throw new IllegalStateException("EntraSync.engine() is missing sink(DatasetSink)");
            }
            if (executor != null && scheduler != null) {
                throw new IllegalStateException("EntraSync.engine() has both executor(...) and scheduler(...), but the"
                        + " executor would never run a job: the scheduler given runs jobs on its own threads (size them"
                        + " on the scheduler). Drop executor(...).");
            }
            SharedParts shared = runtime.shared();
            SyncEngine engine = new DefaultSyncEngine(new EngineParts(
                    shared.credentials(),
                    tenants == null ? new InMemoryTenantMapper() : tenants,
                    sink,
                    checkpoints,
                    jobs,
                    config,
                    licenseCatalog,
                    shared.clock(),
                    shared.sleeper(),
                    shared.transport(),
                    executor,
                    config.workers(),
                    config.interval(),
                    config.tick(),
                    secrets,
                    scheduler,
                    listeners));
            runtime.engines.add(engine);
            if (runtime.closed.get()) { // closed while this engine was being built: it must not outlive the runtime
                engine.close();
                runtime.shared();
            }
            return engine;
        }
    }
}
