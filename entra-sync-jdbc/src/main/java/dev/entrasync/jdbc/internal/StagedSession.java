package dev.entrasync.jdbc.internal;

import dev.entrasync.Change;
import dev.entrasync.ChangeDetector;
import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink session over a dataset's tables (one, or two for secure scores: snapshots and control
 * profiles). Writes are staged per table; the live tables change only in {@link #complete()}, in one
 * transaction, so {@link #abort} and a crash leave them as the last completed session left them.
 * Used by one thread at a time.
 */
final class StagedSession implements DatasetSink.Session {

    private static final Logger LOG = LoggerFactory.getLogger(StagedSession.class);

    private final Database db;
    private final List<TableStage<?>> stages;
    private final SinkSessions sessions;
    private final SinkContext context;
    private final String sessionId;
    private final ChangeLog changeLog;
    private boolean finished;
    private List<Change> changes = List.of();

    StagedSession(
            Database db,
            List<TableStage<?>> stages,
            SinkSessions sessions,
            ChangeLog changeLog,
            SinkContext context,
            String sessionId) {
        this.db = db;
        this.changeLog = changeLog;
        this.stages = List.copyOf(stages);
        this.sessions = sessions;
        this.context = context;
        this.sessionId = sessionId;
    }

    @Override
    public void upsert(List<? extends EntraRecord> batch) {
        Objects.requireNonNull(batch, "batch");
        ensureOpen();
        byTable(batch, r -> r).forEach(TableStage::upsert);
    }

    @Override
    public void merge(List<? extends RecordPatch<?>> patches) {
        Objects.requireNonNull(patches, "patches");
        ensureOpen();
        List<RecordPatch<?>> copy = List.copyOf(patches);
        byTable(copy, RecordPatch::values).forEach(TableStage::merge);
    }

    @Override
    public void remove(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        ensureOpen();
        stages.forEach(stage -> stage.remove(ids));
    }

    @Override
    public void complete() {
        ensureOpen();
        Instant seen = db.now();
        Map<String, Object> params =
                Map.of("tenant", context.tenant().value(), "session", sessionId, "run", context.runId(), "seen", seen);
        List<List<Change>> found = new ArrayList<>(1);
        int[] totals = db.inTransaction("completing the " + describe(), connection -> {
            found.clear();
            boolean baseline = changeLog.baseline(connection, context.tenant(), context.dataset(), seen);
            Map<String, EntraRecord> before = baseline ? null : new HashMap<>();
            Map<String, EntraRecord> after = baseline ? null : new HashMap<>();
            int[] sum = new int[2];
            for (TableStage<?> stage : stages) {
                int[] counts = stage.complete(connection, params, before, after);
                sum[0] += counts[0];
                sum[1] += counts[1];
            }
            List<Change> changes = baseline ? List.of() : ChangeDetector.changes(context, before, after, seen);
            changeLog.write(connection, context.runId(), changes, context.tenant(), seen);
            found.add(changes);
            sessions.delete(connection, sessionId);
            return sum;
        });
        finished = true;
        changes = found.get(0);
        LOG.debug("Completed the {}: {} rows merged, {} marked removed", describe(), totals[0], totals[1]);
    }

    @Override
    public List<Change> changes() {
        return changes;
    }

    @Override
    public void abort(Throwable cause) {
        if (finished) {
            return;
        }
        finished = true;
        try {
            db.inTransaction("discarding the " + describe(), connection -> {
                for (TableStage<?> stage : stages) {
                    stage.discard(connection);
                }
                sessions.delete(connection, sessionId);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not discard the staged rows of the {} ({}); they are purged once stale",
                    describe(),
                    e.getMessage());
        }
    }

    /** Groups items by the table their record type belongs to, keeping their order within each table. */
    private <T> Map<TableStage<?>, List<T>> byTable(List<? extends T> items, Function<T, EntraRecord> record) {
        Map<TableStage<?>, List<T>> grouped = new LinkedHashMap<>();
        for (T item : items) {
            grouped.computeIfAbsent(stageFor(record.apply(item)), s -> new ArrayList<>())
                    .add(item);
        }
        return grouped;
    }

    private TableStage<?> stageFor(EntraRecord record) {
        for (TableStage<?> stage : stages) {
            if (stage.table().type().isInstance(record)) {
                return stage;
            }
        }
        return stages.get(0);
    }

    private void ensureOpen() {
        if (finished) {
            throw new IllegalStateException(
                    "the " + describe() + " is already completed or aborted;" + " open a new session for the next run");
        }
    }

    private String describe() {
        return context.dataset().key() + " session of tenant " + context.tenant() + " (run " + context.runId() + ")";
    }
}
