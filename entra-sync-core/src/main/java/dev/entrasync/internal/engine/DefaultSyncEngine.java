package dev.entrasync.internal.engine;

import dev.entrasync.AppCredential;
import dev.entrasync.Dataset;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link SyncEngine}: a ticker that queues due tenants, a worker executor that
 * runs one job per tenant at a time (so a huge tenant holds one worker while small tenants flow
 * through the others), and the job, health and listener bookkeeping around {@link JobRunner}.
 */
public final class DefaultSyncEngine implements SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSyncEngine.class);

    private final EngineParts parts;
    private final TenantMapper mapper;
    private final JobStore jobs;
    private final GraphTransport transport;
    private final HealthTracker health = new HealthTracker();
    private final Listeners listeners;
    private final JobRunner runner;
    private final ExecutorService workers;
    private final boolean ownsWorkers;
    private final ScheduledExecutorService ticker;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Map<TenantId, SyncJob> active = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<SyncJob>> done = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
    private final Map<TenantId, Long> lastSlot = new ConcurrentHashMap<>();
    private final Map<TenantId, Duration> intervals = new ConcurrentHashMap<>();
    private final Set<TenantId> excluded = ConcurrentHashMap.newKeySet();

    public DefaultSyncEngine(EngineParts parts) {
        this.parts = parts;
        this.mapper = parts.tenants();
        this.jobs = parts.jobs();
        this.transport = new GraphTransport(parts.http(), parts.limits(), parts.clock(), parts.sleeper());
        this.listeners = new Listeners(parts.listeners());
        DatasetRunner datasets = new SinkDatasetRunner(parts.sink(), parts.checkpoints(), parts.config(), parts.clock());
        this.runner = new JobRunner(parts.credentials(), jobs, transport, datasets, health, listeners, parts.clock());
        this.ownsWorkers = parts.executor() == null;
        this.workers = ownsWorkers ? Executors.newFixedThreadPool(parts.workers(), daemon("entra-sync-worker")) : parts.executor();
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("entra-sync-schedule"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void start() {
        if (closing.get()) {
            throw new IllegalStateException("The engine is closed; build a new one");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("The engine was already started");
        }
        recoverInterrupted();
        Instant now = parts.clock().instant();
        for (TenantMapping mapping : mapper.list()) {
            lastSlot.put(mapping.tenant(), initialSlot(mapping.tenant(), now));
        }
        long tickMillis = parts.tick().toMillis();
        ticker.scheduleWithFixedDelay(this::tickSafely, 0, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** Jobs a crash left queued or running: failed as interrupted, and their tenants synced again. */
    private void recoverInterrupted() {
        for (SyncJob stale : jobs.active()) {
            if (active.containsKey(stale.tenant())) {
                continue;
            }
            jobs.save(stale.finish(JobStatus.FAILED, parts.clock().instant(),
                    "interrupted: the engine stopped while this job was " + stale.status().name().toLowerCase()));
            if (!excluded.contains(stale.tenant())) {
                enqueue(stale.tenant(), stale.companyId(), stale.credentialName(), stale.datasets(), SyncTrigger.RECOVERY);
            }
        }
    }

    /**
     * The slot counted as served when the engine first sees a tenant: the current one, so the tenant
     * runs at its next slot — unless its last job is older than the current slot's start (it missed
     * its slot while the engine was down), then it is due now. A never-synced tenant waits for its
     * slot; hosts call {@link #syncNow} right after mapping (the examples do on import).
     */
    private long initialSlot(TenantId tenant, Instant now) {
        Duration interval = intervalOf(tenant);
        long current = ScheduleSlots.slot(tenant.value(), interval, now);
        Instant slotStart = ScheduleSlots.slotStart(tenant.value(), interval, current);
        boolean missed = jobs.latest(tenant).map(j -> j.queuedAt().isBefore(slotStart)).orElse(false);
        return missed ? current - 1 : current;
    }

    private void tickSafely() {
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.error("The schedule's tick failed; it runs again at the next tick", e);
        }
    }

    /**
     * Queues every mapped tenant whose slot has come and checks secret expiry. Called by the ticker;
     * tests call it directly after moving their clock.
     *
     * @return the jobs queued by this call
     */
    public List<SyncJob> runDue() {
        if (parts.secrets() != null) {
            parts.secrets().checkExpiries().forEach(w -> listeners.fire(l -> l.secretExpiring(w)));
        }
        Instant now = parts.clock().instant();
        List<SyncJob> queued = new ArrayList<>();
        for (TenantMapping mapping : mapper.list()) {
            TenantId tenant = mapping.tenant();
            long slot = ScheduleSlots.slot(tenant.value(), intervalOf(tenant), now);
            long last = lastSlot.computeIfAbsent(tenant, t -> initialSlot(t, now));
            if (slot <= last || mapping.paused() || excluded.contains(tenant)) {
                continue;
            }
            AppCredential credential = parts.credentials().find(mapping.credentialName()).orElse(null);
            if (health.blocked(tenant, credential)) {
                lastSlot.put(tenant, slot);
                continue;
            }
            lastSlot.put(tenant, slot);
            queued.add(enqueue(tenant, mapping.companyId(), mapping.credentialName(), mapping.datasets(),
                    SyncTrigger.SCHEDULED));
        }
        return queued;
    }

    /** When the tenant's next scheduled run is due. */
    public Instant nextRun(TenantId tenant) {
        Duration interval = intervalOf(tenant);
        long last = lastSlot.computeIfAbsent(tenant, t -> initialSlot(t, parts.clock().instant()));
        return ScheduleSlots.slotStart(tenant.value(), interval, last + 1);
    }

    private Duration intervalOf(TenantId tenant) {
        return intervals.getOrDefault(tenant, parts.interval());
    }

    private SyncJob enqueue(TenantId tenant, String companyId, String credentialName, List<Dataset> datasets,
                            SyncTrigger trigger) {
        return enqueue(tenant, companyId, credentialName, EnumSet.copyOf(datasets), trigger);
    }

    private SyncJob enqueue(TenantId tenant, String companyId, String credentialName, Set<Dataset> datasets,
                            SyncTrigger trigger) {
        if (closing.get()) {
            throw new IllegalStateException("The engine is closing; no new jobs");
        }
        SyncJob[] created = new SyncJob[1];
        SyncJob job = active.computeIfAbsent(tenant, t -> {
            SyncJob fresh = new SyncJob(UUID.randomUUID().toString(), t, companyId, credentialName, trigger,
                    JobStatus.QUEUED, parts.clock().instant(), null, null, List.copyOf(datasets), List.of(), null);
            jobs.save(fresh);
            done.put(fresh.id(), new CompletableFuture<>());
            created[0] = fresh;
            return fresh;
        });
        if (created[0] != null) {
            listeners.fire(l -> l.jobQueued(job));
            running.put(job.id(), workers.submit(() -> execute(job)));
        }
        return job;
    }

    private void execute(SyncJob queued) {
        SyncJob finished = queued;
        try {
            finished = closing.get()
                    ? finishCancelled(queued)
                    : runner.run(queued, () -> closing.get() || Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            LOG.error("Job {} for tenant {} failed unexpectedly", queued.id(), queued.tenant(), e);
            finished = queued.finish(JobStatus.FAILED, parts.clock().instant(), "Unexpected error: " + e);
            jobs.save(finished);
        } finally {
            active.remove(queued.tenant(), queued);
            running.remove(queued.id());
            CompletableFuture<SyncJob> future = done.remove(queued.id());
            if (future != null) {
                future.complete(finished);
            }
        }
    }

    private SyncJob finishCancelled(SyncJob job) {
        SyncJob cancelled = job.finish(JobStatus.CANCELLED, parts.clock().instant(),
                "The engine was closed before this job started.");
        jobs.save(cancelled);
        listeners.fire(l -> l.jobFinished(cancelled));
        return cancelled;
    }

    private TenantMapping mapped(TenantId tenant) {
        return mapper.findByTenant(tenant).orElseThrow(() -> new IllegalArgumentException("tenant " + tenant
                + " is not mapped to a company; map it with TenantMapper.map(...) first"));
    }

    @Override
    public SyncJob syncNow(TenantId tenant) {
        TenantMapping mapping = mapped(tenant);
        if (excluded.contains(tenant)) {
            throw new IllegalArgumentException("tenant " + tenant + " is excluded from syncing; include it first");
        }
        return enqueue(tenant, mapping.companyId(), mapping.credentialName(), mapping.datasets(), SyncTrigger.MANUAL);
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
            if (!excluded.contains(mapping.tenant())) {
                queued.add(syncNow(mapping.tenant()));
            }
        }
        return queued;
    }

    @Override
    public SyncJob await(String jobId, Duration timeout) throws InterruptedException {
        CompletableFuture<SyncJob> future = done.get(jobId);
        if (future != null) {
            try {
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // fall through to the latest stored state
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return jobs.find(jobId).orElseThrow(() -> new IllegalArgumentException("no job with id " + jobId));
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
        String companyId = mapper.findByTenant(key).map(TenantMapping::companyId).orElse(null);
        SyncJob job = new SyncJob(UUID.randomUUID().toString(), key, companyId, credentialName, SyncTrigger.MANUAL,
                JobStatus.QUEUED, parts.clock().instant(), null, null, List.copyOf(EnumSet.copyOf(datasets)),
                List.of(), null);
        jobs.save(job);
        SyncJob finished = runner.run(job, () -> closing.get() || Thread.currentThread().isInterrupted());
        return new SyncResult(key, finished.id(), finished.results());
    }

    @Override
    public dev.entrasync.JobStore jobs() {
        return jobs;
    }

    @Override
    public TenantHealth health(TenantId tenant) {
        return health.health(tenant);
    }

    @Override
    public void pause(TenantId tenant) {
        TenantMapping mapping = mapped(tenant);
        mapper.update(mapping.withPaused(true));
    }

    @Override
    public void resume(TenantId tenant) {
        mapper.findByTenant(tenant).filter(TenantMapping::paused).ifPresent(m -> mapper.update(m.withPaused(false)));
        health.resume(tenant);
    }

    @Override
    public void exclude(TenantId tenant) {
        excluded.add(tenant);
    }

    @Override
    public void include(TenantId tenant) {
        excluded.remove(tenant);
    }

    @Override
    public void interval(TenantId tenant, Duration interval) {
        if (interval == null) {
            intervals.remove(tenant);
        } else if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("interval must be at least 1 minute, was " + interval);
        } else {
            intervals.put(tenant, interval);
        }
        lastSlot.put(tenant, ScheduleSlots.slot(tenant.value(), intervalOf(tenant), parts.clock().instant()));
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        ticker.shutdownNow();
        running.values().forEach(f -> f.cancel(true));
        if (ownsWorkers) {
            workers.shutdownNow();
            try {
                if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
                    LOG.warn("Sync workers did not stop within 60 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (SyncJob left : List.copyOf(active.values())) {
            if (jobs.find(left.id()).map(j -> !j.status().isFinished()).orElse(false)) {
                SyncJob cancelled = finishCancelled(jobs.find(left.id()).orElse(left));
                CompletableFuture<SyncJob> future = done.remove(left.id());
                if (future != null) {
                    future.complete(cancelled);
                }
            }
        }
        transport.close();
    }
}
