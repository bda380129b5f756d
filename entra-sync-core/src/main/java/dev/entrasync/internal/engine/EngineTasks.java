package dev.entrasync.internal.engine;

import dev.entrasync.AppCredential;
import dev.entrasync.CredentialStore;
import dev.entrasync.JobStatus;
import dev.entrasync.JobStore;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapper;
import dev.entrasync.TenantMapping;
import dev.entrasync.spi.SecretExpiryCheck;
import dev.entrasync.spi.SyncScheduler;
import dev.entrasync.spi.SyncTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine offers its {@link SyncScheduler}: the tenants and their slots (from
 * {@link TenantControls}), the scheduled and queued runs (through the {@link JobBook}), and crash
 * recovery ({@link CrashRecovery}). Thread-safe.
 */
final class EngineTasks implements SyncTasks {

    private static final Logger LOG = LoggerFactory.getLogger(EngineTasks.class);

    private final TenantMapper mapper;
    private final JobStore jobs;
    private final CredentialStore credentials;
    private final TenantControls controls;
    private final JobBook book;
    private final CrashRecovery recovery;
    private final UnaryOperator<SyncJob> work;
    private final SecretExpiryCheck secrets;
    private final Listeners listeners;
    private final Clock clock;
    private volatile SyncScheduler scheduler;

    /**
     * @param work runs a queued job to its end on the calling thread
     * @param secrets checked on every tick, or null
     */
    EngineTasks(
            TenantMapper mapper,
            JobStore jobs,
            CredentialStore credentials,
            TenantControls controls,
            JobBook book,
            CrashRecovery recovery,
            UnaryOperator<SyncJob> work,
            SecretExpiryCheck secrets,
            Listeners listeners,
            Clock clock) {
        this.mapper = mapper;
        this.jobs = jobs;
        this.credentials = credentials;
        this.controls = controls;
        this.book = book;
        this.recovery = recovery;
        this.work = work;
        this.secrets = secrets;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** Attaches these tasks to the scheduler, which recovery jobs are submitted to. */
    void attachTo(SyncScheduler scheduler) {
        this.scheduler = scheduler;
        scheduler.attach(this);
    }

    @Override
    public void tick() {
        if (secrets != null) {
            try {
                secrets.checkExpiries().forEach(w -> listeners.fire(l -> l.secretExpiring(w)));
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
        return controls.interval(tenant);
    }

    @Override
    public Instant nextRun(TenantId tenant, Instant after) {
        Duration interval = controls.interval(tenant);
        if (after != null) {
            long slot = ScheduleSlots.slot(tenant.value(), interval, after);
            return ScheduleSlots.slotStart(tenant.value(), interval, slot + 1);
        }
        Instant now = clock.instant();
        long current = ScheduleSlots.slot(tenant.value(), interval, now);
        Instant slotStart = ScheduleSlots.slotStart(tenant.value(), interval, current);
        boolean missed =
                jobs.latest(tenant).map(j -> j.queuedAt().isBefore(slotStart)).orElse(false);
        return missed ? now : ScheduleSlots.slotStart(tenant.value(), interval, current + 1);
    }

    /** Whether a scheduled run of the tenant would run now, or be skipped (unmapped, paused, excluded, blocked). */
    Optional<TenantMapping> runnable(TenantId tenant) {
        Optional<TenantMapping> mapping = controls.mapping(tenant);
        if (mapping.isEmpty() || mapping.get().paused() || mapping.get().excluded()) {
            return Optional.empty();
        }
        AppCredential credential =
                credentials.find(mapping.get().credentialName()).orElse(null);
        return controls.blocked(mapping.get(), credential) ? Optional.empty() : mapping;
    }

    @Override
    public Optional<SyncJob> runScheduled(TenantId tenant) {
        if (book.closing()) {
            return Optional.empty();
        }
        Optional<TenantMapping> mapping = runnable(tenant);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        recovery.retireDeadScheduledRun(tenant);
        boolean[] created = {false};
        TenantMapping m = mapping.get();
        SyncJob job;
        try {
            job = book.queue(
                    m.tenant(), m.companyId(), m.credentialName(), m.datasets(), SyncTrigger.SCHEDULED, created);
        } catch (IllegalStateException e) {
            if (!book.closing()) {
                throw e;
            }
            // The engine began closing after the check above: skipped, as it would have been a moment later.
            return Optional.empty();
        }
        return created[0] ? Optional.of(book.execute(job, work)) : Optional.empty();
    }

    @Override
    public boolean closing() {
        return book.closing();
    }

    @Override
    public Optional<SyncJob> runQueued(String jobId) {
        Optional<SyncJob> stored = jobs.find(jobId);
        if (stored.isEmpty() || stored.get().status().isFinished()) {
            return Optional.empty();
        }
        SyncJob job = stored.get();
        if (job.status() == JobStatus.RUNNING && !book.isLocal(job)) {
            // A cluster scheduler delivers a job again only when the instance running it died.
            job = recovery.recover(job);
        }
        return job.status() == JobStatus.QUEUED ? Optional.of(book.execute(job, work)) : Optional.empty();
    }

    @Override
    public void recoverInterrupted() {
        recovery.recoverAll(again -> scheduler.submit(again));
    }
}
