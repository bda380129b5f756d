package dev.entrasync.internal.engine;

import dev.entrasync.AppCredential;
import dev.entrasync.CredentialStore;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.JobStore;
import dev.entrasync.SyncJob;
import dev.entrasync.TokenException;
import dev.entrasync.internal.graph.GraphTransport;
import dev.entrasync.internal.graph.TenantGraph;
import dev.entrasync.internal.graph.TenantSizeClass;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job from start to finish on the calling thread: checks the token first (nothing is
 * written without one), runs each dataset through the {@link DatasetRunner}, stores the job after
 * every step (the tenant's health is read from the stored jobs), blocks the tenant after a permanent
 * token failure and tells the listeners. Thread-safe: jobs of different
 * tenants run concurrently on different threads.
 */
final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final CredentialStore credentials;
    private final JobStore jobs;
    private final GraphTransport transport;
    private final TenantSync datasets;
    private final TenantControls controls;
    private final Listeners listeners;
    private final Clock clock;

    JobRunner(
            CredentialStore credentials,
            JobStore jobs,
            GraphTransport transport,
            TenantSync datasets,
            TenantControls controls,
            Listeners listeners,
            Clock clock) {
        this.credentials = credentials;
        this.jobs = jobs;
        this.transport = transport;
        this.datasets = datasets;
        this.controls = controls;
        this.listeners = listeners;
        this.clock = clock;
    }

    /**
     * Runs a queued job.
     *
     * @param cancelled true once the engine is closing: the job stops between datasets (and the
     *     running dataset's request is interrupted), and ends CANCELLED with nothing half-written
     */
    SyncJob run(SyncJob queued, BooleanSupplier cancelled) {
        SyncJob job = queued.start(clock.instant());
        jobs.save(job);
        SyncJob started = job;
        listeners.fire(l -> l.jobStarted(started));
        Optional<AppCredential> credential = credentials.find(job.credentialName());
        if (credential.isEmpty()) {
            return finish(
                    job,
                    JobStatus.FAILED,
                    "No credential named '" + job.credentialName()
                            + "' in the credential store; add it or map the tenant to an existing credential.");
        }
        TenantGraph graph = transport.forTenant(credential.get(), job.tenant().value());
        try {
            transport.tokens().token(credential.get(), job.tenant().value());
        } catch (TokenException e) {
            listeners.fire(l -> l.tokenFailed(started.tenant(), e));
            if (e.failure().isPermanent() && controls.block(started.tenant(), credential.get(), e)) {
                listeners.fire(l -> l.tenantBlocked(started.tenant(), e));
            }
            return finish(job, cancelled.getAsBoolean() ? JobStatus.CANCELLED : JobStatus.FAILED, e.getMessage());
        }
        JobProgress progress = new JobProgress(job, cancelled, graph);
        datasets.run(graph, job.tenant(), EnumSet.copyOf(job.datasets()), job.id(), progress);
        job = progress.job;
        if (cancelled.getAsBoolean()) {
            return finish(
                    job,
                    JobStatus.CANCELLED,
                    "The engine was closed while the job ran; what it had not" + " completed was discarded.");
        }
        long failed = job.results().stream()
                .filter(r -> r.status() == DatasetResult.Status.FAILED)
                .count();
        JobStatus status = failed == 0
                ? JobStatus.SUCCEEDED
                : failed == job.results().size() ? JobStatus.FAILED : JobStatus.PARTIAL;
        String reason = failed == 0
                ? null
                : job.results().stream()
                        .filter(r -> r.status() == DatasetResult.Status.FAILED)
                        .map(r -> r.dataset().key() + ": " + r.error())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse(null);
        return finish(job, status, reason);
    }

    /** Turns the tenant run's progress into job updates and listener events; stops the run between datasets once cancelled. */
    private final class JobProgress implements SyncProgress {
        private SyncJob job;
        private final BooleanSupplier cancelled;
        private final TenantGraph graph;
        private long batches;
        /** The dataset listeners were told began and have not been told finished, or null. */
        private Dataset begun;

        JobProgress(SyncJob job, BooleanSupplier cancelled, TenantGraph graph) {
            this.job = job;
            this.cancelled = cancelled;
            this.graph = graph;
        }

        @Override
        public void datasetStarted(dev.entrasync.TenantId tenant, Dataset dataset, DatasetResult.Mode mode) {
            batches = 0;
            begin(dataset);
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("the engine is closing");
            }
        }

        /** Tells the listeners a dataset began, once per dataset run (a delta round redone as full is one run). */
        private void begin(Dataset dataset) {
            if (begun != dataset) {
                begun = dataset;
                SyncJob current = job;
                listeners.fire(l -> l.datasetStarted(current, dataset));
            }
        }

        @Override
        public void tokenFailed(dev.entrasync.TenantId tenant, TokenException failure) {
            listeners.fire(l -> l.tokenFailed(tenant, failure));
        }

        @Override
        public void rowsWritten(dev.entrasync.TenantId tenant, Dataset dataset, long upsertedSoFar, long removedSoFar) {
            SyncJob current = job;
            long pages = ++batches;
            listeners.fire(l -> l.datasetProgress(current, dataset, upsertedSoFar + removedSoFar, pages));
        }

        @Override
        public void datasetFinished(dev.entrasync.TenantId tenant, DatasetResult result) {
            if (result.dataset() == Dataset.USERS
                    && result.status() == DatasetResult.Status.SUCCEEDED
                    && result.mode() == DatasetResult.Mode.FULL) {
                graph.sizeClass(TenantSizeClass.of(result.rowsUpserted()));
            }
            begin(result.dataset()); // a dataset that failed before its first request was still begun
            begun = null;
            job = job.withResult(result);
            jobs.save(job);
            SyncJob withResult = job;
            listeners.fire(l -> l.datasetFinished(withResult, result));
        }
    }

    private SyncJob finish(SyncJob job, JobStatus status, String reason) {
        SyncJob done = job.finish(status, clock.instant(), reason);
        jobs.save(done);
        LOG.info("Job {} for tenant {} {}{}", done.id(), done.tenant(), status, reason == null ? "" : ": " + reason);
        listeners.fire(l -> l.jobFinished(done));
        return done;
    }
}
