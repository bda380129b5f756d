package dev.entrasync.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantId;
import dev.entrasync.spi.SyncScheduler;
import dev.entrasync.spi.SyncTasks;
import dev.entrasync.testing.EntraSyncTest;
import dev.entrasync.testing.FakeTime;
import dev.entrasync.testing.TestHost;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Jobs run by another instance (a cluster scheduler): this engine sees them finish in the shared job store. */
@EntraSyncTest(users = 10, datasets = Dataset.TENANT_PROFILE)
class RemoteRunsTest {

    /** A scheduler that hands every job to "another instance": it only remembers them. */
    private static final class ElsewhereScheduler implements SyncScheduler {
        final List<SyncJob> submitted = new CopyOnWriteArrayList<>();
        SyncTasks tasks;

        @Override
        public void attach(SyncTasks tasks) {
            this.tasks = tasks;
        }

        @Override
        public void start() {}

        @Override
        public void submit(SyncJob job) {
            submitted.add(job);
        }

        @Override
        public void close() {}
    }

    @Test
    void aSyncNowRunElsewhereIsAwaitedAndDoesNotBlockTheNextOne(TestHost host, TenantId tenant) throws Exception {
        ElsewhereScheduler elsewhere = new ElsewhereScheduler();
        try (SyncEngine engine = host.engineBuilder().scheduler(elsewhere).build()) {
            SyncJob first = engine.syncNow(tenant);
            assertThat(engine.syncNow(tenant).id()).isEqualTo(first.id());

            // Another instance (same job store) runs it.
            SyncJob ranElsewhere = elsewhere.tasks.runQueued(first.id()).orElseThrow();
            SyncJob awaited = engine.await(first.id(), Duration.ofSeconds(10));
            SyncJob second = engine.syncNow(tenant);

            assertThat(ranElsewhere.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(awaited.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(elsewhere.submitted).extracting(SyncJob::id).containsExactly(first.id(), second.id());
        }
    }

    @Test
    void aScheduledRunRevivedAfterItsInstanceDiedRetiresTheDeadJob(TestHost host, TenantId tenant, FakeTime time)
            throws Exception {
        SyncJob dead = new SyncJob(
                "dead-run",
                tenant,
                "contoso",
                "msp",
                SyncTrigger.SCHEDULED,
                JobStatus.RUNNING,
                time.instant(),
                time.instant(),
                null,
                List.of(Dataset.TENANT_PROFILE),
                List.of(),
                null);
        host.jobs().save(dead);
        time.advance(Duration.ofMinutes(1));
        ElsewhereScheduler scheduler = new ElsewhereScheduler();
        try (SyncEngine engine = host.engineBuilder().scheduler(scheduler).build()) {
            SyncJob revived = scheduler.tasks.runScheduled(tenant).orElseThrow();

            assertThat(revived.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(host.jobs().find("dead-run").orElseThrow().status()).isEqualTo(JobStatus.FAILED);
            assertThat(host.jobs().find("dead-run").orElseThrow().reason()).startsWith("interrupted");
            assertThat(engine.jobs().active()).isEmpty();
        }
    }
}
