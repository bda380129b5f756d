package dev.entrasync.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.JobStatus;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantId;
import dev.entrasync.spi.SyncScheduler;
import dev.entrasync.spi.SyncTasks;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jobs run by another instance (a cluster scheduler): this engine sees them finish in the shared job store. */
class RemoteRunsTest {

    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();

    @AfterEach
    void close() {
        sim.close();
    }

    /** A scheduler that hands every job to "another instance": it only remembers them. */
    private static final class ElsewhereScheduler implements SyncScheduler {
        final List<SyncJob> submitted = new CopyOnWriteArrayList<>();
        SyncTasks tasks;

        @Override
        public void attach(SyncTasks tasks) {
            this.tasks = tasks;
        }

        @Override
        public void start() {
        }

        @Override
        public void submit(SyncJob job) {
            submitted.add(job);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSyncNowRunElsewhereIsAwaitedAndDoesNotBlockTheNextOne() throws Exception {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.map("contoso", tenant, Dataset.TENANT_PROFILE);
        ElsewhereScheduler elsewhere = new ElsewhereScheduler();
        try (SyncEngine engine = sim.builder().scheduler(elsewhere).build()) {
            SyncJob first = engine.syncNow(TenantId.of(tenant.id()));
            assertThat(engine.syncNow(TenantId.of(tenant.id())).id()).isEqualTo(first.id());

            // Another instance (same job store) runs it.
            SyncJob ranElsewhere = elsewhere.tasks.runQueued(first.id()).orElseThrow();
            SyncJob awaited = engine.await(first.id(), Duration.ofSeconds(10));
            SyncJob second = engine.syncNow(TenantId.of(tenant.id()));

            assertThat(ranElsewhere.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(awaited.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(elsewhere.submitted).extracting(SyncJob::id).containsExactly(first.id(), second.id());
        }
    }

    @Test
    void aScheduledRunRevivedAfterItsInstanceDiedRetiresTheDeadJob() throws Exception {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.map("contoso", tenant, Dataset.TENANT_PROFILE);
        SyncJob dead = new SyncJob("dead-run", TenantId.of(tenant.id()), "contoso", "msp", SyncTrigger.SCHEDULED,
                JobStatus.RUNNING, sim.time.instant(), sim.time.instant(), null, List.of(Dataset.TENANT_PROFILE),
                List.of(), null);
        sim.jobs.save(dead);
        sim.time.advance(Duration.ofMinutes(1));
        ElsewhereScheduler scheduler = new ElsewhereScheduler();
        try (SyncEngine engine = sim.builder().scheduler(scheduler).build()) {
            SyncJob revived = scheduler.tasks.runScheduled(TenantId.of(tenant.id())).orElseThrow();

            assertThat(revived.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(sim.jobs.find("dead-run").orElseThrow().status()).isEqualTo(JobStatus.FAILED);
            assertThat(sim.jobs.find("dead-run").orElseThrow().reason()).startsWith("interrupted");
            assertThat(engine.jobs().active()).isEmpty();
        }
    }
}
