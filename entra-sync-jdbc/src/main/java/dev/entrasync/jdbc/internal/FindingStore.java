package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.NamedSql.params;

import dev.entrasync.TenantId;
import dev.entrasync.findings.AffectedObject;
import dev.entrasync.findings.Finding;
import dev.entrasync.findings.Severity;
import dev.entrasync.jdbc.JdbcStoreException;
import dev.entrasync.jdbc.StoredFinding;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The findings table: an evaluation's findings merged into each tenant's rows with their lifecycle. Thread-safe. */
public final class FindingStore {

    private final Database db;
    private final NamedSql select;
    private final NamedSql selectOpen;
    private final NamedSql insert;
    private final NamedSql update;
    private final NamedSql resolve;
    private final NamedSql acknowledge;
    private final NamedSql mute;

    public FindingStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        String t = db.table("findings");
        select = NamedSql.parse("SELECT * FROM " + t + " WHERE tenant_id = :tenant ORDER BY rule_id");
        selectOpen = NamedSql.parse("SELECT * FROM " + t + " WHERE resolved_at IS NULL ORDER BY tenant_id, rule_id");
        insert = NamedSql.parse("INSERT INTO " + t + " (tenant_id, rule_id, severity, title, detail, fix, affected,"
                + " affected_count, first_seen, last_seen, muted) VALUES (:tenant, :rule, :severity, :title, :detail,"
                + " :fix, :affected, :count, :at, :at, :muted)");
        update = NamedSql.parse("UPDATE " + t + " SET severity = :severity, title = :title, detail = :detail,"
                + " fix = :fix, affected = :affected, affected_count = :count, last_seen = :at, resolved_at = NULL"
                + " WHERE tenant_id = :tenant AND rule_id = :rule");
        resolve = NamedSql.parse("UPDATE " + t + " SET resolved_at = :at"
                + " WHERE tenant_id = :tenant AND rule_id = :rule AND resolved_at IS NULL");
        acknowledge = NamedSql.parse(
                "UPDATE " + t + " SET acknowledged_at = :at WHERE tenant_id = :tenant AND rule_id = :rule");
        mute = NamedSql.parse("UPDATE " + t + " SET muted = :muted WHERE tenant_id = :tenant AND rule_id = :rule");
    }

    /**
     * Merges one evaluation into the tenant's rows, in one transaction: each finding inserted or updated (and reopened
     * when it was resolved), and the open rows of the evaluated rules it did not find resolved.
     */
    public void record(TenantId tenant, Collection<String> evaluatedRules, List<Finding> findings, Instant at) {
        try {
            merge(tenant, evaluatedRules, findings, at);
        } catch (JdbcStoreException e) {
            // two evaluations of one tenant at once (two engines, or a host's evaluate beside a job) both found no row
            // and both inserted: the loser's transaction rolled back whole; merged again it sees the winner's rows
            if (e.sqlState() == null || !e.sqlState().startsWith("23")) {
                throw e;
            }
            merge(tenant, evaluatedRules, findings, at);
        }
    }

    private void merge(TenantId tenant, Collection<String> evaluatedRules, List<Finding> findings, Instant at) {
        db.inTransaction("storing the findings of tenant " + tenant, c -> {
            Set<String> existing =
                    new HashSet<>(db.query(c, select, params("tenant", tenant.value()), row -> row.string("rule_id")));
            Set<String> found = new HashSet<>();
            for (Finding f : findings) {
                found.add(f.ruleId());
                Map<String, Object> values = new HashMap<>();
                values.put("tenant", tenant.value());
                values.put("rule", f.ruleId());
                values.put("severity", f.severity().name());
                values.put("title", f.title());
                values.put("detail", f.detail());
                values.put("fix", f.fix());
                values.put("affected", JsonText.write(f.affected()));
                values.put("count", f.affected().size());
                values.put("at", at);
                values.put("muted", false);
                db.update(c, existing.contains(f.ruleId()) ? update : insert, values);
            }
            for (String rule : evaluatedRules) {
                if (existing.contains(rule) && !found.contains(rule)) {
                    db.update(c, resolve, params("tenant", tenant.value(), "rule", rule, "at", at));
                }
            }
            return null;
        });
    }

    /** The tenant's findings, open and resolved, by rule id. */
    public List<StoredFinding> read(TenantId tenant) {
        return db.withConnection(
                "reading the findings of tenant " + tenant,
                c -> db.query(c, select, params("tenant", tenant.value()), FindingStore::stored));
    }

    /** Every tenant's open findings, by tenant id and rule id, in one query. */
    public List<StoredFinding> readOpen() {
        return db.withConnection(
                "reading the open findings of every tenant",
                c -> db.query(c, selectOpen, Map.of(), FindingStore::stored));
    }

    private static StoredFinding stored(Row row) throws SQLException {
        return new StoredFinding(
                TenantId.of(row.string("tenant_id")),
                new Finding(
                        row.string("rule_id"),
                        Severity.valueOf(row.string("severity")),
                        row.string("title"),
                        row.string("detail"),
                        row.string("fix"),
                        row.objects("affected", AffectedObject.class)),
                row.instant("first_seen"),
                row.instant("last_seen"),
                row.instant("resolved_at"),
                row.instant("acknowledged_at"),
                Boolean.TRUE.equals(row.bool("muted")));
    }

    /** Sets when a person acknowledged the tenant's finding of the rule; false when there is no such finding. */
    public boolean acknowledge(TenantId tenant, String ruleId, Instant at) {
        return db.withConnection(
                        "acknowledging finding " + ruleId + " of tenant " + tenant,
                        c -> db.update(c, acknowledge, params("tenant", tenant.value(), "rule", ruleId, "at", at)))
                > 0;
    }

    /** Mutes or unmutes the tenant's finding of the rule; false when there is no such finding. */
    public boolean mute(TenantId tenant, String ruleId, boolean muted) {
        return db.withConnection(
                        "muting finding " + ruleId + " of tenant " + tenant,
                        c -> db.update(c, mute, params("tenant", tenant.value(), "rule", ruleId, "muted", muted)))
                > 0;
    }
}
