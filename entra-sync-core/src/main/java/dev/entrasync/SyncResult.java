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

    /**
     * Sorts the dataset results in {@link Dataset} order into an unmodifiable list.
     *
     * @param tenant the tenant; never null
     * @param runId the run's id, as given to the sink
     * @param datasets each dataset's result, in any order; never null
     * @throws NullPointerException if {@code tenant} or {@code datasets} is null
     */
    public SyncResult {
        Objects.requireNonNull(tenant, "tenant");
        datasets = datasets.stream()
                .sorted(java.util.Comparator.comparing(DatasetResult::dataset))
                .toList();
    }

    /**
     * Whether every dataset succeeded.
     *
     * @return true if every dataset's status is {@link DatasetResult.Status#SUCCEEDED} (also when there is none)
     */
    public boolean succeeded() {
        return datasets.stream().allMatch(d -> d.status() == DatasetResult.Status.SUCCEEDED);
    }

    /**
     * The result of one dataset, if it was part of the run.
     *
     * @param dataset the dataset; never null
     * @return the dataset's result; empty when it was not part of the run
     */
    public Optional<DatasetResult> dataset(Dataset dataset) {
        return datasets.stream().filter(d -> d.dataset() == dataset).findFirst();
    }
}
