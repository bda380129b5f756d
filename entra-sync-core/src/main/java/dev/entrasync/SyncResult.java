package dev.entrasync;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of syncing one tenant.
 *
 * @param tenant the tenant
 * @param runId the run's id (as given to the sink)
 * @param datasets each dataset's result, kept in {@link Dataset} order
 */
public record SyncResult(TenantId tenant, String runId, List<DatasetResult> datasets) {

    public SyncResult {
        Objects.requireNonNull(tenant, "tenant");
        datasets = datasets.stream()
                .sorted(java.util.Comparator.comparing(DatasetResult::dataset))
                .toList();
    }

    /** Whether every dataset succeeded. */
    public boolean succeeded() {
        return datasets.stream().allMatch(d -> d.status() == DatasetResult.Status.SUCCEEDED);
    }

    /** The result of one dataset, if it was part of the run. */
    public Optional<DatasetResult> dataset(Dataset dataset) {
        return datasets.stream().filter(d -> d.dataset() == dataset).findFirst();
    }
}
