package dev.entrasync.jdbc.internal;

import dev.entrasync.Dataset;
import dev.entrasync.SinkContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sink_sessions} table: one row per open sink session, so that staged rows left by a process
 * that died mid-run can be found and purged once they are older than the abandon timeout.
 */
final class SinkSessions {

    private static final Logger LOG = LoggerFactory.getLogger(SinkSessions.class);

    private final Database db;
    private final Duration abandonedAfter;
    private final String insert;
    private final String delete;
    private final String stale;

    SinkSessions(Database db, Duration abandonedAfter) {
        this.db = db;
        this.abandonedAfter = abandonedAfter;
        String table = db.table("sink_sessions");
        insert = "INSERT INTO " + table + " (session_id, tenant_id, dataset, run_id, full_run, opened_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        delete = "DELETE FROM " + table + " WHERE session_id = ?";
        stale = "SELECT session_id FROM " + table + " WHERE dataset = ? AND opened_at < ?";
    }

    /** Records a new session and returns its id. */
    String open(SinkContext context) {
        String sessionId = UUID.randomUUID().toString();
        db.withConnection("opening the " + context.dataset().key() + " session of tenant " + context.tenant(), c -> {
            try (PreparedStatement statement = c.prepareStatement(insert)) {
                statement.setString(1, sessionId);
                statement.setString(2, context.tenant().value());
                statement.setString(3, context.dataset().key());
                statement.setString(4, context.runId());
                statement.setBoolean(5, context.fullRun());
                db.dialect().setInstant(statement, 6, db.now());
                return statement.executeUpdate();
            }
        });
        return sessionId;
    }

    /** Deletes the session's row, inside the caller's transaction. */
    void delete(Connection connection, String sessionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
            statement.setString(1, sessionId);
            statement.executeUpdate();
        }
    }

    /** Purges the staged rows and rows of the dataset's sessions opened before the abandon timeout. */
    int purgeAbandoned(Dataset dataset, List<String> stageTables) {
        Instant before = db.now().minus(abandonedAfter);
        List<String> abandoned = db.withConnection("finding abandoned " + dataset.key() + " sessions", c -> {
            try (PreparedStatement statement = c.prepareStatement(stale)) {
                statement.setString(1, dataset.key());
                db.dialect().setInstant(statement, 2, before);
                List<String> ids = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                return ids;
            }
        });
        for (String sessionId : abandoned) {
            db.inTransaction("purging abandoned " + dataset.key() + " session " + sessionId, c -> {
                for (String stageTable : stageTables) {
                    try (PreparedStatement statement =
                            c.prepareStatement("DELETE FROM " + stageTable + " WHERE session_id = ?")) {
                        statement.setString(1, sessionId);
                        statement.executeUpdate();
                    }
                }
                delete(c, sessionId);
                return null;
            });
            LOG.info(
                    "Purged the staged rows of an abandoned {} session ({}) opened before {}",
                    dataset.key(),
                    sessionId,
                    before);
        }
        return abandoned.size();
    }
}
