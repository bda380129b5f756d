package dev.entrasync.internal.engine;

import dev.entrasync.CheckpointStore;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetSink;
import dev.entrasync.LicenseCatalog;
import dev.entrasync.SyncConfig;
import dev.entrasync.TenantId;
import dev.entrasync.internal.graph.Fetchers;
import dev.entrasync.internal.graph.TenantGraph;
import dev.entrasync.internal.graph.TenantIndexes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Syncs the datasets of one tenant, each in its own sink session, in {@link Fetchers#ORDER} (licences
 * and roles first so users reuse them); a dataset's failure never stops the others. The per-tenant
 * runner the engine and the scheduler build on. Thread-safe: run different tenants concurrently;
 * one tenant's run uses its calling thread only.
 */
public final class TenantSync {

    private final DatasetRun datasetRun;
    private final LicenseCatalog catalog;
    private final Clock clock;

    public TenantSync(
            DatasetSink sink, CheckpointStore checkpoints, SyncConfig config, LicenseCatalog catalog, Clock clock) {
        this.datasetRun = new DatasetRun(
                Objects.requireNonNull(sink, "sink"),
                Objects.requireNonNull(checkpoints, "checkpoints"),
                Objects.requireNonNull(config, "config"));
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs the datasets.
     *
     * @param graph Graph for the tenant (its token already obtained, so token failures surface before any session)
     * @param tenant the tenant's GUID, as sessions and checkpoints are keyed
     * @param runId the run's id, given to the sink
     * @return one result per dataset, in {@link Dataset} order; never throws for a dataset's failure
     */
    public List<DatasetResult> run(
            TenantGraph graph, TenantId tenant, Set<Dataset> datasets, String runId, SyncProgress progress) {
        Instant startedAt = clock.instant();
        TenantIndexes indexes = new TenantIndexes(graph, catalog);
        List<DatasetResult> results = new ArrayList<>();
        for (Dataset dataset : Fetchers.ORDER) {
            if (datasets.contains(dataset)) {
                results.add(datasetRun.run(Fetchers.of(dataset), graph, tenant, runId, startedAt, indexes, progress));
            }
        }
        results.sort(Comparator.comparing(DatasetResult::dataset));
        return results;
    }
}
