package dev.entrasync.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.testing.RecordingSink;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
     * Waits until the caller's {@code sync} either opened a session of its own while the running job holds one
     * (what it must not do) or is parked waiting for the running job to finish.
     */
    private static void untilSecondSessionOrWaiting(RecordingSink sink, TenantId tenant, AtomicReference<Thread> thread)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sink.sessions(tenant).size() < 2 && !waitingForTheRunningJob(thread.get())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "sync(...) neither opened a session nor waited for the running job in " + WAIT);
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

    private Future<SyncResult> syncOnAnotherThread(
            SyncEngine engine, TenantId tenant, Set<Dataset> datasets, AtomicReference<Thread> thread) {
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
        RecordingSink.Gate held = sink.holdUpserts(c -> true);
        try (SyncEngine engine = sim.builder().sink(sink).build()) {
            SyncJob running = engine.syncNow(tenant);
            assertThat(held.awaitReached(Duration.ofSeconds(30))).isTrue();

            AtomicReference<Thread> thread = new AtomicReference<>();
            Future<SyncResult> oneOff = syncOnAnotherThread(engine, tenant, EnumSet.of(Dataset.USERS), thread);
            untilSecondSessionOrWaiting(sink, tenant, thread);
            held.release();
            SyncResult result = oneOff.get(30, TimeUnit.SECONDS);

            assertThat(sink.sessions(tenant, Dataset.USERS).size())
                    .as("sink sessions opened for the tenant's users")
                    .isEqualTo(1);
            assertThat(sink.mostOpenAtOnce(tenant, Dataset.USERS)).isEqualTo(1);
            assertThat(result.runId()).isEqualTo(running.id());
            assertThat(result.dataset(Dataset.USERS)).hasValueSatisfying(r -> {
                assertThat(r.status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
                assertThat(r.rowsUpserted()).isEqualTo(100);
            });
            assertThat(engine.jobs().history(tenant, 0, 10))
                    .singleElement()
                    .extracting(SyncJob::status)
                    .isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    @Test
    void syncOfADatasetTheRunningJobLacksRunsAfterThatJobNeverAlongsideIt() throws Exception {
        SimulatedTenant simulated = sim.tenant("Contoso", 100);
        TenantId tenant = TenantId.of(simulated.id());
        sim.map("contoso", simulated, Dataset.USERS);
        RecordingSink sink = new RecordingSink(sim.sink);
        RecordingSink.Gate held = sink.holdUpserts(c -> true);
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
            assertThat(held.awaitReached(Duration.ofSeconds(30))).isTrue();

            AtomicReference<Thread> thread = new AtomicReference<>();
            Future<SyncResult> oneOff =
                    syncOnAnotherThread(engine, tenant, EnumSet.of(Dataset.USERS, Dataset.TENANT_PROFILE), thread);
            untilSecondSessionOrWaiting(sink, tenant, thread);
            held.release();
            SyncResult result = oneOff.get(30, TimeUnit.SECONDS);

            assertThat(sink.mostOpenAtOnce(tenant, Dataset.USERS)).isEqualTo(1);
            assertThat(sink.sessions(tenant, Dataset.USERS).size()).isEqualTo(2);
            assertThat(sink.sessions(tenant, Dataset.TENANT_PROFILE).size()).isEqualTo(1);
            assertThat(result.runId()).isNotEqualTo(running.id());
            assertThat(result.datasets())
                    .extracting(DatasetResult::dataset)
                    .containsExactly(Dataset.USERS, Dataset.TENANT_PROFILE);
            assertThat(engine.jobs().find(running.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(events)
                    .containsExactly(
                            "started " + running.id(),
                            "finished " + running.id(),
                            "started " + result.runId(),
                            "finished " + result.runId());
        }
    }

    @Test
    void syncNowDuringARunningSyncReturnsThatJob() throws Exception {
        SimulatedTenant simulated = sim.tenant("Contoso", 100);
        TenantId tenant = TenantId.of(simulated.id());
        sim.map("contoso", simulated, Dataset.USERS);
        RecordingSink sink = new RecordingSink(sim.sink);
        RecordingSink.Gate held = sink.holdUpserts(c -> true);
        try (SyncEngine engine = sim.builder().sink(sink).build()) {
            Future<SyncResult> oneOff =
                    syncOnAnotherThread(engine, tenant, EnumSet.of(Dataset.USERS), new AtomicReference<>());
            assertThat(held.awaitReached(Duration.ofSeconds(30))).isTrue();

            SyncJob now = engine.syncNow(tenant);
            held.release();
            SyncResult result = oneOff.get(30, TimeUnit.SECONDS);

            assertThat(now.id()).isEqualTo(result.runId());
            assertThat(engine.await(now.id(), WAIT).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(sink.sessions(tenant, Dataset.USERS).size()).isEqualTo(1);
        }
    }
}
