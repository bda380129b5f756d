package dev.entrasync.internal.engine;

import dev.entrasync.AppCredential;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobHistory;
import dev.entrasync.JobStore;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncResult;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantHealth;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapper;
import dev.entrasync.TenantMapping;
import dev.entrasync.TokenException;
import dev.entrasync.internal.graph.GraphTransport;
import dev.entrasync.spi.SyncScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The engine behind {@link SyncEngine}: a facade that wires its parts, each with one job — the
 * {@link JobBook} (jobs handed out, deduped per tenant, run, waited for with a future), the
 * scheduler's {@link EngineTasks}, {@link CrashRecovery}, and {@link TenantControls} (stored in the
 * mappings and the job store) — around {@link JobRunner}. When jobs run is the {@link SyncScheduler}'s
 * business (the built-in {@link LocalScheduler}, or a cluster-aware one).
 */
public final class DefaultSyncEngine implements SyncEngine {

    private final EngineParts parts;
    private final TenantMapper mapper;
    private final JobStore jobs;
    private final JobHistory history;
    private final GraphTransport transport;
    private final TenantControls controls;
    private final JobBook book;
    private final EngineTasks tasks;
    private final UnaryOperator<SyncJob> work;
    private final SyncScheduler scheduler;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Listeners listeners;

    public DefaultSyncEngine(EngineParts parts) {
        this.parts = parts;
        this.mapper = parts.tenants();
        this.jobs = parts.jobs();
        this.history = JobHistory.readOnly(jobs);
        this.transport = parts.transport(); // the runtime's: shared, and closed by the runtime, not here
        this.listeners = new Listeners(parts.listeners());
        this.controls = new TenantControls(mapper, jobs, parts.clock(), parts.interval());
        TenantSync datasets = new TenantSync(
                parts.sink(), parts.checkpoints(), parts.config(), parts.licenseCatalog(), parts.clock());
        JobRunner runner =
                new JobRunner(parts.credentials(), jobs, transport, datasets, controls, listeners, parts.clock());
        this.scheduler = parts.scheduler() != null
                ? parts.scheduler()
                : new LocalScheduler(parts.clock(), parts.tick(), parts.executor(), parts.workers());
        this.book = new JobBook(jobs, parts.clock(), listeners, !(scheduler instanceof LocalScheduler));
        this.work = queued -> runner.run(
                queued, () -> book.closing() || Thread.currentThread().isInterrupted());
        CrashRecovery recovery = new CrashRecovery(jobs, book, parts.clock());
        this.tasks = new EngineTasks(
                mapper,
                jobs,
                parts.credentials(),
                controls,
                book,
                recovery,
                work,
                parts.secrets(),
                listeners,
                parts.clock());
        tasks.attachTo(scheduler);
    }

    @Override
    public void start() {
        if (book.closing()) {
            throw new IllegalStateException("The engine is closed; build a new one");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("The engine was already started");
        }
        scheduler.start();
    }

    @Override
    public Optional<Instant> nextRun(TenantId tenant) {
        if (tenant == null) {
            throw new IllegalArgumentException("tenant: must not be null; pass a mapped tenant's TenantId");
        }
        if (tasks.runnable(tenant).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                scheduler instanceof LocalScheduler local ? local.nextDue(tenant) : tasks.nextRun(tenant, null));
    }

    private static IllegalArgumentException excluded(TenantId tenant) {
        return new IllegalArgumentException("tenant " + tenant + " is excluded from syncing; include it first");
    }

    @Override
    public SyncJob syncNow(TenantId tenant) {
        TenantMapping mapping = controls.mapped(tenant);
        if (mapping.excluded()) {
            throw excluded(tenant);
        }
        boolean[] created = {false};
        SyncJob job = book.queue(
                mapping.tenant(),
                mapping.companyId(),
                mapping.credentialName(),
                mapping.datasets(),
                SyncTrigger.MANUAL,
                created);
        if (created[0]) {
            scheduler.submit(job);
        }
        return job;
    }

