package dev.entrasync.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** The kinds of value a dataset column holds, and how each is bound to a statement. */
public enum ColumnType {
    /** A bounded string ({@code VARCHAR(n)}). */
    VARCHAR(Types.VARCHAR),
    /** An unbounded string: list fields as JSON text. */
    TEXT(Types.VARCHAR),
    BOOLEAN(Types.BOOLEAN),
    INTEGER(Types.INTEGER),
    BIGINT(Types.BIGINT),
    DOUBLE(Types.DOUBLE),
    /** An {@link Instant}, bound through {@link Dialect#setInstant}. */
    TIMESTAMP(Types.TIMESTAMP_WITH_TIMEZONE);

    private final int sqlType;

    ColumnType(int sqlType) {
        this.sqlType = sqlType;
    }

    /** Binds {@code value} (null allowed) at {@code index}. */
    public void bind(PreparedStatement statement, int index, Object value, Dialect dialect) throws SQLException {
        if (this == TIMESTAMP) {
            dialect.setInstant(statement, index, (Instant) value);
        } else if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            switch (this) {
                case VARCHAR, TEXT -> statement.setString(index, (String) value);
                case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
                case INTEGER -> statement.setInt(index, ((Number) value).intValue());
                case BIGINT -> statement.setLong(index, ((Number) value).longValue());
                case DOUBLE -> statement.setDouble(index, ((Number) value).doubleValue());
                default -> throw new IllegalStateException("unbound type " + this);
            }
        }
    }
}
