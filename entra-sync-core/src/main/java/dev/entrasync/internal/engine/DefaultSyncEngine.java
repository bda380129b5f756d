package dev.entrasync.internal.engine;

import dev.entrasync.AppCredential;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.JobStore;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncResult;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantHealth;
import dev.entrasync.TenantId;
import dev.entrasync.internal.graph.GraphTransport;
import dev.entrasync.onboarding.TenantMapper;
import dev.entrasync.onboarding.TenantMapping;
import dev.entrasync.spi.SyncScheduler;
import dev.entrasync.spi.SyncTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link SyncEngine}: job bookkeeping (queue, dedupe, await, cancel) and listeners
 * around {@link JobRunner}; the tenants' controls and health are {@link TenantControls}' (stored in
 * the mappings and the job store); when jobs run is the {@link SyncScheduler}'s business (the
 * built-in {@link LocalScheduler}, or a cluster-aware one).
 */
public final class DefaultSyncEngine implements SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSyncEngine.class);

    private final EngineParts parts;
    private final TenantMapper mapper;
    private final JobStore jobs;
    private final GraphTransport transport;
    private final TenantControls controls;
    private final Listeners listeners;
    private final JobRunner runner;
    private final SyncScheduler scheduler;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Jobs queued or running in this process, by tenant: at most one per tenant. */
    private final Map<TenantId, SyncJob> active = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<SyncJob>> done = new ConcurrentHashMap<>();

    public DefaultSyncEngine(EngineParts parts) {
        this.parts = parts;
        this.mapper = parts.tenants();
        this.jobs = parts.jobs();
        this.transport = parts.transport(); // the runtime's: shared, and closed by the runtime, not here
        this.listeners = new Listeners(parts.listeners());
        this.controls = new TenantControls(mapper, jobs, parts.clock(), parts.interval());
        TenantSync datasets = new TenantSync(parts.sink(), parts.checkpoints(), parts.config(), parts.licenseCatalog(),
                parts.clock());
        this.runner = new JobRunner(parts.credentials(), jobs, transport, datasets, controls, listeners,
                parts.clock());
        this.scheduler = parts.scheduler() != null ? parts.scheduler()
                : new LocalScheduler(parts.clock(), parts.tick(), parts.executor(), parts.workers());
        scheduler.attach(new Tasks());
    }

    @Override
    public void start() {
        if (closing.get()) {
            throw new IllegalStateException("The engine is closed; build a new one");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("The engine was already started");
        }
        scheduler.start();
    }

    /**
     * One tick of the built-in scheduler, waiting for the jobs it started: for tests that move their
     * clock. Returns the scheduled jobs that ran (skipped tenants are not in it).
     */
    public List<SyncJob> runDue() throws InterruptedException {
        if (!(scheduler instanceof LocalScheduler local)) {
            throw new IllegalStateException("runDue() drives the built-in scheduler only");
        }
        List<SyncJob> ran = new ArrayList<>();
        for (java.util.concurrent.Future<Optional<SyncJob>> run : local.runDue()) {
            try {
                run.get().ifPresent(ran::add);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return ran;
    }

    /** When the built-in scheduler will next sync the tenant. */
    public Instant nextRun(TenantId tenant) {
        if (!(scheduler instanceof LocalScheduler local)) {
            return new Tasks().nextRun(tenant, null);
        }
        return local.nextDue(tenant);
    }

    private Duration intervalOf(TenantId tenant) {
        return controls.interval(tenant);
    }

    /** What the scheduler drives. */
    private final class Tasks implements SyncTasks {

        @Override
        public void tick() {
            if (parts.secrets() != null) {
                try {
                    parts.secrets().checkExpiries().forEach(w -> listeners.fire(l -> l.secretExpiring(w)));
                } catch (RuntimeException e) {
                    LOG.warn("The secret-expiry check failed: {}", e.toString());
                }
            }
        }

        @Override
        public List<TenantId> tenants() {
            return mapper.list().stream().map(TenantMapping::tenant).toList();
        }

        @Override
        public Duration interval(TenantId tenant) {
            return intervalOf(tenant);
        }

        @Override
        public Instant nextRun(TenantId tenant, Instant after) {
            Duration interval = intervalOf(tenant);
            if (after != null) {
                long slot = ScheduleSlots.slot(tenant.value(), interval, after);
                return ScheduleSlots.slotStart(tenant.value(), interval, slot + 1);
            }
            Instant now = parts.clock().instant();
            long current = ScheduleSlots.slot(tenant.value(), interval, now);
            Instant slotStart = ScheduleSlots.slotStart(tenant.value(), interval, current);
            boolean missed = jobs.latest(tenant).map(j -> j.queuedAt().isBefore(slotStart)).orElse(false);
            return missed ? now : ScheduleSlots.slotStart(tenant.value(), interval, current + 1);
        }

        @Override
        public Optional<SyncJob> runScheduled(TenantId tenant) {
            Optional<TenantMapping> mapping = controls.mapping(tenant);
            if (mapping.isEmpty() || mapping.get().paused() || mapping.get().excluded() || closing.get()) {
                return Optional.empty();
            }
            AppCredential credential = parts.credentials().find(mapping.get().credentialName()).orElse(null);
            if (controls.blocked(mapping.get(), credential)) {
                return Optional.empty();
            }
            retireDeadScheduledRuns(tenant);
            boolean[] created = {false};
            SyncJob job = queue(mapping.get(), SyncTrigger.SCHEDULED, created);
            return created[0] ? Optional.of(execute(job)) : Optional.empty();
        }

        @Override
        public Optional<SyncJob> runQueued(String jobId) {
            Optional<SyncJob> stored = jobs.find(jobId);
            if (stored.isEmpty() || stored.get().status().isFinished()) {
                return Optional.empty();
            }
            SyncJob job = stored.get();
            if (job.status() == JobStatus.RUNNING && !isLocal(job)) {
                // A cluster scheduler delivers a job again only when the instance running it died.
                job = recover(job);
            }
            return job.status() == JobStatus.QUEUED ? Optional.of(execute(job)) : Optional.empty();
        }

        @Override
        public void recoverInterrupted() {
            for (SyncJob stale : jobs.active()) {
                if (!isLocal(stale)) {
                    SyncJob again = recover(stale);
                    scheduler.submit(again);
                }
            }
        }
    }

    /**
     * A scheduled run of a tenant that is not running here but is RUNNING in the store was left by a
     * dead instance: a scheduler runs one scheduled run of a tenant at a time, cluster-wide, and only
     * revives it when its instance died.
     */
    private void retireDeadScheduledRuns(TenantId tenant) {
        jobs.latest(tenant).filter(j -> j.trigger() == SyncTrigger.SCHEDULED && j.status() == JobStatus.RUNNING)
                .filter(j -> !isLocal(j))
                .ifPresent(j -> jobs.save(j.finish(JobStatus.FAILED, parts.clock().instant(),
                        "interrupted: the instance running this job stopped; another instance ran the tenant again")));
    }

    private boolean isLocal(SyncJob job) {
        SyncJob mine = active.get(job.tenant());
        return mine != null && mine.id().equals(job.id());
    }

    /** Marks a job a crash left behind as failed ("interrupted") and queues a recovery job for its tenant. */
    private SyncJob recover(SyncJob stale) {
        jobs.save(stale.finish(JobStatus.FAILED, parts.clock().instant(),
                "interrupted: the engine stopped while this job was " + stale.status().name().toLowerCase()));
        SyncJob again = newJob(stale.tenant(), stale.companyId(), stale.credentialName(), stale.datasets(),
                SyncTrigger.RECOVERY);
        active.put(again.tenant(), again);
        return again;
    }

    private SyncJob newJob(TenantId tenant, String companyId, String credentialName, Collection<Dataset> datasets,
                           SyncTrigger trigger) {
        SyncJob job = new SyncJob(UUID.randomUUID().toString(), tenant, companyId, credentialName, trigger,
                JobStatus.QUEUED, parts.clock().instant(), null, null, List.copyOf(EnumSet.copyOf(datasets)),
                List.of(), null);
        jobs.save(job);
        done.put(job.id(), new CompletableFuture<>());
        listeners.fire(l -> l.jobQueued(job));
        return job;
    }

    /**
     * The tenant's queued or running job known to this engine, or a new queued one (then
     * {@code created[0]} is set). A job this engine queued but another instance ran is known here
     * until it finishes in the shared job store.
     */
    private SyncJob queue(TenantMapping mapping, SyncTrigger trigger, boolean[] created) {
        return queue(mapping.tenant(), mapping.companyId(), mapping.credentialName(), mapping.datasets(), trigger,
                created);
    }

    private SyncJob queue(TenantId tenant, String companyId, String credentialName, Collection<Dataset> datasets,
                          SyncTrigger trigger, boolean[] created) {
        if (closing.get()) {
            throw new IllegalStateException("The engine is closing; no new jobs");
        }
        return active.compute(tenant, (t, existing) -> {
            if (existing != null && !jobs.find(existing.id()).map(j -> j.status().isFinished()).orElse(true)) {
                return existing;
            }
            created[0] = true;
            return newJob(t, companyId, credentialName, datasets, trigger);
        });
    }

    private SyncJob execute(SyncJob queued) {
        active.putIfAbsent(queued.tenant(), queued);
        SyncJob finished = queued;
        try {
            finished = closing.get() ? cancel(queued, "The engine was closed before this job started.")
                    : runner.run(queued, () -> closing.get() || Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            LOG.error("Job {} for tenant {} failed unexpectedly", queued.id(), queued.tenant(), e);
            finished = queued.finish(JobStatus.FAILED, parts.clock().instant(), "Unexpected error: " + e);
            jobs.save(finished);
        } finally {
            active.remove(queued.tenant(), queued);
            CompletableFuture<SyncJob> future = done.remove(queued.id());
            if (future != null) {
                future.complete(finished);
            }
        }
        return finished;
    }

    private SyncJob cancel(SyncJob job, String reason) {
        SyncJob cancelled = job.finish(JobStatus.CANCELLED, parts.clock().instant(), reason);
        jobs.save(cancelled);
        listeners.fire(l -> l.jobFinished(cancelled));
        return cancelled;
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
        SyncJob job = queue(mapping, SyncTrigger.MANUAL, created);
        if (created[0]) {
            scheduler.submit(job);
        }
        return job;
    }

    @Override
    public SyncJob syncNowForCompany(String companyId) {
        TenantMapping mapping = mapper.findByCompany(companyId).orElseThrow(() -> new IllegalArgumentException(
                "company " + companyId + " is not mapped to a tenant"));
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
    public SyncJob await(String jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            CompletableFuture<SyncJob> future = done.get(jobId);
            if (future != null) {
                try {
                    long wait = Math.max(1, Math.min(TimeUnit.MILLISECONDS.toNanos(200), deadline - System.nanoTime()));
                    return future.get(wait, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // run here but not finished yet, or run by another instance: look at the shared store
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            // A job that finished here already left `done`; so did one run by another instance: the store tells.
            SyncJob job = jobs.find(jobId).orElseThrow(() -> new IllegalArgumentException("no job with id " + jobId));
            if (job.status().isFinished()) {
                done.remove(jobId);
                SyncJob mine = active.get(job.tenant());
                if (mine != null && mine.id().equals(jobId)) {
                    active.remove(job.tenant(), mine);
                }
                return job;
            }
            if (System.nanoTime() >= deadline) {
                return job;
            }
            if (future == null) {
                Thread.sleep(Math.max(0, Math.min(100, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
            }
        }
    }

    @Override
    public SyncResult sync(String credentialName, TenantId tenant, Set<Dataset> datasets) {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("datasets: must not be empty");
        }
        AppCredential credential = parts.credentials().find(credentialName).orElseThrow(() ->
                new IllegalArgumentException("credentialName: no credential named '" + credentialName
                        + "' in the credential store"));
        // Fail fast, before a job or a sink session exists, when no token can be had; learn the tenant's GUID.
        String guid = transport.tokens().token(credential, tenant.value()).tenantId();
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
            SyncJob job = queue(key, companyId, credentialName, wanted, SyncTrigger.MANUAL, created);
            if (created[0]) {
                SyncJob finished = execute(job);
                return new SyncResult(key, finished.id(), finished.results());
            }
            SyncJob joined = awaitFinished(job);
            List<DatasetResult> results = joined.results().stream().filter(r -> wanted.contains(r.dataset())).toList();
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
            while (true) {
                SyncJob current = await(job.id(), Duration.ofMinutes(1));
                if (current.status().isFinished()) {
                    return current;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for job " + job.id() + " of tenant "
                    + job.tenant() + ", which was already running; that job goes on");
        }
    }

    @Override
    public JobStore jobs() {
        return jobs;
    }

    @Override
    public TenantHealth health(TenantId tenant) {
        return controls.health(tenant);
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
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        scheduler.close();
        for (SyncJob left : List.copyOf(active.values())) {
            SyncJob current = jobs.find(left.id()).orElse(left);
            if (!current.status().isFinished()) {
                SyncJob cancelled = cancel(current, "The engine was closed before this job finished.");
                CompletableFuture<SyncJob> future = done.remove(left.id());
                if (future != null) {
                    future.complete(cancelled);
                }
            }
        }
    }
}