    @Override
    public SyncJob syncNowForCompany(String companyId) {
        TenantMapping mapping = mapper.findByCompany(companyId)
                .orElseThrow(() -> new IllegalArgumentException("company " + companyId + " is not mapped to a tenant"));
        return syncNow(mapping.tenant());
    }

    @Override
    public List<SyncJob> syncAllNow() {
        List<SyncJob> queued = new ArrayList<>();
        for (TenantMapping mapping : mapper.list()) {
            if (!mapping.excluded()) {
                queued.add(syncNow(mapping.tenant()));
            }
        }
        return queued;
    }

    @Override
    public CompletableFuture<SyncJob> completion(String jobId) {
        return book.completion(jobId);
    }

    @Override
    public SyncJob await(String jobId, Duration timeout) throws InterruptedException {
        return book.await(jobId, timeout);
    }

    @Override
    public SyncResult sync(String credentialName, TenantId tenant, Set<Dataset> datasets) {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("datasets: must not be empty");
        }
        AppCredential credential = parts.credentials()
                .find(credentialName)
                .orElseThrow(() -> new IllegalArgumentException(
                        "credentialName: no credential named '" + credentialName + "' in the credential store"));
        // Fail fast, before a job or a sink session exists, when no token can be had; learn the tenant's GUID.
        String guid;
        try {
            guid = transport.tokens().token(credential, tenant.value()).tenantId();
        } catch (TokenException e) {
            listeners.fire(l -> l.tokenFailed(tenant, e));
            throw e;
        }
        TenantId key = guid == null ? tenant : TenantId.of(guid);
        Optional<TenantMapping> mapping = controls.mapping(key);
        if (mapping.isPresent() && mapping.get().excluded()) {
            throw excluded(key);
        }
        String companyId = mapping.map(TenantMapping::companyId).orElse(null);
        Set<Dataset> wanted = EnumSet.copyOf(datasets);
        while (true) {
            // One job per tenant at a time, as for syncNow: a job already queued or running is joined.
            boolean[] created = {false};
            SyncJob job = book.queue(key, companyId, credentialName, wanted, SyncTrigger.MANUAL, created);
            if (created[0]) {
                SyncJob finished = book.execute(job, work);
                return new SyncResult(key, finished.id(), finished.results());
            }
            SyncJob joined = awaitFinished(job);
            List<DatasetResult> results = joined.results().stream()
                    .filter(r -> wanted.contains(r.dataset()))
                    .toList();
            if (results.size() == wanted.size()) {
                return new SyncResult(key, joined.id(), results);
            }
            // The joined job did not sync every dataset asked for (it had others, or stopped early): run
            // them now that it is done.
        }
    }

    /** Waits, however long it takes, until the job finishes here or on another instance. */
    private SyncJob awaitFinished(SyncJob job) {
        try {
            return book.completion(job.id()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for job " + job.id() + " of tenant "
                    + job.tenant() + ", which was already running; that job goes on");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public JobHistory jobs() {
        return history;
    }

    @Override
    public TenantHealth health(TenantId tenant) {
        return controls.health(tenant);
    }

    @Override
    public List<TenantId> blockedTenants() {
        return controls.blockedTenants();
    }

    @Override
    public void pause(TenantId tenant) {
        controls.paused(tenant, true);
    }

    @Override
    public void resume(TenantId tenant) {
        controls.resume(tenant);
    }

    @Override
    public void exclude(TenantId tenant) {
        controls.excluded(tenant, true);
    }

    @Override
    public void include(TenantId tenant) {
        controls.excluded(tenant, false);
    }

    @Override
    public void interval(TenantId tenant, Duration interval) {
        controls.interval(tenant, interval);
        scheduler.reschedule(tenant);
    }

    @Override
    public void close() {
        if (!book.startClosing()) {
            return;
        }
        scheduler.close();
        book.cancelUnfinished();
    }
}
