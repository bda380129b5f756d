package dev.entrasync.jdbc.internal;

import dev.entrasync.ChangeDetector;
import dev.entrasync.SinkContext;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's writes to one dataset table: upserts, removals and resolved patches go to the staging
 * table (one JDBC batch per call, keyed by session and id, so the latest operation on an id wins and a
 * replayed batch overwrites itself); {@link #complete} moves them into the live table.
 */
final class TableStage<R extends EntraRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(TableStage.class);
    private static final int IDS_PER_QUERY = 500;

    private final Database db;
    private final DatasetTable<R> table;
    private final StageSql sql;
    private final SinkContext context;
    private final String sessionId;

    TableStage(Database db, DatasetTable<R> table, StageSql sql, SinkContext context, String sessionId) {
        this.db = db;
        this.table = table;
        this.sql = sql;
        this.context = context;
        this.sessionId = sessionId;
    }

    DatasetTable<R> table() {
        return table;
    }

    /** Stages whole records; the last record of an id in the list wins. */
    void upsert(List<? extends EntraRecord> records) {
        Map<String, R> latest = new LinkedHashMap<>();
        for (EntraRecord record : records) {
            latest.put(record.id(), table.cast(record));
        }
        stage(latest.keySet(), latest, "staging " + latest.size() + " rows");
    }

    /** Stages removals. */
    void remove(Collection<String> ids) {
        stage(new LinkedHashSet<>(ids), Map.of(), "staging " + ids.size() + " removals");
    }

    /**
     * Resolves patches in order against what this session staged, else the live row (a removed row counts
     * as absent), and stages the merged records. A patch for an absent id is staged as its values when it
     * may insert, and dropped otherwise.
     */
    void merge(List<? extends RecordPatch<?>> patches) {
        Set<String> ids = new LinkedHashSet<>();
        patches.forEach(p -> ids.add(p.id()));
        Map<String, Optional<R>> current = load(ids);
        Map<String, R> merged = new LinkedHashMap<>();
        for (RecordPatch<?> patch : patches) {
            EntraRecord result = patch.applyTo(current.get(patch.id()).orElse(null));
            if (result != null) {
                R record = table.cast(result);
                current.put(patch.id(), Optional.of(record));
                merged.put(patch.id(), record);
            }
        }
        stage(merged.keySet(), merged, "staging " + merged.size() + " merged rows");
    }

    /**
     * Moves the staged rows into the live table on {@code connection}; returns {merged, removed}. When
     * {@code before} and {@code after} are given and the table's records take part in the change feed, the rows the
     * session may change are read into them as they are before and after the move, on the same connection: for a full
     * run the live rows not staged again with the same data columns (the database compares them) and the new ones,
     * for a delta run the staged ones, for a series (secure scores) all of the tenant's.
     */
    int[] complete(
            Connection connection,
            Map<String, Object> params,
            Map<String, EntraRecord> before,
            Map<String, EntraRecord> after)
            throws SQLException {
        boolean feed = before != null && ChangeDetector.tracks(table.type());
        boolean fullSet = context.fullRun() && !table.appendOnly();
        NamedSql touched = null;
        Set<String> candidates = null;
        int readBefore = 0;
        if (feed && !ChangeDetector.isSeries(table.type()) && fullSet) {
            candidates = new HashSet<>();
            readBefore = readInto(connection, sql.selectLiveNotStagedAlike, params, before, candidates);
            candidates.addAll(db.query(connection, sql.selectNewStagedIds, params, row -> row.string("id")));
        } else if (feed) {
            touched = ChangeDetector.isSeries(table.type()) ? sql.selectAllLive : sql.selectLiveStaged;
            readBefore = readInto(connection, touched, params, before, null);
        }
        int merged = update(connection, sql.merge, params);
        int removed = update(connection, sql.applyRemovals, params);
        if (fullSet) {
            removed += update(connection, sql.markUnseenRemoved, params);
        }
        if (feed) {
            int readAfter = touched != null
                    ? readInto(connection, touched, params, after, null)
                    : readCandidates(connection, candidates, after);
            LOG.debug(
                    "The change feed of the {} read {} rows before and {} after the merge",
                    describe(),
                    readBefore,
                    readAfter);
        }
        update(connection, sql.deleteStage, params);
        return new int[] {merged, removed};
    }

    /** Reads the live, not removed rows among {@code ids} into {@code into}, by id in chunks; returns their number. */
    private int readCandidates(Connection connection, Set<String> ids, Map<String, EntraRecord> into)
            throws SQLException {
        List<String> all = new ArrayList<>(ids);
        Map<String, Optional<R>> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            read(connection, sql.selectLive(chunk.size()), context.tenant().value(), chunk, found, false);
        }
        found.forEach((id, record) -> into.put(id, record.orElseThrow()));
        return found.size();
    }

    /**
     * Reads the rows of {@code query} into {@code into}, adding their ids to {@code ids} unless it is null; returns the
     * number of rows read.
     */
    private int readInto(
            Connection connection,
            NamedSql query,
            Map<String, Object> params,
            Map<String, EntraRecord> into,
            Set<String> ids)
            throws SQLException {
        List<String> read = db.query(connection, query, params, row -> {
            String id = row.string("id");
            into.put(id, table.reader().read(row));
            return id;
        });
        if (ids != null) {
            ids.addAll(read);
        }
        return read.size();
    }

    /** Deletes the staged rows on {@code connection}. */
    void discard(Connection connection) throws SQLException {
        update(connection, sql.deleteStage, Map.of("session", sessionId));
    }

    private Map<String, Optional<R>> load(Set<String> ids) {
        Map<String, Optional<R>> current = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            db.withConnection("reading " + chunk.size() + " rows to merge into " + describe(), c -> {
                read(c, sql.selectStaged(chunk.size()), sessionId, chunk, current, true);
                List<String> unstaged =
                        chunk.stream().filter(id -> !current.containsKey(id)).toList();
                if (!unstaged.isEmpty()) {
                    read(c, sql.selectLive(unstaged.size()), context.tenant().value(), unstaged, current, false);
                }
                return null;
            });
        }
        ids.forEach(id -> current.putIfAbsent(id, Optional.empty()));
        return current;
    }

    private void read(
            Connection c, String query, String owner, List<String> ids, Map<String, Optional<R>> into, boolean staged)
            throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(query)) {
            statement.setString(1, owner);
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(i + 2, ids.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                Row row = new Row(rows, db.dialect());
                while (rows.next()) {
                    boolean removed = staged && "R".equals(rows.getString("op"));
                    into.put(
                            rows.getString("id"),
                            removed
                                    ? Optional.empty()
                                    : Optional.of(table.reader().read(row)));
                }
            }
        }
    }

    private void stage(Collection<String> ids, Map<String, R> records, String operation) {
        if (ids.isEmpty()) {
            return;
        }
        db.inTransaction(operation + " of the " + describe(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.stageUpsert)) {
                for (String id : ids) {
                    R record = records.get(id);
                    statement.setString(1, sessionId);
                    statement.setString(2, id);
                    statement.setString(3, record == null ? "R" : "U");
                    int index = 4;
                    for (Column<R> column : table.columns()) {
                        column.type()
                                .bind(
                                        statement,
                                        index++,
                                        record == null ? null : column.value().apply(record),
                                        db.dialect());
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    private int update(Connection connection, NamedSql statement, Map<String, Object> params) throws SQLException {
        try (PreparedStatement prepared = statement.prepare(connection, db.dialect(), params)) {
            return prepared.executeUpdate();
        }
    }

    String describe() {
        return table.name() + " session of tenant " + context.tenant() + " (run " + context.runId() + ")";
    }
}
