package dev.entrasync.jdbc.internal;

import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.model.EntraRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Opens {@link StagedSession}s: the machinery behind {@code JdbcDatasetSink}. Thread-safe. */
public final class StagingSink {

    private final Database db;
    private final SinkSessions sessions;
    private final ChangeLog changeLog;
    private final Map<DatasetTable<?>, StageSql> statements = new ConcurrentHashMap<>();

    public StagingSink(Database db, Duration abandonedAfter, ChangeLog changeLog) {
        this.db = Objects.requireNonNull(db, "db");
        this.sessions = new SinkSessions(db, abandonedAfter);
        this.changeLog = Objects.requireNonNull(changeLog, "changeLog");
    }

    /** Purges the dataset's abandoned sessions, then records and returns a new session. */
    public DatasetSink.Session open(SinkContext context) {
        Objects.requireNonNull(context, "context");
        List<DatasetTable<?>> tables = DatasetTables.of(context.dataset());
        sessions.purgeAbandoned(
                context.dataset(),
                tables.stream().map(t -> db.table(t.stageName())).toList());
        String sessionId = sessions.open(context);
        List<TableStage<?>> stages = new ArrayList<>();
        for (DatasetTable<?> table : tables) {
            stages.add(stage(table, context, sessionId));
        }
        return new StagedSession(db, stages, sessions, changeLog, context, sessionId);
    }

    private <R extends EntraRecord> TableStage<R> stage(DatasetTable<R> table, SinkContext context, String sessionId) {
        StageSql sql = statements.computeIfAbsent(table, t -> new StageSql(db, t));
        return new TableStage<>(db, table, sql, context, sessionId);
    }
}
