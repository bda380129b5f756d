package dev.entrasync.jdbc.internal;

import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.model.EntraRecord;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Opens {@link StagedSession}s: the machinery behind {@code JdbcDatasetSink}. Thread-safe. */
public final class StagingSink {

    private final Database db;
    private final SinkSessions sessions;
    private final Map<DatasetTable<?>, StageSql> statements = new ConcurrentHashMap<>();

    public StagingSink(Database db, Duration abandonedAfter) {
        this.db = Objects.requireNonNull(db, "db");
        this.sessions = new SinkSessions(db, abandonedAfter);
    }

    /**
     * Purges the dataset's abandoned sessions, then records and returns a new session.
     *
     * @throws IllegalArgumentException if this version keeps no table for the context's dataset
     */
    public DatasetSink.Session open(SinkContext context) {
        Objects.requireNonNull(context, "context");
        return open(DatasetTables.require(context.dataset()), context);
    }

    private <R extends EntraRecord> DatasetSink.Session open(DatasetTable<R> table, SinkContext context) {
        StageSql sql = statements.computeIfAbsent(table, t -> new StageSql(db, t));
        sessions.purgeAbandoned(context.dataset(), db.table(table.stageName()));
        return new StagedSession<>(db, table, sql, sessions, context, sessions.open(context));
    }
}
