package dev.entrasync.jdbc;

import static dev.entrasync.jdbc.internal.NamedSql.params;

import dev.entrasync.Checkpoint;
import dev.entrasync.CheckpointStore;
import dev.entrasync.Dataset;
import dev.entrasync.TenantId;
import dev.entrasync.jdbc.internal.Database;
import dev.entrasync.jdbc.internal.JsonText;
import dev.entrasync.jdbc.internal.NamedSql;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CheckpointStore} in the {@code checkpoints} table, one row per (tenant, dataset), beside the
 * synced data it describes. A delta link carries no secret but lets a token holder read the tenant's
 * changes, so it is kept with the same care as the data. Get it from {@link JdbcStorage#checkpointStore()}.
 * Thread-safe; one connection per call.
 */
public final class JdbcCheckpointStore implements CheckpointStore {

    private final Database db;
    private final String upsert;
    private final NamedSql select;
    private final NamedSql delete;

    JdbcCheckpointStore(Database db) {
        this.db = db;
        this.upsert = db.dialect()
                .upsert(
                        db.table("checkpoints"),
                        List.of("tenant_id", "dataset"),
                        List.of(
                                "tenant_id",
                                "dataset",
                                "delta_link",
                                "watermark",
                                "full_round_at",
                                "tracked_ids",
                                "saved_at"));
        this.select = NamedSql.parse(
                "SELECT * FROM " + db.table("checkpoints") + " WHERE tenant_id = :tenant AND dataset = :dataset");
        this.delete = NamedSql.parse(
                "DELETE FROM " + db.table("checkpoints") + " WHERE tenant_id = :tenant AND dataset = :dataset");
    }

    @Override
    public Optional<Checkpoint> load(TenantId tenant, Dataset dataset) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(dataset, "dataset");
        return db
                .withConnection(
                        "loading the " + dataset.key() + " checkpoint of tenant " + tenant,
                        c -> db.query(
                                c,
                                select,
                                params("tenant", tenant.value(), "dataset", dataset.key()),
                                row -> new Checkpoint(
                                        row.string("delta_link"),
                                        row.instant("watermark"),
                                        row.instant("full_round_at"),
                                        new HashSet<>(row.strings("tracked_ids")))))
                .stream()
                .findFirst();
    }

    @Override
    public void save(TenantId tenant, Dataset dataset, Checkpoint checkpoint) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(checkpoint, "checkpoint");
        db.withConnection("saving the " + dataset.key() + " checkpoint of tenant " + tenant, c -> {
            try (var statement = c.prepareStatement(upsert)) {
                statement.setString(1, tenant.value());
                statement.setString(2, dataset.key());
                statement.setString(3, checkpoint.deltaLink());
                db.dialect().setInstant(statement, 4, checkpoint.watermark());
                db.dialect().setInstant(statement, 5, checkpoint.fullRoundAt());
                statement.setString(
                        6,
                        JsonText.write(checkpoint.trackedIds().stream().sorted().toList()));
                db.dialect().setInstant(statement, 7, db.now());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public void delete(TenantId tenant, Dataset dataset) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(dataset, "dataset");
        db.withConnection(
                "deleting the " + dataset.key() + " checkpoint of tenant " + tenant,
                c -> db.update(c, delete, params("tenant", tenant.value(), "dataset", dataset.key())));
    }
}
