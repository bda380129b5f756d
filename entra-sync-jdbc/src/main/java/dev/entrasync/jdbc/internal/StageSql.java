package dev.entrasync.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements of a staged sink session for one dataset table, in the database's dialect. Named
 * parameters: {@code :tenant}, {@code :session}, {@code :run} and {@code :seen} (the completion time).
 *
 * <p>Rows are first written to the staging table; {@link #merge()} then moves a session's rows into the
 * live table in one set-based statement: new rows get {@code first_seen}; every delivered row gets
 * {@code last_seen}, {@code removed_at = NULL} and the run id. Replaying a run (same run id) keeps
 * {@code last_seen}, so a replay changes nothing.
 */
final class StageSql {

    final String stageUpsert;
    final NamedSql merge;
    final NamedSql applyRemovals;
    final NamedSql markUnseenRemoved;
    final NamedSql deleteStage;
    private final String selectStaged;
    private final String selectLive;
    /** The tenant's live, not removed rows (parameter: tenant), for the change feed of a series (secure scores). */
    final NamedSql selectAllLive;
    /** The tenant's live, not removed rows this session staged (parameters: tenant, session), for the change feed. */
    final NamedSql selectLiveStaged;
    /**
     * The tenant's live, not removed rows a full run can change (parameters: tenant, session): those this session did
     * not stage as an upsert of the same data columns, so the unseen, the removed and the changed ones.
     */
    final NamedSql selectLiveNotStagedAlike;
    /** The ids this session stages as upserts that have no live, not removed row (parameters: tenant, session). */
    final NamedSql selectNewStagedIds;

    StageSql(Database db, DatasetTable<?> table) {
        String live = db.table(table.name());
        String stage = db.table(table.stageName());
        List<String> stageColumns = new ArrayList<>(List.of("session_id", "id", "op"));
        stageColumns.addAll(table.columnNames());
        stageUpsert = db.dialect().upsert(stage, List.of("session_id", "id"), stageColumns);
        merge = NamedSql.parse(merge(db.dialect(), live, stage, table.columnNames()));
        applyRemovals = NamedSql.parse("UPDATE " + live + " SET removed_at = :seen WHERE tenant_id = :tenant"
                + " AND removed_at IS NULL AND id IN (SELECT s.id FROM " + stage
                + " s WHERE s.session_id = :session AND s.op = 'R')");
        markUnseenRemoved = NamedSql.parse("UPDATE " + live + " SET removed_at = :seen WHERE tenant_id = :tenant"
                + " AND removed_at IS NULL AND run_id <> :run");
        deleteStage = NamedSql.parse("DELETE FROM " + stage + " WHERE session_id = :session");
        selectStaged = "SELECT * FROM " + stage + " WHERE session_id = ? AND id IN (";
        selectLive = "SELECT * FROM " + live + " WHERE tenant_id = ? AND removed_at IS NULL AND id IN (";
        selectAllLive = NamedSql.parse("SELECT * FROM " + live + " WHERE tenant_id = :tenant AND removed_at IS NULL");
        selectLiveStaged = NamedSql.parse("SELECT * FROM " + live + " WHERE tenant_id = :tenant AND removed_at IS NULL"
                + " AND id IN (SELECT s.id FROM " + stage + " s WHERE s.session_id = :session)");
        String alike = table.columns().stream()
                .map(c -> " AND "
                        + db.dialect()
                                .sameValue(
                                        "s." + c.name(),
                                        "t." + c.name(),
                                        c.type() == ColumnType.VARCHAR || c.type() == ColumnType.TEXT))
                .collect(Collectors.joining());
        selectLiveNotStagedAlike = NamedSql.parse("SELECT t.* FROM " + live + " t WHERE t.tenant_id = :tenant"
                + " AND t.removed_at IS NULL AND NOT EXISTS (SELECT 1 FROM " + stage + " s"
                + " WHERE s.session_id = :session AND s.id = t.id AND s.op = 'U'" + alike + ")");
        selectNewStagedIds = NamedSql.parse("SELECT s.id FROM " + stage + " s WHERE s.session_id = :session"
                + " AND s.op = 'U' AND NOT EXISTS (SELECT 1 FROM " + live + " t WHERE t.tenant_id = :tenant"
                + " AND t.id = s.id AND t.removed_at IS NULL)");
    }

    /** This session's staged rows (any op) among {@code count} ids; parameters: session, then the ids. */
    String selectStaged(int count) {
        return selectStaged + placeholders(count) + ")";
    }

    /** The tenant's live, not removed rows among {@code count} ids; parameters: tenant, then the ids. */
    String selectLive(int count) {
        return selectLive + placeholders(count) + ")";
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static String merge(Dialect dialect, String live, String stage, List<String> columns) {
        String staged = columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
        String insertColumns = "tenant_id, id, " + String.join(", ", columns) + ", first_seen, last_seen, run_id";
        String selectStaged = " FROM " + stage + " s WHERE s.session_id = :session AND s.op = 'U'";
        return switch (dialect) {
            case POSTGRESQL ->
                "INSERT INTO " + live + " AS t (" + insertColumns + ") SELECT :tenant, s.id, " + staged
                        + ", :seen, :seen, :run" + selectStaged + " ON CONFLICT (tenant_id, id) DO UPDATE SET "
                        + columns.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "))
                        + ", last_seen = CASE WHEN t.run_id = EXCLUDED.run_id THEN t.last_seen ELSE EXCLUDED.last_seen END"
                        + ", removed_at = NULL, run_id = EXCLUDED.run_id";
            // MariaDB evaluates the assignments left to right, so run_id must be assigned last.
            case MARIADB ->
                "INSERT INTO " + live + " (" + insertColumns + ") SELECT :tenant, s.id, " + staged
                        + ", :seen, :seen, :run" + selectStaged + " ON DUPLICATE KEY UPDATE "
                        + columns.stream()
                                .map(c -> live + "." + c + " = VALUES(" + c + ")")
                                .collect(Collectors.joining(", "))
                        + ", " + live + ".last_seen = IF(" + live + ".run_id = VALUES(run_id), " + live + ".last_seen,"
                        + " VALUES(last_seen)), " + live + ".removed_at = NULL, " + live + ".run_id = VALUES(run_id)";
            case H2 ->
                "MERGE INTO " + live + " t USING (SELECT s.id, " + staged + selectStaged + ") s"
                        + " ON (t.tenant_id = :tenant AND t.id = s.id) WHEN MATCHED THEN UPDATE SET "
                        + columns.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
                        + ", last_seen = CASE WHEN t.run_id = :run THEN t.last_seen ELSE :seen END"
                        + ", removed_at = NULL, run_id = :run"
                        + " WHEN NOT MATCHED THEN INSERT (" + insertColumns + ") VALUES (:tenant, s.id, " + staged
                        + ", :seen, :seen, :run)";
        };
    }
}
