package dev.entrasync.internal.engine;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.TenantId;
import dev.entrasync.internal.graph.TenantGraph;

/** Syncs one dataset of one tenant into the sink for one run, and reports how it went. Never throws for a dataset failure. */
interface DatasetRunner {

    /** Hears a dataset's progress, page by page. */
    @FunctionalInterface
    interface Progress {
        void page(Dataset dataset, long rowsSoFar, long pages);
    }

    DatasetResult run(TenantGraph graph, TenantId tenant, Dataset dataset, String runId, Progress progress);
}
