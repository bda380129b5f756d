package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

class JdbcJobStoreTest {

    private static final TenantId A = TenantId.of(TestUsers.TENANT_A);
    private static final TenantId B = TenantId.of(TestUsers.TENANT_B);
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private static SyncJob queued(String id, TenantId tenant, int minute) {
        return new SyncJob(
                id,
                tenant,
                "company-1",
                "default",
                SyncTrigger.SCHEDULED,
                JobStatus.QUEUED,
                T0.plusSeconds(minute * 60L),
                null,
                null,
                List.of(Dataset.USERS, Dataset.LICENSES),
                List.of(),
                null);
    }

    private static DatasetResult result(Dataset dataset, DatasetResult.Status status) {
        return new DatasetResult(
                dataset,
                status,
                DatasetResult.Mode.DELTA,
                120,
                3,
                7,
                2,
                4,
                Duration.ofMillis(1500),
                status == DatasetResult.Status.FAILED ? "Missing permission Organization.Read.All" : null,
                status == DatasetResult.Status.FAILED ? "Add it and re-consent." : null,
                status == DatasetResult.Status.FAILED ? List.of() : List.of("MFA unknown: no Entra ID P1"));
    }

    @DatabaseTest
    void jobWithItsResultsRoundTripsThroughEveryStatus(TestDatabase db) {
        JdbcJobStore store = db.storageBuilder().build().jobStore();
        SyncJob job = queued("job-1", A, 0);
        store.save(job);
        SyncJob running =
                job.start(T0.plusSeconds(5)).withResult(result(Dataset.USERS, DatasetResult.Status.SUCCEEDED));
        store.save(running);

        SyncJob finished = running.withResult(result(Dataset.LICENSES, DatasetResult.Status.FAILED))
                .finish(JobStatus.PARTIAL, T0.plusSeconds(9), "1 of 2 datasets failed");
        store.save(finished);

        assertThat(store.find("job-1")).contains(finished);
        assertThat(store.find("missing")).isEmpty();
        assertThat(db.count("job_results", "job_id = 'job-1'")).isEqualTo(2);
    }

    @DatabaseTest
    void activeJobsAreOldestFirstAndHistoryNewestFirst(TestDatabase db) {
        JdbcJobStore store = db.storageBuilder().build().jobStore();
        store.save(queued("a1", A, 1).start(T0.plusSeconds(70)).finish(JobStatus.SUCCEEDED, T0.plusSeconds(80), null));
        store.save(queued("a2", A, 2).start(T0.plusSeconds(130)));
        store.save(queued("a3", A, 3));
        store.save(queued("b1", B, 0));

        assertThat(store.active()).extracting(SyncJob::id).containsExactly("b1", "a2", "a3");
        assertThat(store.latest(A).map(SyncJob::id)).contains("a3");
        assertThat(store.history(A, 0, 10)).extracting(SyncJob::id).containsExactly("a3", "a2", "a1");
        assertThat(store.history(A, 1, 1)).extracting(SyncJob::id).containsExactly("a2");
        assertThat(store.latest(TenantId.of("0f2c6a10-0000-4000-8000-00000000000c")))
                .isEmpty();
        assertThatThrownBy(() -> store.history(A, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @DatabaseTest
    void aDatasetReportedTwiceKeepsBothResultsInOrder(TestDatabase db) {
        JdbcJobStore store = db.storageBuilder().build().jobStore();
        SyncJob job = queued("job-1", A, 0)
                .start(T0)
                .withResult(result(Dataset.USERS, DatasetResult.Status.SUCCEEDED))
                .withResult(result(Dataset.USERS, DatasetResult.Status.FAILED));

        store.save(job);

        assertThat(store.find("job-1").orElseThrow().results())
                .extracting(DatasetResult::status)
                .containsExactly(DatasetResult.Status.SUCCEEDED, DatasetResult.Status.FAILED);
    }
}
