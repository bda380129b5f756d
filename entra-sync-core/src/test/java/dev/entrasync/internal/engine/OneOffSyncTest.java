package dev.entrasync.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetSink;
import dev.entrasync.JobStatus;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.SinkContext;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SyncEngine#sync}, the one-off run, against the jobs the engine already runs: one job per tenant at a
 * time, so never two sink sessions of one tenant's dataset at once.
 */
class OneOffSyncTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();
    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() {
        caller.shutdownNow();
        sim.close();
    }

    /**
     * Counts the sessions opened per tenant and dataset and how many were open at once, and holds the first
     * session's first upsert until released, to catch a job mid-run.
     */
    private static final class RecordingSink implements DatasetSink {
        final DatasetSink delegate;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final Map<String, AtomicInteger> opened = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
        final Map<String, Integer> mostOpenAtOnce = new ConcurrentHashMap<>();

        RecordingSink(DatasetSink delegate) {
            this.delegate = delegate;
        }

        int opened(TenantId tenant, Dataset dataset) {
            return opened.getOrDefault(key(tenant, dataset), new AtomicInteger()).get();
        }

        int mostOpenAtOnce(TenantId tenant, Dataset dataset) {
            return mostOpenAtOnce.getOrDefault(key(tenant, dataset), 0);
        }

        int opened(TenantId tenant) {
            return opened.entrySet().stream().filter(e -> e.getKey().startsWith(tenant.value() + "/"))
                    .mapToInt(e -> e.getValue().get()).sum();
        }

        private static String key(TenantId tenant, Dataset dataset) {
            return tenant.value() + "/" + dataset.key();
        }

        @Override
        public Session open(SinkContext context) {
            String key = key(context.tenant(), context.dataset());
            opened.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            int now = open.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            mostOpenAtOnce.merge(key, now, Math::max);
            return new ForwardingSession(delegate.open(context)) {
                @Override
                public void upsert(List<? extends EntraRecord> batch) {
                    entered.countDown();
                    try {
                        if (!release.await(2, TimeUnit.MINUTES)) {
                            throw new IllegalStateException("held for 2 minutes: the test never released the sink");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while writing", e);
                    }
                    super.upsert(batch);
                }

                @Override
                public void complete() {
                    try {
                        super.complete();
                    } finally {
                        open.get(key).decrementAndGet();
                    }
                }

                @Override
                public void abort(Throwable cause) {
                    try {
                        super.abort(cause);
                    } finally {
                        open.get(key).decrementAndGet();
                    }
                }
            };
        }
    }

    /**
     * Waits until the caller's {@code sync} either opened a session of its own while the running job holds one
     * (what it must not do) or is parked waiting for the running job to finish.
     */
    private static void untilSecondSessionOrWaiting(RecordingSink sink, TenantId tenant,
                                                    AtomicReference<Thread> thread) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sink.opened(tenant) < 2 && !waitingForTheRunningJob(thread.get())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sync(...) neither opened a session nor waited for the running job in " + WAIT);
            }
            Thread.sleep(10);
        }
    }

    private static boolean waitingForTheRunningJob(Thread thread) {
        if (thread == null) {
            return false;
        }
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(DefaultSyncEngine.class.getName())
                    && frame.getMethodName().equals("awaitFinished")) {
                return true;
            }
        }
        return false;
    }

    private Future<SyncResult> syncOnAnotherThread(SyncEngine engine, TenantId tenant, Set<Dataset> datasets,
                                                   AtomicReference<Thread> thread) {
        return caller.submit(() -> {
            thread.set(Thread.currentThread());
            return engine.sync("msp", tenant, datasets);
        });
    }

    @Test
    void syncDuringARunningSyncNowOfTheTenantJoinsThatJobAndOpensNoSecondSinkSession() throws Exception {
        SimulatedTenant simulated = sim.tenant("Contoso", 100);
        TenantId tenant = TenantId.of(simulated.id());
        sim.map("contoso", simulated, Dataset.USERS);
        RecordingSink sink = new RecordingSink(sim.sink);
        try (SyncEngine engine = sim.builder().sink(sink).build()) {
            SyncJob running = engine.syncNow(tenant);
            assertThat(sink.entered.await(30, TimeUnit.SECONDS)).isTrue();

            AtomicReference<Thread> thread = new AtomicReference<>();
            Future<SyncResult> oneOff = syncOnAnotherThread(engine, tenant, EnumSet.of(Dataset.USERS), thread);
            untilSecondSessionOrWaiting(sink, tenant, thread);
            sink.release.countDown();
            SyncResult result = oneOff.get(30, TimeUnit.SECONDS);

            assertThat(sink.opened(tenant, Dataset.USERS)).as("sink sessions opened for the tenant's users").isEqualTo(1);
            assertThat(sink.mostOpenAtOnce(tenant, Dataset.USERS)).isEqualTo(1);
            assertThat(result.runId()).isEqualTo(running.id());
            assertThat(result.dataset(Dataset.USERS)).hasValueSatisfying(r -> {
                assertThat(r.status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
                assertThat(r.rowsUpserted()).isEqualTo(100);
            });
            assertThat(engine.jobs().history(tenant, 0, 10)).singleElement().extracting(SyncJob::status)
                    .isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    @Test
    void syncOfADatasetTheRunningJobLacksRunsAfterThatJobNeverAlongsideIt() throws Exception {
        SimulatedTenant simulated = sim.tenant("Contoso", 100);
        TenantId tenant = TenantId.of(simulated.id());
        sim.map("contoso", simulated, Dataset.USERS);
        RecordingSink sink = new RecordingSink(sim.sink);
        List<String> events = new CopyOnWriteArrayList<>();
        SyncListener listener = new SyncListener() {
            @Override
            public void jobStarted(SyncJob job) {
                events.add("started " + job.id());
            }

            @Override
            public void jobFinished(SyncJob job) {
                events.add("finished " + job.id());
            }
        };
        try (SyncEngine engine = sim.builder().sink(sink).listener(listener).build()) {
            SyncJob running = engine.syncNow(tenant);
            assertThat(sink.entered.await(30, TimeUnit.SECONDS)).isTrue();

            AtomicReference<Thread> thread = new AtomicReference<>();
            Future<SyncResult> oneOff = syncOnAnotherThread(engine, tenant,
                    EnumSet.of(Dataset.USERS, Dataset.TENANT_PROFILE), thread);
            untilSecondSessionOrWaiting(sink, tenant, thread);
            sink.release.countDown();
            SyncResult result = oneOff.get(30, TimeUnit.SECONDS);

            assertThat(sink.mostOpenAtOnce(tenant, Dataset.USERS)).isEqualTo(1);
            assertThat(sink.opened(tenant, Dataset.USERS)).isEqualTo(2);
            assertThat(sink.opened(tenant, Dataset.TENANT_PROFILE)).isEqualTo(1);
            assertThat(result.runId()).isNotEqualTo(running.id());
            assertThat(result.datasets()).extracting(DatasetResult::dataset)
                    .containsExactly(Dataset.USERS, Dataset.TENANT_PROFILE);
            assertThat(engine.jobs().find(running.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(events).containsExactly("started " + running.id(), "finished " + running.id(),
                    "started " + result.runId(), "finished " + result.runId());
        }
    }

    @Test
    void syncNowDuringARunningSyncReturnsThatJob() throws Exception {
        SimulatedTenant simulated = sim.tenant("Contoso", 100);
        TenantId tenant = TenantId.of(simulated.id());
        sim.map("contoso", simulated, Dataset.USERS);
        RecordingSink sink = new RecordingSink(sim.sink);
        try (SyncEngine engine = sim.builder().sink(sink).build()) {
            Future<SyncResult> oneOff = syncOnAnotherThread(engine, tenant, EnumSet.of(Dataset.USERS),
                    new AtomicReference<>());
            assertThat(sink.entered.await(30, TimeUnit.SECONDS)).isTrue();

            SyncJob now = engine.syncNow(tenant);
            sink.release.countDown();
            SyncResult result = oneOff.get(30, TimeUnit.SECONDS);

            assertThat(now.id()).isEqualTo(result.runId());
            assertThat(engine.await(now.id(), WAIT).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(sink.opened(tenant, Dataset.USERS)).isEqualTo(1);
        }
    }
}
