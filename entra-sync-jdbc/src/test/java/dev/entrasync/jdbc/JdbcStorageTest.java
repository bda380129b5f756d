package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.jdbc.internal.DatasetTable;
import dev.entrasync.jdbc.internal.DatasetTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Building storage: migrations under the host's prefix, and the checks that guard them. */
class JdbcStorageTest {

    @DatabaseTest
    void buildCreatesEveryTableUnderThePrefix(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();

        assertThat(storage.tablePrefix()).isEqualTo(db.prefix());
        assertThat(storage.databaseProduct()).isEqualToIgnoringCase(db.server.name());
        assertThat(db.tables())
                .contains(
                        db.table("schema_history"),
                        db.table("sink_sessions"),
                        db.table("users"),
                        db.table("users_stage"),
                        db.table("credentials"),
                        db.table("scheduled_tasks"));
    }

    @DatabaseTest
    void buildingAgainMigratesNothingAndKeepsRows(TestDatabase db) {
        db.storageBuilder().build();
        long migrations = db.count("schema_history", "");
        db.execute("INSERT INTO " + db.table("sink_sessions")
                + " VALUES ('s', 't', 'users', 'r', TRUE, TIMESTAMP '2026-01-01 00:00:00')");

        db.storageBuilder().build();

        assertThat(db.count("schema_history", "")).isEqualTo(migrations);
        assertThat(db.count("sink_sessions", "")).isEqualTo(1);
    }

    @DatabaseTest
    void withoutMigrateAnUnmigratedSchemaFailsSayingHowToFixIt(TestDatabase db) {
        JdbcStorage.Builder builder = db.storageBuilder().migrate(false);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not at the version this library needs")
                .hasMessageContaining("migrate(true)");
        assertThat(db.tables()).doesNotContain(db.table("users"));
    }

    @DatabaseTest
    void withoutMigrateAMigratedSchemaIsAccepted(TestDatabase db) {
        db.storageBuilder().build();

        JdbcStorage storage = db.storageBuilder().migrate(false).build();

        assertThat(storage.datasetSink()).isNotNull();
    }

    @DatabaseTest
    void twoPrefixesLiveSideBySideInOneSchema(TestDatabase db) {
        db.storageBuilder().build();
        String other = db.prefix() + "b_";

        JdbcStorage.builder(db.dataSource()).tablePrefix(other).build();

        assertThat(db.tables()).contains(other + "users", db.table("users"));
    }

    @DatabaseTest
    void everyDatasetTableHasTheColumnsItsDefinitionWrites(TestDatabase db) {
        db.storageBuilder().build();

        for (DatasetTable<?> table : DatasetTables.all()) {
            List<String> live = new ArrayList<>(List.of("tenant_id", "id"));
            live.addAll(table.columnNames());
            live.addAll(List.of("first_seen", "last_seen", "removed_at", "run_id"));
            List<String> stage = new ArrayList<>(List.of("session_id", "id", "op"));
            stage.addAll(table.columnNames());

            assertThat(columns(db, table.name())).as(table.name()).containsExactlyElementsOf(live);
            assertThat(columns(db, table.stageName())).as(table.stageName()).containsExactlyElementsOf(stage);
        }
    }

    private static List<String> columns(TestDatabase db, String table) {
        String schema = switch (db.server) {
            case H2 -> "SCHEMA()";
            case POSTGRESQL -> "current_schema()";
            case MARIADB -> "DATABASE()";
        };
        return db
                .rows("SELECT column_name AS c FROM information_schema.columns WHERE table_schema = " + schema
                        + " AND LOWER(table_name) = '" + db.table(table) + "' ORDER BY ordinal_position")
                .stream()
                .map(r -> ((String) r.get("c")).toLowerCase(Locale.ROOT))
                .toList();
    }

    @Test
    void prefixMustBeASafeLowerCaseIdentifier() {
        JdbcStorage.Builder builder = JdbcStorage.builder(new org.h2.jdbcx.JdbcDataSource());

        assertThatThrownBy(() -> builder.tablePrefix("Entra-"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tablePrefix: 'Entra-' is not allowed");
        assertThatThrownBy(() -> builder.tablePrefix("x; DROP TABLE users; --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.tablePrefix("a23456789012345678901234_"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.tablePrefix("")).isSameAs(builder);
        assertThat(builder.tablePrefix("es_2")).isSameAs(builder);
    }

    @Test
    void abandonTimeoutMustBePositive() {
        JdbcStorage.Builder builder = JdbcStorage.builder(new org.h2.jdbcx.JdbcDataSource());

        assertThatThrownBy(() -> builder.abandonedSessionsAfter(Duration.ZERO))
                .hasMessageContaining("abandonedSessionsAfter: must be positive");
    }

    @Test
    void unreachableDatabaseFailsNamingTheConnection() {
        org.h2.jdbcx.JdbcDataSource missing = new org.h2.jdbcx.JdbcDataSource();
        missing.setURL("jdbc:h2:file:/nonexistent-dir/entra;IFEXISTS=TRUE");

        assertThatThrownBy(() -> JdbcStorage.builder(missing).build())
                .isInstanceOf(JdbcStoreException.class)
                .hasMessageStartingWith("Connecting to the database failed");
    }
}
