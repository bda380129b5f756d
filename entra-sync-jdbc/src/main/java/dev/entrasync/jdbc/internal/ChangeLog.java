package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.NamedSql.params;

import dev.entrasync.Change;
import dev.entrasync.Dataset;
import dev.entrasync.FieldChange;
import dev.entrasync.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The changes table and the baselines of the change feed: a session's changes are written, and changes older than
 * the retention deleted, on the connection of the session's completing transaction. Thread-safe.
 */
public final class ChangeLog {

    private final Database db;
    private final Duration retention;
    private final NamedSql baselineExists;
    private final NamedSql insertBaseline;
    private final NamedSql insert;
    private final NamedSql purgeExpired;
    private final String select;

    public ChangeLog(Database db, Duration retention) {
        this.db = Objects.requireNonNull(db, "db");
        this.retention = Objects.requireNonNull(retention, "retention");
        String baselines = db.table("change_baselines");
        String changes = db.table("changes");
        baselineExists = NamedSql.parse(
                "SELECT tenant_id FROM " + baselines + " WHERE tenant_id = :tenant AND dataset = :dataset");
        insertBaseline = NamedSql.parse(
                "INSERT INTO " + baselines + " (tenant_id, dataset, baseline_at) VALUES (:tenant, :dataset, :at)");
        insert = NamedSql.parse("INSERT INTO " + changes
                + " (id, tenant_id, dataset, run_id, seq, changed_at, kind, object_id, display_name, fields)"
                + " VALUES (:id, :tenant, :dataset, :run, :seq, :at, :kind, :object, :name, :fields)");
        purgeExpired = NamedSql.parse("DELETE FROM " + changes + " WHERE tenant_id = :tenant AND changed_at < :before");
        select = "SELECT * FROM " + changes + " WHERE tenant_id = :tenant AND changed_at >= :from AND changed_at < :to";
    }

    /**
     * Whether the tenant's dataset has no completed session yet; records its baseline when so, so the session being
     * completed on {@code connection} is the baseline.
     */
    boolean baseline(Connection connection, TenantId tenant, Dataset dataset, Instant at) throws SQLException {
        Map<String, Object> key = params("tenant", tenant.value(), "dataset", dataset.key());
        if (!db.query(connection, baselineExists, key, row -> row.string("tenant_id"))
                .isEmpty()) {
            return false;
        }
        db.update(connection, insertBaseline, params("tenant", tenant.value(), "dataset", dataset.key(), "at", at));
        return true;
    }

    /** Writes a session's changes and deletes the tenant's changes older than the retention. */
    void write(Connection connection, String runId, List<Change> changes, TenantId tenant, Instant now)
            throws SQLException {
        int seq = 0;
        for (Change change : changes) {
            Map<String, Object> values = new java.util.HashMap<>();
            values.put("id", UUID.randomUUID().toString());
            values.put("tenant", change.tenant().value());
            values.put("dataset", change.dataset().key());
            values.put("run", runId);
            values.put("seq", seq++);
            values.put("at", change.at());
            values.put("kind", change.kind().name());
            values.put("object", change.objectId());
            values.put("name", change.displayName());
            values.put("fields", JsonText.write(change.fields()));
            db.update(connection, insert, values);
        }
        db.update(connection, purgeExpired, params("tenant", tenant.value(), "before", now.minus(retention)));
    }

    /** The tenant's changes in [from, to) of the given kinds (all kinds when empty), oldest first. */
    public List<Change> read(TenantId tenant, Instant from, Instant to, Collection<Change.Kind> kinds) {
        StringBuilder sql = new StringBuilder(select);
        Map<String, Object> values = new java.util.HashMap<>(params("tenant", tenant.value(), "from", from, "to", to));
        if (!kinds.isEmpty()) {
            List<String> names = new ArrayList<>();
            int i = 0;
            for (Change.Kind kind : kinds) {
                names.add(":kind" + i);
                values.put("kind" + i++, kind.name());
            }
            sql.append(" AND kind IN (").append(String.join(", ", names)).append(")");
        }
        sql.append(" ORDER BY changed_at, run_id, dataset, seq");
        NamedSql query = NamedSql.parse(sql.toString());
        return db.withConnection(
                "reading the changes of tenant " + tenant,
                c -> db.query(
                        c,
                        query,
                        values,
                        row -> new Change(
                                TenantId.of(row.string("tenant_id")),
                                Dataset.of(row.string("dataset")),
                                Change.Kind.valueOf(row.string("kind")),
                                row.string("object_id"),
                                row.string("display_name"),
                                row.objects("fields", FieldChange.class),
                                row.instant("changed_at"))));
    }
}
