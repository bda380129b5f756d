package dev.entrasync.internal.engine;

import dev.entrasync.Checkpoint;
import dev.entrasync.CheckpointStore;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.DatasetResult.Status;
import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.SyncConfig;
import dev.entrasync.TenantId;
import dev.entrasync.TokenException;
import dev.entrasync.internal.graph.DatasetFetcher;
import dev.entrasync.internal.graph.DeltaTokenExpiredException;
import dev.entrasync.internal.graph.FetchContext;
import dev.entrasync.internal.graph.RequestStats;
import dev.entrasync.internal.graph.TenantGraph;
import dev.entrasync.internal.graph.TenantIndexes;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dataset of one tenant run: plans full, delta or append from the saved checkpoint, opens the
 * sink session, fetches, completes it and only then saves the new checkpoint. A failure aborts the
 * session and keeps the checkpoint; a delta link that is not on Graph's origin is never sent (a saved
 * one is dropped with a warning and a full round runs) and never saved; a rejected delta link aborts
 * the delta session and redoes the run as a full round. An {@link Error} (the process stopping)
 * propagates with nothing completed.
 */
final class DatasetRun {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetRun.class);

    private final DatasetSink sink;
    private final CheckpointStore checkpoints;
    private final SyncConfig config;

    DatasetRun(DatasetSink sink, CheckpointStore checkpoints, SyncConfig config) {
        this.sink = sink;
        this.checkpoints = checkpoints;
        this.config = config;
    }

    DatasetResult run(
            DatasetFetcher fetcher,
            TenantGraph graph,
            TenantId tenant,
            String runId,
            Instant startedAt,
            TenantIndexes indexes,
            SyncProgress progress) {
        Dataset dataset = fetcher.dataset();
        RequestStats stats = new RequestStats();
        Mode mode = Mode.FULL;
        SessionWriter writer = null;
        try {
            Checkpoint previous = checkpoints.load(tenant, dataset).orElse(null);
            String refused = null;
            if (previous != null && previous.deltaLink() != null && !graph.onGraphOrigin(previous.deltaLink())) {
                refused = "The saved delta link of " + dataset.key() + " in tenant " + tenant.value() + " is not on the"
                        + " credential's Graph URL "
                        + graph.credential().cloud().graphUrl() + ", so it was not sent"
                        + " (entra-sync sends requests and its token only to Graph's own origin); a full round was run"
                        + " instead and its delta link replaces the saved one. Check what else wrote to the checkpoint store.";
                LOG.warn("Tenant {}: {}", tenant, refused);
                previous = new Checkpoint(null, previous.watermark(), null, previous.trackedIds());
            }
            mode = fetcher.plan(previous, config, startedAt);
            while (true) {
                progress.datasetStarted(tenant, dataset, mode);
                writer = new SessionWriter(
                        sink.open(new SinkContext(tenant, dataset, runId, mode == Mode.FULL)),
                        tenant,
                        dataset,
                        progress);
                FetchContext context =
                        new FetchContext(graph, stats, writer, previous, mode, config, startedAt, indexes);
                if (refused != null) {
                    context.warn(refused);
                }
                Checkpoint next;
                try {
                    next = fetcher.fetch(context);
                } catch (DeltaTokenExpiredException e) {
                    if (mode == Mode.FULL) {
                        throw e;
                    }
                    LOG.info("Tenant {}: {}", tenant, e.getMessage());
                    writer.abort(e);
                    mode = Mode.FULL;
                    continue;
                }
                if (next != null && next.deltaLink() != null && !graph.onGraphOrigin(next.deltaLink())) {
                    throw graph.offOrigin("@odata.deltaLink", next.deltaLink(), dataset.key());
                }
                writer.complete();
                if (next != null) {
                    checkpoints.save(tenant, dataset, next);
                }
                return finished(
                        tenant,
                        progress,
                        new DatasetResult(
                                dataset,
                                Status.SUCCEEDED,
                                mode,
                                writer.upserted(),
                                writer.removed(),
                                stats.requests(),
                                stats.throttledResponses(),
                                stats.unavailableResponses(),
                                stats.retryAfterWaited(),
                                null,
                                null,
                                context.warnings()));
            }
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.abort(e);
            }
            if (e instanceof TokenException token) { // the classifier hands a refused token on as it is
                progress.tokenFailed(tenant, token);
            }
            LOG.warn("Tenant {}: {} failed: {}", tenant, dataset.key(), e.getMessage());
            // The aborted session kept nothing: the result counts what was stored (0), and says apart what was read.
            long read = writer == null ? 0 : writer.upserted();
            return finished(
                    tenant,
                    progress,
                    new DatasetResult(
                            dataset,
                            Status.FAILED,
                            mode,
                            0,
                            0,
                            stats.requests(),
                            stats.throttledResponses(),
                            stats.unavailableResponses(),
                            stats.retryAfterWaited(),
                            Failures.message(e, tenant),
                            Failures.fix(e),
                            read == 0
                                    ? List.of()
                                    : List.of(read + " rows were read before the failure; none were kept (the"
                                            + " previous data stays as it was)")));
        }
    }

    private static DatasetResult finished(TenantId tenant, SyncProgress progress, DatasetResult result) {
        progress.datasetFinished(tenant, result);
        return result;
    }
}
