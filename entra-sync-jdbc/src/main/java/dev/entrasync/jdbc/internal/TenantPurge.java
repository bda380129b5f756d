package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.NamedSql.params;

import dev.entrasync.TenantId;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes everything synced for a tenant: its rows of every dataset table, its checkpoints, its changes and change
 * baselines, its findings (so a tenant mapped again starts with a new baseline), in one transaction.
 */
public final class TenantPurge {

    private final Database db;
    private final List<NamedSql> deletes = new ArrayList<>();

    public TenantPurge(Database db) {
        this.db = db;
        for (DatasetTable<?> table : DatasetTables.all()) {
            deletes.add(NamedSql.parse("DELETE FROM " + db.table(table.name()) + " WHERE tenant_id = :tenant"));
        }
        deletes.add(NamedSql.parse("DELETE FROM " + db.table("checkpoints") + " WHERE tenant_id = :tenant"));
        deletes.add(NamedSql.parse("DELETE FROM " + db.table("changes") + " WHERE tenant_id = :tenant"));
        deletes.add(NamedSql.parse("DELETE FROM " + db.table("change_baselines") + " WHERE tenant_id = :tenant"));
        deletes.add(NamedSql.parse("DELETE FROM " + db.table("findings") + " WHERE tenant_id = :tenant"));
    }

    /** Returns how many rows were deleted. */
    public int purge(TenantId tenant) {
        return db.inTransaction("purging the synced data of tenant " + tenant, c -> {
            int rows = 0;
            for (NamedSql delete : deletes) {
                rows += db.update(c, delete, params("tenant", tenant.value()));
            }
            return rows;
        });
    }
}
