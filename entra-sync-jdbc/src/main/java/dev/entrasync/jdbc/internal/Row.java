package dev.entrasync.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** One result row read by column name, with SQL NULL as Java null and JSON list columns decoded. */
public final class Row {

    private final ResultSet rows;
    private final Dialect dialect;

    public Row(ResultSet rows, Dialect dialect) {
        this.rows = rows;
        this.dialect = dialect;
    }

    public String string(String column) throws SQLException {
        return rows.getString(column);
    }

    public Boolean bool(String column) throws SQLException {
        boolean value = rows.getBoolean(column);
        return rows.wasNull() ? null : value;
    }

    public Integer integer(String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    public Long bigint(String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    public Double dbl(String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    public Instant instant(String column) throws SQLException {
        return dialect.getInstant(rows, column);
    }

    /** A JSON array of strings; empty for NULL. */
    public List<String> strings(String column) throws SQLException {
        return JsonText.readStrings(rows.getString(column));
    }

    /** A JSON array of objects mapped to {@code type}; empty for NULL. */
    public <T> List<T> objects(String column, Class<T> type) throws SQLException {
        return JsonText.readList(rows.getString(column), type);
    }
}
