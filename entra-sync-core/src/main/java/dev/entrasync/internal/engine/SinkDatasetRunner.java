package dev.entrasync.internal.engine;

import dev.entrasync.CheckpointStore;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetSink;
import dev.entrasync.EntraSyncException;
import dev.entrasync.LicenseRequiredException;
import dev.entrasync.MissingPermissionException;
import dev.entrasync.SinkContext;
import dev.entrasync.SyncConfig;
import dev.entrasync.TenantId;
import dev.entrasync.internal.graph.Priority;
import dev.entrasync.internal.graph.RequestStats;
import dev.entrasync.internal.graph.TenantGraph;
import dev.entrasync.internal.graph.UsersFetcher;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a dataset into the sink: one session per run, completed on success, aborted on any failure. */
final class SinkDatasetRunner implements DatasetRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SinkDatasetRunner.class);

    private final DatasetSink sink;

    SinkDatasetRunner(DatasetSink sink, CheckpointStore checkpoints, SyncConfig config, Clock clock) {
        this.sink = sink;
    }

    @Override
    public DatasetResult run(TenantGraph graph, TenantId tenant, Dataset dataset, String runId, Progress progress) {
        RequestStats stats = new RequestStats();
        AtomicLong rows = new AtomicLong();
        AtomicLong pages = new AtomicLong();
        DatasetSink.Session session = sink.open(new SinkContext(tenant, dataset, runId, true));
        try {
            if (dataset != Dataset.USERS) {
                throw new IllegalArgumentException(dataset.key() + " is not supported by this runner");
            }
            UsersFetcher.fetch(graph, Priority.LOW, stats, page -> {
                if (!page.isEmpty()) {
                    session.upsert(page);
                    rows.addAndGet(page.size());
                }
                progress.page(dataset, rows.get(), pages.incrementAndGet());
            });
            session.complete();
            return new DatasetResult(dataset, DatasetResult.Status.SUCCEEDED, DatasetResult.Mode.FULL, rows.get(), 0,
                    stats.requests(), stats.throttledResponses(), stats.retryAfterWaited(), null, null, List.of());
        } catch (RuntimeException e) {
            session.abort(e);
            LOG.warn("Tenant {}: {} failed: {}", tenant, dataset.key(), e.getMessage());
            String fix = e instanceof MissingPermissionException m ? "Add " + m.permissions().get(0)
                    + " to the app registration and re-consent."
                    : e instanceof LicenseRequiredException l ? "The tenant needs " + l.licence() + "."
                    : e instanceof EntraSyncException x && x.isTransient() ? "Nothing to change; the next sync retries." : null;
            return new DatasetResult(dataset, DatasetResult.Status.FAILED, DatasetResult.Mode.FULL, 0, 0, stats.requests(),
                    stats.throttledResponses(), stats.retryAfterWaited(), e.getMessage(), fix, List.of());
        }
    }
}
