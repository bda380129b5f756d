package dev.entrasync.jdbc.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * entra-sync's schema, versioned with Flyway: the migrations in {@code dev/entrasync/jdbc/migration},
 * with the table prefix and the dialect's types as placeholders, and a history table of their own
 * ({@code <prefix>schema_history}) so they live beside the host's tables (and the host's own Flyway)
 * without interfering.
 */
public final class Migrations {

    private static final String LOCATION = "classpath:dev/entrasync/jdbc/migration";

    private final Flyway flyway;

    public Migrations(Database db) {
        Map<String, String> placeholders = new HashMap<>(db.dialect().typePlaceholders());
        placeholders.put("prefix", db.prefix());
        this.flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(db.dataSource())
                .locations(LOCATION)
                .table(historyTable(db))
                .placeholders(placeholders)
                // The host's schema is usually not empty; version 0 makes Flyway apply every migration.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    /**
     * Flyway quotes the history table's name; H2 folds unquoted names to upper case (PostgreSQL to lower),
     * so the name is given the way the database folds it, to sit beside the other tables.
     */
    private static String historyTable(Database db) {
        String name = db.prefix() + "schema_history";
        return db.dialect() == Dialect.H2 ? name.toUpperCase(java.util.Locale.ROOT) : name;
    }

    /** Applies the pending migrations; returns how many ran. */
    public int migrate() {
        try {
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new IllegalStateException("Migrating the entra-sync tables failed: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that every migration is applied, for a host that migrates itself.
     *
     * @throws IllegalStateException naming what is missing and how to fix it
     */
    public void verify() {
        ValidateResult result = flyway.validateWithResult();
        if (!result.validationSuccessful) {
            String problems = result.invalidMigrations.stream()
                    .map(m -> m.version + " " + m.description
                            + (m.errorDetails == null ? "" : ": " + m.errorDetails.errorMessage))
                    .collect(Collectors.joining("; "));
            throw new IllegalStateException("The entra-sync tables are not at the version this library needs ("
                    + (problems.isEmpty() ? result.getAllErrorMessages() : problems) + "). Build JdbcStorage with"
                    + " migrate(true), or apply the migrations in " + LOCATION + " with the same table prefix.");
        }
    }
}
