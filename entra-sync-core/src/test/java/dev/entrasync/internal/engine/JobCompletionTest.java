package dev.entrasync.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.entrasync.Dataset;
import dev.entrasync.JobStatus;
import dev.entrasync.JobStore;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.spi.SyncScheduler;
import dev.entrasync.spi.SyncTasks;
import dev.entrasync.testing.RecordingSink;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Waiting for a job is a future: {@link SyncEngine#completion} and {@link SyncEngine#await} wake when a
 * job of this engine finishes, without reading the job store meanwhile; a job another engine runs over
 * the same store is still seen to finish; timeouts, cancelled waits, closing and unknown ids.
 */
class JobCompletionTest {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();
    private final ExecutorService waiter = Executors.newSingleThreadExecutor();
    private final List<RecordingSink.Gate> gates = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        release();
        waiter.shutdownNow();
        sim.close();
    }

    /** The fixture's job store, remembering which threads read it. */
    private static final class ReadRecordingStore implements JobStore {
        final JobStore delegate;
        final List<Thread> readers = new CopyOnWriteArrayList<>();

        ReadRecordingStore(JobStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void save(SyncJob job) {
            delegate.save(job);
        }

        @Override
        public Optional<SyncJob> find(String id) {
            readers.add(Thread.currentThread());
            return delegate.find(id);
        }

        @Override
        public Optional<SyncJob> latest(TenantId tenant) {
            readers.add(Thread.currentThread());
            return delegate.latest(tenant);
        }

        @Override
        public List<SyncJob> active() {
            readers.add(Thread.currentThread());
            return delegate.active();
        }

        @Override
        public List<SyncJob> history(TenantId tenant, int offset, int limit) {
            readers.add(Thread.currentThread());
            return delegate.history(tenant, offset, limit);
        }
    }

    /** A scheduler that runs nothing itself: the test plays "another instance" through its tasks. */
    private static final class ElsewhereScheduler implements SyncScheduler {
        volatile SyncTasks tasks;

        @Override
        public void attach(SyncTasks tasks) {
            this.tasks = tasks;
        }

        @Override
        public void start() {}

        @Override
        public void submit(SyncJob job) {}

        @Override
        public void close() {}
    }

    private TenantId heldTenant() {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.map("contoso", tenant, Dataset.USERS);
        return TenantId.of(tenant.id());
    }

    /** The fixture's sink, holding the tenant's {@code complete()} until {@link #release()}. */
    private RecordingSink holding(TenantId tenant) {
        RecordingSink sink = new RecordingSink(sim.sink);
        gates.add(sink.holdCompletions(c -> c.tenant().equals(tenant)));
        return sink;
    }

    private void release() {
        gates.forEach(RecordingSink.Gate::release);
    }

    /** Waits until the job runs, reading the fixture's store directly (not through a recording one). */
    private void untilRunning(SyncJob job) throws InterruptedException {
        for (int i = 0; i < 12_000 && sim.jobs.find(job.id()).orElseThrow().status() != JobStatus.RUNNING; i++) {
            Thread.sleep(10);
        }
        assertThat(sim.jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    }

    private static void untilBlocked(Thread thread) throws InterruptedException {
        for (int i = 0; i < 12_000; i++) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the waiting thread never blocked: " + thread.getState());
    }

    @Test
    void awaitingAJobOfThisEngineWakesWhenItFinishesWithoutReadingTheStore() throws Exception {
        TenantId tenant = heldTenant();
        ReadRecordingStore store = new ReadRecordingStore(sim.jobs);
        try (SyncEngine engine = sim.builder().sink(holding(tenant)).jobs(store).build()) {
            SyncJob job = engine.syncNow(tenant);
            untilRunning(job);
            AtomicReference<Thread> awaiting = new AtomicReference<>();
            Future<SyncJob> awaited = waiter.submit(() -> {
                awaiting.set(Thread.currentThread());
                return engine.await(job.id(), Duration.ofHours(1));
            });
            while (awaiting.get() == null) {
                Thread.sleep(10);
            }
            untilBlocked(awaiting.get());
            CompletableFuture<SyncJob> completion = engine.completion(job.id());

            assertThat(completion).as("held in the sink").isNotDone();
            release();
            SyncJob finished = awaited.get(WAIT.toMinutes(), TimeUnit.MINUTES);

            assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(completion.get(WAIT.toMinutes(), TimeUnit.MINUTES)).isEqualTo(finished);
            assertThat(store.readers).as("store reads by the waiting thread").doesNotContain(awaiting.get());
            assertThat(store.readers).as("store reads by the test thread").doesNotContain(Thread.currentThread());
        }
    }

    @Test
    void aJobRunByAnotherEngineOverTheSameStoreCompletesTheWait() throws Exception {
        SimulatedTenant contoso = sim.tenant("Contoso", 10);
        sim.map("contoso", contoso, Dataset.TENANT_PROFILE);
        TenantId tenant = TenantId.of(contoso.id());
        ElsewhereScheduler here = new ElsewhereScheduler();
        ElsewhereScheduler there = new ElsewhereScheduler();
        try (SyncEngine engine = sim.builder().scheduler(here).build();
                SyncEngine other = sim.builder().scheduler(there).build()) {
            SyncJob job = engine.syncNow(tenant);
            CompletableFuture<SyncJob> completion = engine.completion(job.id());
            assertThat(completion).isNotDone();

            SyncJob ranThere = there.tasks.runQueued(job.id()).orElseThrow();
            SyncJob finished = completion.get(WAIT.toMinutes(), TimeUnit.MINUTES);

            assertThat(ranThere.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(finished).isEqualTo(ranThere);
            assertThat(engine.await(job.id(), WAIT)).isEqualTo(ranThere);
            assertThat(engine.syncNow(tenant).id())
                    .as("the finished job no longer holds the tenant")
                    .isNotEqualTo(job.id());
            assertThat(other.jobs().find(job.id()))
                    .as("the other engine reads the shared store")
                    .isEqualTo(sim.jobs.find(job.id()))
                    .contains(ranThere);
            assertThat(other.jobs()).as("hosts get a read-only view").isNotInstanceOf(JobStore.class);
        }
    }

    @Test
    void aTimeoutReturnsTheJobStillRunningAndTheJobGoesOn() throws Exception {
        TenantId tenant = heldTenant();
        try (SyncEngine engine = sim.builder().sink(holding(tenant)).build()) {
            SyncJob job = engine.syncNow(tenant);
            untilRunning(job);

            SyncJob notYet = engine.await(job.id(), Duration.ZERO);
            CompletableFuture<SyncJob> given = engine.completion(job.id());
            given.cancel(false);

            assertThat(notYet.id()).isEqualTo(job.id());
            assertThat(notYet.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(given).isCancelled();
            release();
            assertThat(engine.await(job.id(), WAIT).status())
                    .as("a cancelled wait leaves the job running")
                    .isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    @Test
    void aFinishedJobGivesACompletedFuture() throws Exception {
        SimulatedTenant contoso = sim.tenant("Contoso", 10);
        sim.map("contoso", contoso, Dataset.TENANT_PROFILE);
        try (SyncEngine engine = sim.builder().build()) {
            SyncJob finished =
                    engine.await(engine.syncNow(TenantId.of(contoso.id())).id(), WAIT);

            CompletableFuture<SyncJob> completion = engine.completion(finished.id());

            assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(completion).isCompletedWithValue(finished);
        }
    }

    @Test
    void closingTheEngineCompletesTheWaitWithTheCancelledJob() throws Exception {
        TenantId tenant = heldTenant();
        SyncEngine engine = sim.builder().sink(holding(tenant)).build();
        SyncJob job = engine.syncNow(tenant);
        untilRunning(job);
        CompletableFuture<SyncJob> completion = engine.completion(job.id());

        engine.close();

        assertThat(completion.get(WAIT.toMinutes(), TimeUnit.MINUTES).status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void anUnknownJobIdIsRefusedNamingWhatToPass() {
        try (SyncEngine engine = sim.builder().build()) {
            Throwable awaited = catchThrowable(() -> engine.await("no-such-job", WAIT));
            Throwable completion = catchThrowable(() -> engine.completion("no-such-job"));
            Throwable nullId = catchThrowable(() -> engine.completion(null));
            Throwable nullTimeout = catchThrowable(() -> engine.await("no-such-job", null));

            assertThat(awaited)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no job with id no-such-job in the job store; pass the id of a job from syncNow,"
                            + " sync or jobs()");
            assertThat(completion).isInstanceOf(IllegalArgumentException.class).hasMessage(awaited.getMessage());
            assertThat(nullId).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("jobId:");
            assertThat(nullTimeout).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("timeout:");
        }
    }

    @Test
    void nextRunIsPublicAndEmptyForATenantNoScheduledSyncWillRun() {
        TenantId tenant = heldTenant();
        TenantId unmapped = TenantId.of("9b2f6c1e-0000-4000-8000-000000000001");
        try (SyncEngine engine = sim.builder().build()) {
            Optional<java.time.Instant> next = engine.nextRun(tenant);
            engine.pause(tenant);

            assertThat(next)
                    .hasValueSatisfying(t -> assertThat(t)
                            .isBetween(sim.time.instant(), sim.time.instant().plus(Duration.ofDays(1))));
            assertThat(engine.nextRun(tenant)).as("paused").isEmpty();
            assertThat(engine.nextRun(unmapped)).as("not mapped").isEmpty();
        }
    }
}
