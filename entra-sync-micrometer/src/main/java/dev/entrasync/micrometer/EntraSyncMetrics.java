package dev.entrasync.micrometer;

import dev.entrasync.AppCredential;
import dev.entrasync.CredentialStore;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.SecretExpiryWarning;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantId;
import dev.entrasync.TokenException;
import dev.entrasync.runtime.EntraSync;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Binds an entra-sync engine to the host's Micrometer {@link MeterRegistry} and, optionally, its
 * {@link ObservationRegistry}: the meters a person running a fleet of tenants looks at, and an observation (a span,
 * with Micrometer Tracing) per job with a child per dataset.
 *
 * <p>Built once per engine by the host at start-up:
 *
 * <pre>{@code
 * EntraSyncMetrics metrics = EntraSyncMetrics.builder(meterRegistry)
 *         .observations(observationRegistry) // optional
 *         .build();
 * SyncEngine engine = entra.engine().tenants(mapper).sink(sink).listener(metrics.listener()).build();
 * metrics.bind(entra, engine); // the gauges
 * }</pre>
 *
 * <p>Every meter name starts with {@code entrasync.} and follows Micrometer's conventions (dots, base units: seconds,
 * days); tags carry the dataset, the outcome, the trigger or the failure, never the tenant unless the host opts in
 * with {@link Builder#tenantTags(boolean)} (a fleet of thousands of tenants would make thousands of series per meter).
 * The README's section "Metrics and tracing (entra-sync-micrometer)" lists every meter with its tags.
 *
 * <h2>Threads</h2>
 * Thread-safe: the listener is called on the engine's worker threads, concurrently for different tenants, and the
 * events of one job may arrive on different threads; gauges are read on whatever thread the registry publishes
 * from.
 */
public final class EntraSyncMetrics {

    private static final String PREFIX = "entrasync.";
    private static final String TENANT = "tenant";

    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final boolean tenantTags;
    private final SyncListener listener = new Listener();
    private final Map<String, Running> jobs = new ConcurrentHashMap<>();
    private final Map<String, Running> datasets = new ConcurrentHashMap<>();
    private final Set<String> credentialGauges = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean bound = new AtomicBoolean();
    private volatile CredentialStore credentials;
    private volatile Clock clock;

    private EntraSyncMetrics(Builder b) {
        this.registry = b.registry;
        this.observations = b.observations;
        this.tenantTags = b.tenantTags;
    }

    /**
     * A builder for the binding to this registry.
     *
     * @param registry the registry the meters go to (the host's, often a composite); never null
     * @return a new builder, with no observations and no tenant tags; never null
     * @throws NullPointerException if {@code registry} is null
     */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * The listener that records the meters and observations: add it to the engine with
     * {@code entra.engine()...listener(metrics.listener())}. The same instance on every call.
     *
     * @return the listener of this binding; never null
     */
    public SyncListener listener() {
        return listener;
    }

    /**
     * Registers the gauges that read state rather than events: {@code entrasync.tenants.blocked} (the engine's
     * {@link SyncEngine#blockedTenants()}, one read of the tenant mappings per publication) and
     * {@code entrasync.credential.secret.remaining} per credential of the runtime's credential store (read from the
     * store on each publication, with the runtime's clock). A credential saved later gets its gauge when a job or a
     * secret-expiry warning first names it. Call once, after the engine is built.
     *
     * @param runtime the runtime the engine was built on; never null, not closed
     * @param engine the engine whose listener is {@link #listener()}; never null
     * @throws NullPointerException if {@code runtime} or {@code engine} is null
     * @throws IllegalStateException if this binding was already bound (build one binding per engine), or the
     *     runtime is closed
     */
    public void bind(EntraSync runtime, SyncEngine engine) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(engine, "engine");
        CredentialStore store = runtime.credentials();
        Clock runtimeClock = runtime.clock();
        if (!bound.compareAndSet(false, true)) {
            throw new IllegalStateException("This EntraSyncMetrics is already bound to an engine; build another with"
                    + " EntraSyncMetrics.builder(registry) for each engine");
        }
        this.clock = runtimeClock;
        this.credentials = store;
        Gauge.builder(PREFIX + "tenants.blocked", engine, EntraSyncMetrics::blockedTenants)
                .description("Mapped tenants a permanent token failure blocks now (a person must act)")
                .strongReference(true)
                .register(registry);
        for (AppCredential credential : store.list()) {
            credentialGauge(credential.name());
        }
    }

    private static double blockedTenants(SyncEngine engine) {
        try {
            return engine.blockedTenants().size();
        } catch (RuntimeException e) { // the mapper's database is down: no value rather than a wrong one
            return Double.NaN;
        }
    }

    /** Registers the secret-expiry gauge of the credential once bound; NaN while its expiry is unknown or it is gone. */
    private void credentialGauge(String name) {
        CredentialStore store = credentials;
        if (store == null || name == null || !credentialGauges.add(name)) {
            return;
        }
        Clock now = clock;
        Gauge.builder(PREFIX + "credential.secret.remaining", () -> {
                    try {
                        return store.find(name)
                                .flatMap(c -> c.daysUntilSecretExpires(now))
                                .map(Long::doubleValue)
                                .orElse(Double.NaN);
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("Whole days until the credential's client secret expires (negative once expired)")
                .baseUnit("days")
                .tag("credential", name)
                .strongReference(true)
                .register(registry);
    }

    private Tags tags(TenantId tenant, String... keyValues) {
        Tags tags = Tags.of(keyValues);
        return tenantTags && tenant != null ? tags.and(TENANT, tenant.value()) : tags;
    }

    private Counter counter(String name, String description, Tags tags) {
        return Counter.builder(PREFIX + name)
                .description(description)
                .tags(tags)
                .register(registry);
    }

    private static String datasetKey(SyncJob job, Dataset dataset) {
        return job.id() + "\u0000" + dataset.key();
    }

    /** A job or dataset being timed and observed (the observation is null without an ObservationRegistry). */
    private record Running(Timer.Sample sample, Observation observation) {}

    private Observation startObservation(String name, String contextualName, Observation parent, TenantId tenant) {
        if (observations == null) {
            return null;
        }
        Observation observation = Observation.createNotStarted(name, observations)
                .contextualName(contextualName)
                .highCardinalityKeyValue(TENANT, tenant.value());
        if (parent != null) {
            observation.parentObservation(parent); // explicit: the events of one job may come on different threads
        }
        return observation;
    }

    /** Puts the job's or dataset's failure on its observation, so a tracer marks the span as an error. */
    private static void fail(Observation observation, String error) {
        observation.error(new SyncFailure(error == null ? "failed" : error));
    }

    /** A failed job or dataset as its observation's error; carries the engine's message, no stack trace. */
    private static final class SyncFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyncFailure(String message) {
            super(message, null, false, false);
        }
    }

    private final class Listener implements SyncListener {

        @Override
        public void jobStarted(SyncJob job) {
            counter(
                            "jobs.started",
                            "Jobs started",
                            tags(job.tenant(), "trigger", job.trigger().name()))
                    .increment();
            credentialGauge(job.credentialName());
            Observation observation = startObservation(PREFIX + "job", "entrasync job", null, job.tenant());
            if (observation != null) {
                observation
                        .lowCardinalityKeyValue("trigger", job.trigger().name())
                        .highCardinalityKeyValue("job.id", job.id())
                        .start();
            }
            jobs.put(job.id(), new Running(Timer.start(registry), observation));
        }

        @Override
        public void datasetStarted(SyncJob job, Dataset dataset) {
            Running parent = jobs.get(job.id());
            Observation observation = startObservation(
                    PREFIX + "dataset",
                    "entrasync dataset " + dataset.key(),
                    parent == null ? null : parent.observation(),
                    job.tenant());
            if (observation != null) {
                observation.lowCardinalityKeyValue("dataset", dataset.key()).start();
            }
            datasets.put(datasetKey(job, dataset), new Running(Timer.start(registry), observation));
        }

        @Override
        public void datasetFinished(SyncJob job, DatasetResult result) {
            Running running = datasets.remove(datasetKey(job, result.dataset()));
            if (running == null) { // not told started (a listener added to a running engine): count, do not time
                running = new Running(null, null);
            }
            String dataset = result.dataset().key();
            TenantId tenant = job.tenant();
            if (running.sample() != null) {
                running.sample()
                        .stop(Timer.builder(PREFIX + "dataset.duration")
                                .description("How long one dataset of one tenant took to sync")
                                .tags(tags(
                                        tenant,
                                        "dataset",
                                        dataset,
                                        "status",
                                        result.status().name(),
                                        "mode",
                                        result.mode().name()))
                                .register(registry));
            }
            Tags byDataset = tags(tenant, "dataset", dataset);
            counter("graph.requests", "Graph HTTP requests sent (retries included; a $batch counts once)", byDataset)
                    .increment(result.requests());
            counter("graph.throttled", "Graph 429 Too Many Requests responses (batch items included)", byDataset)
                    .increment(result.throttledResponses());
            counter("graph.unavailable", "Graph 503 Service Unavailable responses (batch items included)", byDataset)
                    .increment(result.unavailableResponses());
            Counter.builder(PREFIX + "graph.retry.after.wait")
                    .description("Time spent waiting because Graph answered with Retry-After")
                    .baseUnit("seconds")
                    .tags(byDataset)
                    .register(registry)
                    .increment(result.retryAfterWaited().toNanos() / 1e9);
            counter("records", "Records delivered to the sink", byDataset.and("change", "upserted"))
                    .increment(result.rowsUpserted());
            counter("records", "Records delivered to the sink", byDataset.and("change", "removed"))
                    .increment(result.rowsRemoved());
            Observation observation = running.observation();
            if (observation != null) {
                observation
                        .lowCardinalityKeyValue("status", result.status().name())
                        .lowCardinalityKeyValue("mode", result.mode().name())
                        .highCardinalityKeyValue("graph.requests", Long.toString(result.requests()))
                        .highCardinalityKeyValue("graph.throttled", Long.toString(result.throttledResponses()))
                        .highCardinalityKeyValue("graph.unavailable", Long.toString(result.unavailableResponses()));
                if (result.status() == DatasetResult.Status.FAILED) {
                    fail(observation, result.error());
                }
                observation.stop();
            }
        }

        @Override
        public void jobFinished(SyncJob job) {
            String status = job.status().name();
            counter(
                            "jobs.finished",
                            "Jobs finished, by status",
                            tags(
                                    job.tenant(),
                                    "status",
                                    status,
                                    "trigger",
                                    job.trigger().name()))
                    .increment();
            Running running = jobs.remove(job.id());
            // A dataset left running (the job ended by an Error) is dropped with the job.
            datasets.keySet().removeIf(k -> k.startsWith(job.id() + "\u0000"));
            if (running == null) { // a queued job cancelled before it started: counted, never timed
                return;
            }
            running.sample()
                    .stop(Timer.builder(PREFIX + "job.duration")
                            .description("How long one job (every dataset of one tenant) took")
                            .tags(tags(job.tenant(), "status", status))
                            .register(registry));
            Observation observation = running.observation();
            if (observation != null) {
                observation
                        .lowCardinalityKeyValue("status", status)
                        .highCardinalityKeyValue("graph.requests", Long.toString(job.requests()));
                if (job.status() == JobStatus.FAILED) {
                    fail(observation, job.reason());
                }
                observation.stop();
            }
        }

        @Override
        public void tokenFailed(TenantId tenant, TokenException failure) {
            counter(
                            "token.failures",
                            "Tokens Entra ID refused (or could not give), by AADSTS code and kind",
                            tags(
                                    tenant,
                                    "aadsts",
                                    failure.aadstsCode().map(String::valueOf).orElse("none"),
                                    "failure",
                                    failure.failure().name(),
                                    "credential",
                                    failure.credentialName() == null ? "unknown" : failure.credentialName()))
                    .increment();
        }

        @Override
        public void tenantBlocked(TenantId tenant, TokenException cause) {
            counter(
                            "tenants.blocks",
                            "Tenants newly blocked by a permanent token failure",
                            tags(tenant, "failure", cause.failure().name()))
                    .increment();
        }

        @Override
        public void secretExpiring(SecretExpiryWarning warning) {
            credentialGauge(warning.credentialName());
        }
    }

    /**
     * Builds an {@link EntraSyncMetrics}. Used once, by the thread that wires the host at start-up; not thread-safe.
     */
    public static final class Builder {
        private final MeterRegistry registry;
        private ObservationRegistry observations;
        private boolean tenantTags;

        private Builder(MeterRegistry registry) {
            this.registry = registry;
        }

        /**
         * Also observes each job ({@code entrasync.job}) and each of its datasets ({@code entrasync.dataset}, a child
         * of the job's) in this registry: with Micrometer Tracing, a span per job with a child span per dataset.
         * Without it, no observation is made.
         *
         * @param observations the host's observation registry; never null
         * @return this builder
         * @throws NullPointerException if {@code observations} is null
         */
        public Builder observations(ObservationRegistry observations) {
            this.observations = Objects.requireNonNull(observations, "observations");
            return this;
        }

        /**
         * Whether the job, dataset, Graph, token and block meters also carry a {@code tenant} tag (the tenant's id).
         * Off by default: each tenant then makes its own series of every such meter, which a fleet of thousands of
         * tenants turns into a load on the metrics backend. Observations always carry the tenant as a
         * high-cardinality key value (on spans, not on metrics).
         *
         * @param tenantTags true to tag meters by tenant
         * @return this builder
         */
        public Builder tenantTags(boolean tenantTags) {
            this.tenantTags = tenantTags;
            return this;
        }

        /**
         * Builds the binding; add its {@link EntraSyncMetrics#listener()} to the engine and call
         * {@link EntraSyncMetrics#bind} once the engine is built.
         *
         * @return a new binding; never null
         */
        public EntraSyncMetrics build() {
            return new EntraSyncMetrics(this);
        }
    }
}
