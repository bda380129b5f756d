package dev.entrasync;

import java.util.Objects;

/**
 * What a {@link DatasetSink.Session} is for.
 *
 * @param tenant the tenant's GUID
 * @param dataset the dataset
 * @param runId a unique id of this run (the job id); replays of a run carry the same id
 * @param fullRun true when the run delivers every object of the dataset, so {@link DatasetSink.Session#complete()}
 *     marks objects it did not deliver as removed; false for a delta or append run, which delivers
 *     only changes (and removals through {@link DatasetSink.Session#remove})
 */
public record SinkContext(TenantId tenant, Dataset dataset, String runId, boolean fullRun) {

    /**
     * Validates the components.
     *
     * @param tenant the tenant's GUID; never null
     * @param dataset the dataset; never null
     * @param runId a unique id of this run; never null
     * @param fullRun true when the run delivers every object of the dataset, false for a delta or append run
     * @throws NullPointerException if {@code tenant}, {@code dataset} or {@code runId} is null
     */
    public SinkContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(runId, "runId");
    }
}
