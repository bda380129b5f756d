package dev.entrasync.internal.engine;

import dev.entrasync.Dataset;
import dev.entrasync.JobStatus;
import dev.entrasync.JobStore;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's job book: hands out jobs (at most one queued or running per tenant in this engine, so a
 * second request for a tenant joins the first), runs them through a given piece of work, and lets
 * callers wait for them. Every job this engine queues has a {@link CompletableFuture} that completes
 * the moment the job finishes here, so waiting for a job of this engine never reads the store. A job
 * run by another instance of a cluster (or queued here and handed to a cluster scheduler, which may run
 * it elsewhere) is also watched in the shared {@link JobStore}, at a bounded interval
 * ({@link #FIRST_LOOK} doubling up to {@link #LAST_LOOK}), only while someone waits for it.
 * Thread-safe.
 */
final class JobBook {

    private static final Logger LOG = LoggerFactory.getLogger(JobBook.class);

    /** The first look at the store for a job that may finish elsewhere; later looks wait twice as long. */
    static final Duration FIRST_LOOK = Duration.ofMillis(50);
    /** The longest wait between two looks at the store. */
    static final Duration LAST_LOOK = Duration.ofSeconds(1);

    private final JobStore jobs;
    private final Clock clock;
    private final Listeners listeners;
    private final boolean mayRunElsewhere;
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Jobs queued or running in this engine, by tenant: at most one per tenant. */
    private final Map<TenantId, SyncJob> active = new ConcurrentHashMap<>();
    /** The completion of every job this engine queued and that has not finished here yet. */
    private final Map<String, CompletableFuture<SyncJob>> completions = new ConcurrentHashMap<>();

    /**
     * @param mayRunElsewhere true when the scheduler may hand this engine's jobs to another instance
     *     (anything but the built-in scheduler): waiting then also watches the store
     */
    JobBook(JobStore jobs, Clock clock, Listeners listeners, boolean mayRunElsewhere) {
        this.jobs = jobs;
        this.clock = clock;
        this.listeners = listeners;
        this.mayRunElsewhere = mayRunElsewhere;
    }

    boolean closing() {
        return closing.get();
    }

    /**
     * The tenant's queued or running job known to this engine, or a new queued one (then
     * {@code created[0]} is set). A job this engine queued but another instance ran is known here
     * until it finishes in the shared job store.
     *
     * @throws IllegalStateException if the engine is closing
     */
    SyncJob queue(
            TenantId tenant,
            String companyId,
            String credentialName,
            Collection<Dataset> datasets,
            SyncTrigger trigger,
            boolean[] created) {
        if (closing.get()) {
            throw new IllegalStateException("The engine is closing; no new jobs");
        }
        return active.compute(tenant, (t, existing) -> {
            if (existing != null
                    && !jobs.find(existing.id())
                            .map(j -> j.status().isFinished())
                            .orElse(true)) {
                return existing;
            }
            if (existing != null) {
                complete(existing.id(), jobs.find(existing.id()).orElse(null));
            }
            created[0] = true;
            return newJob(t, companyId, credentialName, datasets, trigger);
        });
    }

    /** A new queued job that replaces one a crash left behind; it is this engine's from now on. */
    SyncJob recovery(SyncJob stale) {
        SyncJob again = newJob(
                stale.tenant(), stale.companyId(), stale.credentialName(), stale.datasets(), SyncTrigger.RECOVERY);
        active.put(again.tenant(), again);
        return again;
    }

    private SyncJob newJob(
            TenantId tenant,
            String companyId,
            String credentialName,
            Collection<Dataset> datasets,
            SyncTrigger trigger) {
        SyncJob job = new SyncJob(
                UUID.randomUUID().toString(),
                tenant,
                companyId,
                credentialName,
                trigger,
                JobStatus.QUEUED,
                clock.instant(),
                null,
                null,
                List.copyOf(EnumSet.copyOf(datasets)),
                List.of(),
                null);
        jobs.save(job);
        completions.put(job.id(), new CompletableFuture<>());
        listeners.fire(l -> l.jobQueued(job));
        return job;
    }

    /** Whether the job is the one this engine has queued or running for its tenant. */
    boolean isLocal(SyncJob job) {
        SyncJob mine = active.get(job.tenant());
        return mine != null && mine.id().equals(job.id());
    }

    /**
     * Runs a queued job on the calling thread through {@code work} (which stores every step), then
     * completes its waiters. An unexpected exception of {@code work} ends the job FAILED; a job that
     * starts after {@link #closing()} ends CANCELLED without running.
     *
     * @return the finished job
     */
    SyncJob execute(SyncJob queued, UnaryOperator<SyncJob> work) {
        active.putIfAbsent(queued.tenant(), queued);
        SyncJob finished = queued;
        try {
            finished = closing.get()
                    ? cancel(queued, "The engine was closed before this job started.")
                    : work.apply(queued);
        } catch (RuntimeException e) {
            LOG.error("Job {} for tenant {} failed unexpectedly", queued.id(), queued.tenant(), e);
            finished = queued.finish(JobStatus.FAILED, clock.instant(), "Unexpected error: " + e);
            jobs.save(finished);
        } finally {
            active.remove(queued.tenant(), queued);
            complete(queued.id(), finished);
        }
        return finished;
    }

    private SyncJob cancel(SyncJob job, String reason) {
        SyncJob cancelled = job.finish(JobStatus.CANCELLED, clock.instant(), reason);
        jobs.save(cancelled);
        listeners.fire(l -> l.jobFinished(cancelled));
        return cancelled;
    }

    private void complete(String jobId, SyncJob finished) {
        CompletableFuture<SyncJob> future = completions.remove(jobId);
        if (future != null && finished != null) {
            future.complete(finished);
        }
    }

    /** A job found finished in the store: forgets it here, and wakes its local waiters. */
    private void finishedElsewhere(SyncJob finished) {
        active.computeIfPresent(finished.tenant(), (t, mine) -> mine.id().equals(finished.id()) ? null : mine);
        complete(finished.id(), finished);
    }

    /**
     * The job's completion: see {@link dev.entrasync.SyncEngine#completion(String)}. A job of this engine
     * that the built-in scheduler runs is never looked up in the store; others are, while the returned
     * future is not done.
     *
     * @throws IllegalArgumentException if neither this engine nor the store knows the job
     */
    CompletableFuture<SyncJob> completion(String jobId) {
        if (jobId == null) {
            throw new IllegalArgumentException("jobId: must not be null; pass the id of a job from syncNow or jobs()");
        }
        CompletableFuture<SyncJob> mine = completions.get(jobId);
        if (mine != null && !mayRunElsewhere) {
            return mine.copy(); // cancelling the copy stops this wait only, never the job
        }
        Optional<SyncJob> stored = jobs.find(jobId);
        if (stored.isEmpty()) {
            CompletableFuture<SyncJob> late = completions.get(jobId);
            if (late != null) {
                return late.copy();
            }
            throw new IllegalArgumentException(
                    "no job with id " + jobId + " in the job store; pass the id of a job from syncNow, sync or jobs()");
        }
        if (stored.get().status().isFinished()) {
            finishedElsewhere(stored.get());
            return CompletableFuture.completedFuture(stored.get());
        }
        CompletableFuture<SyncJob> waiting = mine != null ? mine.copy() : new CompletableFuture<>();
        watchStore(jobId, waiting, FIRST_LOOK);
        return waiting;
    }

    /** Looks at the store after {@code delay}, and again later, until the job finished or the wait is done. */
    private void watchStore(String jobId, CompletableFuture<SyncJob> waiting, Duration delay) {
        if (waiting.isDone()) {
            return;
        }
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> {
                    if (waiting.isDone()) {
                        return;
                    }
                    if (closing.get() && !completions.containsKey(jobId)) {
                        waiting.completeExceptionally(
                                new CancellationException("The engine was closed while waiting for job " + jobId
                                        + ", which runs on another instance; wait for it on an engine that is open"));
                        return;
                    }
                    try {
                        Optional<SyncJob> job = jobs.find(jobId);
                        if (job.isEmpty()) {
                            waiting.completeExceptionally(new IllegalStateException(
                                    "job " + jobId + " was removed from the job store while waiting for it"));
                            return;
                        }
                        if (job.get().status().isFinished()) {
                            finishedElsewhere(job.get());
                            waiting.complete(job.get());
                            return;
                        }
                    } catch (RuntimeException e) {
                        waiting.completeExceptionally(e);
                        return;
                    }
                    Duration next = delay.multipliedBy(2);
                    watchStore(jobId, waiting, next.compareTo(LAST_LOOK) > 0 ? LAST_LOOK : next);
                });
    }

    /**
     * Waits for the job's completion, at most {@code timeout}: see {@link dev.entrasync.SyncEngine#await}.
     *
     * @return the finished job, or its latest stored state when the timeout passed
     */
    SyncJob await(String jobId, Duration timeout) throws InterruptedException {
        if (timeout == null) {
            throw new IllegalArgumentException(
                    "timeout: must not be null; pass how long to wait, e.g. Duration.ofMinutes(5)");
        }
        CompletableFuture<SyncJob> completion = completion(jobId);
        try {
            return completion.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            completion.cancel(false);
            return jobs.find(jobId)
                    .orElseThrow(() -> new IllegalStateException(
                            "job " + jobId + " was removed from the job store while waiting for it"));
        } catch (InterruptedException e) {
            completion.cancel(false);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ArithmeticException e) { // a timeout beyond ~292 years: wait as long as it takes
            return awaitWithoutTimeout(completion);
        }
    }

    private static SyncJob awaitWithoutTimeout(CompletableFuture<SyncJob> completion) throws InterruptedException {
        try {
            return completion.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** From now on no new jobs; jobs that have not started yet end CANCELLED when their turn comes. */
    boolean startClosing() {
        return closing.compareAndSet(false, true);
    }

    /**
     * Cancels this engine's jobs that have not finished (after the scheduler stopped its workers) and
     * completes their waiters with the cancelled jobs.
     */
    void cancelUnfinished() {
        for (SyncJob left : List.copyOf(active.values())) {
            SyncJob current = jobs.find(left.id()).orElse(left);
            if (!current.status().isFinished()) {
                complete(left.id(), cancel(current, "The engine was closed before this job finished."));
            }
        }
    }
}
