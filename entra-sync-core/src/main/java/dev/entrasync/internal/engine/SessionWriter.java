package dev.entrasync.internal.engine;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.TenantId;
import dev.entrasync.internal.graph.RecordWriter;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import java.util.Collection;
import java.util.List;

/**
 * A dataset's sink session behind the fetchers' {@link RecordWriter}: skips empty lists, counts rows
 * (whole records and delta items; derived-field refreshes are not new rows), reports progress, and
 * remembers whether the session ended so it is completed or aborted exactly once.
 */
final class SessionWriter implements RecordWriter {

    private final DatasetSink.Session session;
    private final TenantId tenant;
    private final Dataset dataset;
    private final SyncProgress progress;
    private long upserted;
    private long removed;
    private boolean ended;

    SessionWriter(DatasetSink.Session session, TenantId tenant, Dataset dataset, SyncProgress progress) {
        this.session = session;
        this.tenant = tenant;
        this.dataset = dataset;
        this.progress = progress;
    }

    @Override
    public void upsert(List<? extends EntraRecord> records) {
        if (!records.isEmpty()) {
            session.upsert(records);
            upserted += records.size();
            progress.rowsWritten(tenant, dataset, upserted, removed);
        }
    }

    @Override
    public void merge(List<? extends RecordPatch<?>> patches) {
        if (!patches.isEmpty()) {
            session.merge(patches);
            long items = patches.stream().filter(RecordPatch::insertIfAbsent).count();
            if (items > 0) {
                upserted += items;
                progress.rowsWritten(tenant, dataset, upserted, removed);
            }
        }
    }

    @Override
    public void remove(Collection<String> ids) {
        if (!ids.isEmpty()) {
            session.remove(ids);
            removed += ids.size();
            progress.rowsWritten(tenant, dataset, upserted, removed);
        }
    }

    /** Completes the session and tells the progress the changes it made, if any. */
    void complete() {
        ended = true;
        session.complete();
        java.util.List<dev.entrasync.Change> changes = session.changes();
        if (changes != null && !changes.isEmpty()) {
            progress.changes(tenant, dataset, changes);
        }
    }

    /** Aborts unless the session already ended; never throws. */
    void abort(Throwable cause) {
        if (!ended) {
            ended = true;
            try {
                session.abort(cause);
            } catch (RuntimeException ignored) {
                // the contract says abort must not throw; a sink that does anyway must not hide the cause
            }
        }
    }

    long upserted() {
        return upserted;
    }

    long removed() {
        return removed;
    }
}
