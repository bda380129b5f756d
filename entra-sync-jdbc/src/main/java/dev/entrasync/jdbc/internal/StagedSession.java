package dev.entrasync.jdbc.internal;

import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.model.EntraRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink session that writes each batch to the dataset's staging table (one JDBC batch per call, keyed
 * by session and object id, so a replayed batch overwrites itself) and touches the live table only in
 * {@link #complete()}, in one transaction. {@link #abort} and a crash therefore leave the live table as
 * the last completed session left it. Used by one thread at a time.
 */
final class StagedSession<R extends EntraRecord> implements DatasetSink.Session {

    private static final Logger LOG = LoggerFactory.getLogger(StagedSession.class);

    private final Database db;
    private final DatasetTable<R> table;
    private final StageSql sql;
    private final SinkSessions sessions;
    private final SinkContext context;
    private final String sessionId;
    private boolean finished;

    StagedSession(Database db, DatasetTable<R> table, StageSql sql, SinkSessions sessions, SinkContext context,
                  String sessionId) {
        this.db = db;
        this.table = table;
        this.sql = sql;
        this.sessions = sessions;
        this.context = context;
        this.sessionId = sessionId;
    }

    @Override
    public void upsert(List<? extends EntraRecord> batch) {
        Objects.requireNonNull(batch, "batch");
        Map<String, R> latest = new LinkedHashMap<>();
        for (EntraRecord record : batch) {
            latest.put(record.id(), table.cast(record));
        }
        stage(latest.keySet(), latest, "staging " + latest.size() + " rows of the " + describe());
    }

    @Override
    public void remove(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        stage(new LinkedHashSet<>(ids), Map.of(), "staging " + ids.size() + " removals of the " + describe());
    }

    private void stage(Collection<String> ids, Map<String, R> records, String operation) {
        ensureOpen();
        if (ids.isEmpty()) {
            return;
        }
        db.inTransaction(operation, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.stageUpsert)) {
                for (String id : ids) {
                    R record = records.get(id);
                    statement.setString(1, sessionId);
                    statement.setString(2, id);
                    statement.setString(3, record == null ? "R" : "U");
                    int index = 4;
                    for (Column<R> column : table.columns()) {
                        column.type().bind(statement, index++, record == null ? null : column.value().apply(record),
                                db.dialect());
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void complete() {
        ensureOpen();
        Instant seen = db.now();
        Map<String, Object> params = Map.of("tenant", context.tenant().value(), "session", sessionId,
                "run", context.runId(), "seen", seen);
        int[] counts = db.inTransaction("completing the " + describe(), connection -> {
            int merged = update(connection, sql.merge, params);
            int removed = update(connection, sql.applyRemovals, params);
            if (context.fullRun() && !table.appendOnly()) {
                removed += update(connection, sql.markUnseenRemoved, params);
            }
            update(connection, sql.deleteStage, params);
            sessions.delete(connection, sessionId);
            return new int[] {merged, removed};
        });
        finished = true;
        LOG.debug("Completed {}: {} rows merged, {} marked removed", describe(), counts[0], counts[1]);
    }

    @Override
    public void abort(Throwable cause) {
        if (finished) {
            return;
        }
        finished = true;
        try {
            db.inTransaction("discarding the " + describe(), connection -> {
                update(connection, sql.deleteStage, Map.of("session", sessionId));
                sessions.delete(connection, sessionId);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not discard the staged rows of {} ({}); they are purged when stale", describe(),
                    e.getMessage());
        }
    }

    private int update(Connection connection, NamedSql statement, Map<String, Object> params) throws SQLException {
        try (PreparedStatement prepared = statement.prepare(connection, db.dialect(), params)) {
            return prepared.executeUpdate();
        }
    }

    private void ensureOpen() {
        if (finished) {
            throw new IllegalStateException("the " + describe() + " is already completed or aborted;"
                    + " open a new session for the next run");
        }
    }

    private String describe() {
        return table.dataset().key() + " session of tenant " + context.tenant() + " (run " + context.runId() + ")";
    }
}
