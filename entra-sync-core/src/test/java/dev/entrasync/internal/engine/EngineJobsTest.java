package dev.entrasync.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.InMemoryJobStore;
import dev.entrasync.JobStatus;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantId;
import dev.entrasync.TokenException;
import dev.entrasync.TokenFailure;
import dev.entrasync.model.EntraUser;
import dev.entrasync.testing.RecordingSink;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sync now, job records, crash recovery, blocked tenants and graceful close, on the simulated cloud. */
class EngineJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();
    /** The built-in scheduler, driven by hand on the fixture's clock (one tick per {@code runDue()}). */
    private final LocalScheduler schedule = new LocalScheduler(sim.time, Duration.ofSeconds(30), null, 8);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void syncNowReturnsTheRunningJobInsteadOfStartingAnother() throws Exception {
        SimulatedTenant tenant = sim.tenant("Contoso", 100);
        sim.map("contoso", tenant, Dataset.USERS);
        RecordingSink gated = new RecordingSink(sim.sink);
        RecordingSink.Gate held = gated.holdUpserts(c -> true);
        try (SyncEngine engine = sim.builder().sink(gated).build()) {
            SyncJob first = engine.syncNow(TenantId.of(tenant.id()));
            assertThat(held.awaitReached(Duration.ofSeconds(30))).isTrue();

            SyncJob second = engine.syncNowForCompany("contoso");
            held.release();
            SyncJob finished = engine.await(first.id(), WAIT);

            assertThat(second.id()).isEqualTo(first.id());
            assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(finished.trigger()).isEqualTo(SyncTrigger.MANUAL);
            assertThat(finished.companyId()).isEqualTo("contoso");
            assertThat(engine.jobs().history(TenantId.of(tenant.id()), 0, 10)).hasSize(1);
            assertThat(engine.syncNow(TenantId.of(tenant.id())).id()).isNotEqualTo(first.id());
        }
    }

    @Test
    void aJobRecordsItsDatasetCountsRequestsAndWaits() throws Exception {
        SimulatedTenant tenant = sim.tenant("Contoso", 2000);
        sim.map("contoso", tenant, Dataset.USERS);
        sim.cloud.faults().throttleNext(2, 3);
        List<String> events = new CopyOnWriteArrayList<>();
        SyncListener listener = new SyncListener() {
            @Override
            public void jobQueued(SyncJob job) {
                events.add("queued");
            }

            @Override
            public void jobStarted(SyncJob job) {
                events.add("started");
            }

            @Override
            public void datasetProgress(SyncJob job, Dataset dataset, long rows, long pages) {
                events.add("progress " + dataset.key() + " " + rows + "/" + pages);
            }

            @Override
            public void jobFinished(SyncJob job) {
                events.add("finished " + job.status());
            }
        };
        try (SyncEngine engine = sim.builder().listener(listener).build()) {
            SyncJob job = engine.await(engine.syncNow(TenantId.of(tenant.id())).id(), WAIT);

            DatasetResult users = job.result(Dataset.USERS).orElseThrow();
            assertThat(users.rowsUpserted()).isEqualTo(2000);
            assertThat(users.requests())
                    .isEqualTo(sim.cloud.graphCalls().stream()
                            .filter(c -> !c.batchItem())
                            .count());
            assertThat(users.throttledResponses()).isEqualTo(2);
            assertThat(users.retryAfterWaited()).isEqualTo(Duration.ofSeconds(6));
            assertThat(job.startedAt()).isNotNull();
            assertThat(job.finishedAt()).isNotNull();
            assertThat(engine.jobs().latest(TenantId.of(tenant.id()))).contains(job);
            assertThat(engine.health(TenantId.of(tenant.id())).lastSuccess()).isEqualTo(job.finishedAt());
            assertThat(events)
                    .startsWith("queued", "started")
                    .contains("progress users 999/1", "progress users 2000/3")
                    .endsWith("finished SUCCEEDED");
            assertThat(users.throttledResponses())
                    .isEqualTo(sim.cloud.graphCalls().stream()
                            .filter(c -> c.status() == 429)
                            .count());
        }
    }

    @Test
    void aCrashedRunIsMarkedInterruptedAndSyncedAgain() throws Exception {
        SimulatedTenant tenant = sim.tenant("Contoso", 100);
        sim.map("contoso", tenant, Dataset.USERS);
        RecordingSink gated = new RecordingSink(sim.sink);
        RecordingSink.Gate held = gated.holdUpserts(c -> true);
        SyncEngine crashed = sim.builder().sink(gated).build();
        SyncJob running = crashed.syncNow(TenantId.of(tenant.id()));
        assertThat(held.awaitReached(Duration.ofSeconds(30))).isTrue();
        // The process dies here: what the job store holds is all a new engine finds, a minute later.
        sim.time.advance(Duration.ofMinutes(1));
        InMemoryJobStore survivingStore = new InMemoryJobStore();
        survivingStore.save(sim.jobs.find(running.id()).orElseThrow());
        assertThat(survivingStore.active())
                .singleElement()
                .extracting(SyncJob::status)
                .isEqualTo(JobStatus.RUNNING);
        sim.time.advance(Duration.ofSeconds(1)); // the restart comes later, so the recovery job is the latest

        try (SyncEngine restarted = sim.builder().jobs(survivingStore).build()) {
            restarted.start();
            SyncJob interrupted = survivingStore.find(running.id()).orElseThrow();
            SyncJob recovery = survivingStore.latest(TenantId.of(tenant.id())).orElseThrow();
            SyncJob recovered = restarted.await(recovery.id(), WAIT);

            assertThat(interrupted.status()).isEqualTo(JobStatus.FAILED);
            assertThat(interrupted.reason()).startsWith("interrupted");
            assertThat(recovered.trigger()).isEqualTo(SyncTrigger.RECOVERY);
            assertThat(recovered.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(sim.sink.<EntraUser>records(TenantId.of(tenant.id()), Dataset.USERS))
                    .hasSize(100);
        } finally {
            held.release();
            crashed.close();
        }
    }

    @Test
    void closeAbortsTheRunningJobAndKeepsNothingHalfWritten() throws Exception {
        SimulatedTenant tenant = sim.tenant("Contoso", 100);
        sim.map("contoso", tenant, Dataset.USERS);
        RecordingSink gated = new RecordingSink(sim.sink);
        RecordingSink.Gate held = gated.holdUpserts(c -> true);
        SyncEngine engine = sim.builder().sink(gated).build();
        SyncJob running = engine.syncNow(TenantId.of(tenant.id()));
        assertThat(held.awaitReached(Duration.ofSeconds(30))).isTrue();

        engine.close();

        SyncJob cancelled = sim.jobs.find(running.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(sim.sink.completedRuns(TenantId.of(tenant.id()), Dataset.USERS))
                .isZero();
        assertThat(sim.sink.<EntraUser>records(TenantId.of(tenant.id()), Dataset.USERS))
                .isEmpty();
    }

    @Test
    void aPermanentTokenFailureBlocksTheTenantAndTellsTheHostOnce() throws Exception {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.map("contoso", tenant, Dataset.USERS);
        tenant.revokeConsent(sim.app);
        List<TokenException> told = new CopyOnWriteArrayList<>();
        SyncListener listener = new SyncListener() {
            @Override
            public void tenantBlocked(TenantId t, TokenException cause) {
                told.add(cause);
            }
        };
        try (SyncEngine engine =
                sim.builder().scheduler(schedule).listener(listener).build()) {
            SyncJob failed =
                    engine.await(engine.syncNow(TenantId.of(tenant.id())).id(), WAIT);
            engine.await(engine.syncNow(TenantId.of(tenant.id())).id(), WAIT);
            sim.time.advance(Duration.ofDays(3));
            List<SyncJob> scheduled = schedule.runDue();

            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.reason()).contains("AADSTS700016");
            assertThat(told)
                    .singleElement()
                    .extracting(TokenException::failure)
                    .isEqualTo(TokenFailure.APP_NOT_IN_TENANT);
            assertThat(engine.health(TenantId.of(tenant.id())).blockedBy()).isEqualTo(TokenFailure.APP_NOT_IN_TENANT);
            assertThat(engine.health(TenantId.of(tenant.id())).consecutiveFailures())
                    .isEqualTo(2);
            assertThat(scheduled).isEmpty();

            tenant.consent(sim.app, dev.entrasync.testkit.Permissions.allRead());
            engine.resume(TenantId.of(tenant.id()));
            assertThat(engine.await(engine.syncNow(TenantId.of(tenant.id())).id(), WAIT)
                            .status())
                    .isEqualTo(JobStatus.SUCCEEDED);
            assertThat(engine.health(TenantId.of(tenant.id())).blocked()).isFalse();
        }
    }

    @Test
    void aChangedCredentialLiftsTheStoredBlockForTheNextScheduledRun() throws Exception {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        TenantId id = TenantId.of(tenant.id());
        sim.map("contoso", tenant, Dataset.USERS);
        tenant.revokeConsent(sim.app);
        try (SyncEngine engine = sim.builder().scheduler(schedule).build()) {
            engine.await(engine.syncNow(id).id(), WAIT);
            dev.entrasync.TenantBlock block =
                    sim.mapper.findByTenant(id).orElseThrow().block();
            assertThat(block.failure()).isEqualTo(TokenFailure.APP_NOT_IN_TENANT);
            assertThat(block.since()).isEqualTo(sim.time.instant());
            assertThat(block.credential()).hasSize(32).doesNotContain(SimulatedCloudFixture.SECRET);
            sim.time.advance(Duration.ofDays(2));
            assertThat(schedule.runDue()).as("blocked: the slot passes").isEmpty();

            tenant.consent(sim.app, dev.entrasync.testkit.Permissions.allRead());
            sim.credentials.save(sim.credential(SimulatedCloudFixture.SECRET).toBuilder()
                    .secretExpiresAt(sim.time.instant().plus(Duration.ofDays(365)))
                    .build());
            sim.time.advance(Duration.ofDays(1));
            List<SyncJob> scheduled = schedule.runDue();

            assertThat(scheduled).singleElement().extracting(SyncJob::status).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(sim.mapper.findByTenant(id).orElseThrow().block()).isNull();
            assertThat(engine.health(id).blocked()).isFalse();
            assertThat(engine.health(id).consecutiveFailures()).isZero();
        }
    }
}
