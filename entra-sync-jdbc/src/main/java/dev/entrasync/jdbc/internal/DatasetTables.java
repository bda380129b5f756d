package dev.entrasync.jdbc.internal;

import dev.entrasync.Dataset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The dataset tables entra-sync-jdbc keeps, by dataset. */
public final class DatasetTables {

    private static final Map<Dataset, DatasetTable<?>> TABLES = new EnumMap<>(Dataset.class);

    static {
        TABLES.put(Dataset.USERS, UsersTable.TABLE);
    }

    private DatasetTables() {
    }

    /** The table of {@code dataset}, if this version keeps it. */
    public static Optional<DatasetTable<?>> of(Dataset dataset) {
        return Optional.ofNullable(TABLES.get(dataset));
    }

    /** The table of {@code dataset}, or an error naming the datasets that are kept. */
    public static DatasetTable<?> require(Dataset dataset) {
        return of(dataset).orElseThrow(() -> new IllegalArgumentException("entra-sync-jdbc has no table for the "
                + dataset.key() + " dataset; it keeps " + TABLES.keySet()));
    }

    /** Every kept table. */
    public static Iterable<DatasetTable<?>> all() {
        return TABLES.values();
    }
}
