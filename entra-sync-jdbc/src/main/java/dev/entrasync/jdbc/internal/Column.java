package dev.entrasync.jdbc.internal;

import java.util.Objects;
import java.util.function.Function;

/**
 * One data column of a dataset table: its SQL name, its type, and how a record yields its value.
 *
 * @param name the column name in the migrations
 * @param type the value's type
 * @param value the record's value for this column (may return null)
 * @param <R> the record type
 */
public record Column<R>(String name, ColumnType type, Function<? super R, ?> value) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** Shorthand for {@code new Column<>(name, type, value)}. */
    public static <R> Column<R> of(String name, ColumnType type, Function<? super R, ?> value) {
        return new Column<>(name, type, value);
    }
}
