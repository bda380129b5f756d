package dev.entrasync.jdbc.internal;

import dev.entrasync.Dataset;
import dev.entrasync.model.EntraRecord;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * How one dataset is kept: its live table (keyed by tenant and object id, with {@code first_seen},
 * {@code last_seen}, {@code removed_at} and {@code run_id}) and its staging table (keyed by session and
 * object id), both named after {@link #name()}, and the data columns between record and row.
 *
 * @param dataset the dataset
 * @param name the live table's name without prefix; the staging table is {@code <name>_stage}
 * @param type the record type
 * @param columns the data columns, beside {@code tenant_id} and {@code id}
 * @param appendOnly true when rows are never marked removed by a full run (audit events, the secure
 *     score series): each row is a fact of the past, not an object that can disappear
 * @param reader reads a live row back into a record
 * @param <R> the record type
 */
public record DatasetTable<R extends EntraRecord>(
        Dataset dataset, String name, Class<R> type, List<Column<R>> columns, boolean appendOnly, Reader<R> reader) {

    /** Reads a record from a row of the live table. */
    @FunctionalInterface
    public interface Reader<R> {
        R read(Row row) throws SQLException;
    }

    public DatasetTable {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        columns = List.copyOf(columns);
        Objects.requireNonNull(reader, "reader");
    }

    /** The data columns' names, in order. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The staging table's name without prefix. */
    public String stageName() {
        return name + "_stage";
    }

    /** {@code record} cast to this table's type, or a clear error naming both types. */
    public R cast(EntraRecord record) {
        if (!type.isInstance(record)) {
            throw new IllegalArgumentException("the " + dataset.key() + " sink session accepts " + type.getSimpleName()
                    + " records, not " + record.getClass().getSimpleName());
        }
        return type.cast(record);
    }
}
