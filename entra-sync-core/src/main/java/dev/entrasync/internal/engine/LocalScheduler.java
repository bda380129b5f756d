package dev.entrasync.internal.engine;

import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.spi.SyncScheduler;
import dev.entrasync.spi.SyncTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in {@link SyncScheduler}: one process. A ticker looks for due tenants every
 * {@code tick}; jobs run on a worker executor, one job per tenant at a time, so a huge tenant holds
 * one worker while small tenants flow through the others.
 */
public final class LocalScheduler implements SyncScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(LocalScheduler.class);

    private final Clock clock;
    private final Duration tick;
    private final ExecutorService workers;
    private final boolean ownsWorkers;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(daemon("entra-sync-schedule"));
    private final Map<TenantId, Instant> nextDue = new ConcurrentHashMap<>();
    private final Map<Object, Future<?>> running = new ConcurrentHashMap<>();
    private volatile SyncTasks tasks;

    /**
     * @param executor the host's executor, or null for {@code workers} daemon threads owned here
     */
    public LocalScheduler(Clock clock, Duration tick, ExecutorService executor, int workers) {
        this.clock = clock;
        this.tick = tick;
        this.ownsWorkers = executor == null;
        this.workers = ownsWorkers ? Executors.newFixedThreadPool(workers, daemon("entra-sync-worker")) : executor;
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void attach(SyncTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void start() {
        tasks.recoverInterrupted();
        ticker.scheduleWithFixedDelay(
                () -> {
                    try {
                        startDue();
                    } catch (RuntimeException e) {
                        LOG.error("The schedule's tick failed; it runs again at the next tick", e);
                    }
                },
                0,
                tick.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * One tick now, on the calling thread, waiting for the scheduled jobs it started: for tests (and
     * hosts) that drive the schedule with their own clock. Pass this scheduler to
     * {@link dev.entrasync.runtime.EntraSync.EngineBuilder#scheduler} and call this after moving the clock.
     * Thread-safe; the ticker of a started engine may run the same tenants' slots concurrently (each
     * slot still runs once).
     *
     * @return the scheduled jobs that ran, finished (skipped tenants are not in it)
     * @throws IllegalStateException if no engine was built on this scheduler, or a run failed unexpectedly
     * @throws InterruptedException if interrupted while waiting for the runs
     */
    public List<SyncJob> runDue() throws InterruptedException {
        if (tasks == null) {
            throw new IllegalStateException("No engine uses this scheduler; pass it to EngineBuilder.scheduler(...)"
                    + " and build the engine first");
        }
        List<SyncJob> ran = new ArrayList<>();
        for (Future<Optional<SyncJob>> run : startDue()) {
            try {
                run.get().ifPresent(ran::add);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return ran;
    }

    /** Queues every tenant whose slot has come, on the workers. The ticker calls it. */
    private List<Future<Optional<SyncJob>>> startDue() {
        SyncTasks current = tasks;
        List<Future<Optional<SyncJob>>> due = new ArrayList<>();
        if (current == null) {
            return due;
        }
        current.tick();
        Instant now = clock.instant();
        for (TenantId tenant : current.tenants()) {
            Instant at = nextDue.computeIfAbsent(tenant, t -> current.nextRun(t, null));
            if (!now.isBefore(at)) {
                nextDue.put(tenant, current.nextRun(tenant, at.isAfter(now) ? at : now));
                due.add(run(tenant, () -> current.runScheduled(tenant)));
            }
        }
        return due;
    }

    /** When the tenant is next due in this scheduler. */
    Instant nextDue(TenantId tenant) {
        SyncTasks current = tasks;
        return nextDue.computeIfAbsent(tenant, t -> current.nextRun(t, null));
    }

    /** Forgets the tenant's next due time (after its interval changed). */
    @Override
    public void reschedule(TenantId tenant) {
        nextDue.remove(tenant);
    }

    @Override
    public void submit(SyncJob job) {
        run(job.id(), () -> tasks.runQueued(job.id()));
    }

    private Future<Optional<SyncJob>> run(Object key, java.util.function.Supplier<Optional<SyncJob>> work) {
        Future<Optional<SyncJob>> future = workers.submit(() -> {
            try {
                return work.get();
            } finally {
                running.remove(key);
            }
        });
        running.put(key, future);
        return future;
    }

    @Override
    public void close() {
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
    }
}
