package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

class ProgressBarsTest {

    private static final TenantId TENANT = TenantId.of("4a6f5c1e-8b2d-4c3e-9f10-2b3c4d5e6f70");

    @Test
    void drawsOneBarPerJobSteppingOncePerDataset() {
        List<String> drawn = new CopyOnWriteArrayList<>();
        ProgressBars bars =
                new ProgressBars(job -> "Contoso", () -> new DelegatingProgressBarConsumer(drawn::add, 120));
        SyncJob job = new SyncJob(
                "job-1",
                TENANT,
                "C-1",
                "msp",
                SyncTrigger.MANUAL,
                JobStatus.RUNNING,
                Instant.parse("2026-11-22T08:00:00Z"),
                null,
                null,
                List.of(Dataset.USERS, Dataset.DEVICES),
                List.of(),
                null);

        bars.jobStarted(job);
        bars.datasetProgress(job, Dataset.USERS, 999, 1);
        bars.datasetFinished(job, result(Dataset.USERS, 1260));
        bars.datasetFinished(job, result(Dataset.DEVICES, 600));
        bars.jobFinished(job.finish(JobStatus.SUCCEEDED, Instant.parse("2026-11-22T08:01:00Z"), null));

        String last = drawn.get(drawn.size() - 1);
        assertThat(last)
                .startsWith("Contoso")
                .contains("100%")
                .contains("2/2 datasets")
                .contains("SUCCEEDED");
    }

    private static DatasetResult result(Dataset dataset, long rows) {
        return new DatasetResult(
                dataset,
                DatasetResult.Status.SUCCEEDED,
                DatasetResult.Mode.FULL,
                rows,
                0,
                2,
                0,
                0,
                Duration.ZERO,
                null,
                null,
                List.of());
    }
}
