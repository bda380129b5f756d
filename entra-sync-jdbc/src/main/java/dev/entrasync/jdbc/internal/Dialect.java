package dev.entrasync.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What differs between the databases entra-sync supports: column types (as Flyway placeholders),
 * the upsert statement, and how an {@link Instant} is bound and read.
 *
 * <p>PostgreSQL and H2 keep instants in {@code TIMESTAMP WITH TIME ZONE}; MariaDB has no such type, so
 * instants go to {@code DATETIME(6)} as UTC wall-clock time.
 */
public enum Dialect {

    H2("H2", "CHARACTER LARGE OBJECT", "TIMESTAMP(6) WITH TIME ZONE", "BINARY LARGE OBJECT", ""),
    POSTGRESQL("PostgreSQL", "TEXT", "TIMESTAMP(6) WITH TIME ZONE", "BYTEA", ""),
    MARIADB("MariaDB", "MEDIUMTEXT", "DATETIME(6)", "BLOB",
            " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");

    private final String productName;
    private final String textType;
    private final String timestampType;
    private final String blobType;
    private final String tableOptions;

    Dialect(String productName, String textType, String timestampType, String blobType, String tableOptions) {
        this.productName = productName;
        this.textType = textType;
        this.timestampType = timestampType;
        this.blobType = blobType;
        this.tableOptions = tableOptions;
    }

    /**
     * The dialect of the database behind this connection.
     *
     * @throws IllegalArgumentException naming the database and the supported ones, for any other database
     */
    public static Dialect of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        for (Dialect d : values()) {
            if (d.productName.equalsIgnoreCase(product)) {
                return d;
            }
        }
        throw new IllegalArgumentException("entra-sync-jdbc supports H2, PostgreSQL and MariaDB; this DataSource is "
                + product + " " + meta.getDatabaseProductVersion());
    }

    /** The placeholders the Flyway migrations use for types that differ between databases. */
    public Map<String, String> typePlaceholders() {
        return Map.of("text", textType, "timestamp", timestampType, "blob", blobType, "table_options", tableOptions);
    }

    /**
     * A statement that inserts one row, or replaces the non-key columns of the row with the same key:
     * {@code ON CONFLICT … DO UPDATE} on PostgreSQL, {@code ON DUPLICATE KEY UPDATE} on MariaDB,
     * {@code MERGE INTO … KEY} on H2. Parameters are {@code columns} in order.
     */
    public String upsert(String table, List<String> keys, List<String> columns) {
        String names = String.join(", ", columns);
        String params = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        List<String> updated = columns.stream().filter(c -> !keys.contains(c)).toList();
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", keys) + ") VALUES ("
                    + params + ")";
            case POSTGRESQL -> "INSERT INTO " + table + " (" + names + ") VALUES (" + params + ") ON CONFLICT ("
                    + String.join(", ", keys) + ") DO " + (updated.isEmpty() ? "NOTHING" : "UPDATE SET "
                    + updated.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", ")));
            case MARIADB -> "INSERT INTO " + table + " (" + names + ") VALUES (" + params + ") ON DUPLICATE KEY UPDATE "
                    + (updated.isEmpty() ? keys.get(0) + " = " + keys.get(0)
                    : updated.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", ")));
        };
    }

    /** Binds an instant (null allowed) the way this database's timestamp column keeps it. */
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, this == MARIADB ? Types.TIMESTAMP : Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (this == MARIADB) {
            statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    /** Reads an instant written by {@link #setInstant}; null for SQL NULL. */
    public Instant getInstant(ResultSet rows, String column) throws SQLException {
        if (this == MARIADB) {
            LocalDateTime value = rows.getObject(column, LocalDateTime.class);
            return value == null ? null : value.toInstant(ZoneOffset.UTC);
        }
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The name as people know it, e.g. {@code PostgreSQL}. */
    public String productName() {
        return productName;
    }

    /** Lower-case key, e.g. {@code postgresql}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
