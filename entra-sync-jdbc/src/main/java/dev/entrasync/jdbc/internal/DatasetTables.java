package dev.entrasync.jdbc.internal;

import dev.entrasync.Dataset;
import dev.entrasync.model.EntraRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The tables entra-sync-jdbc keeps for each dataset. */
public final class DatasetTables {

    private static final Map<Dataset, List<DatasetTable<?>>> TABLES = new EnumMap<>(Dataset.class);

    static {
        TABLES.put(Dataset.USERS, List.of(UsersTable.TABLE));
        TABLES.put(Dataset.DEVICES, List.of(DevicesTable.TABLE));
        TABLES.put(Dataset.GROUPS, List.of(GroupsTable.TABLE));
        TABLES.put(Dataset.LICENSES, List.of(LicensesTable.TABLE));
        TABLES.put(Dataset.ROLES, List.of(RolesTable.TABLE));
        TABLES.put(Dataset.AUDIT_LOGS, List.of(AuditEventsTable.TABLE));
        TABLES.put(Dataset.SECURE_SCORES, List.of(SecureScoresTable.SCORES, SecureScoresTable.CONTROLS));
        TABLES.put(Dataset.TENANT_PROFILE, List.of(TenantProfileTable.TABLE));
        TABLES.put(Dataset.SIGN_IN_ACTIVITY, List.of(SignInActivityTable.TABLE));
        TABLES.put(
                Dataset.CONDITIONAL_ACCESS,
                List.of(ConditionalAccessTable.POLICIES, ConditionalAccessTable.SECURITY_DEFAULTS));
        TABLES.put(Dataset.APPLICATIONS, List.of(ApplicationsTable.TABLE));
        TABLES.put(Dataset.MANAGED_DEVICES, List.of(ManagedDevicesTable.TABLE));
    }

    private DatasetTables() {}

    /**
     * The tables of {@code dataset}: one, or for secure scores the snapshots and then the control profiles, for
     * Conditional Access the policies and then the security defaults.
     */
    public static List<DatasetTable<?>> of(Dataset dataset) {
        List<DatasetTable<?>> tables = TABLES.get(dataset);
        if (tables == null) {
            throw new IllegalArgumentException("entra-sync-jdbc has no table for the " + dataset.key() + " dataset");
        }
        return tables;
    }

    /** The first (main) table of {@code dataset}. */
    public static DatasetTable<?> main(Dataset dataset) {
        return of(dataset).get(0);
    }

    /**
     * The table that keeps records of {@code type}.
     *
     * @throws IllegalArgumentException naming the kept record types, for any other type
     */
    @SuppressWarnings("unchecked")
    public static <R extends EntraRecord> DatasetTable<R> forType(Class<R> type) {
        for (DatasetTable<?> table : all()) {
            if (table.type() == type) {
                return (DatasetTable<R>) table;
            }
        }
        throw new IllegalArgumentException("entra-sync-jdbc keeps no table of " + type.getName() + "; it keeps "
                + all().stream().map(t -> t.type().getSimpleName()).toList());
    }

    /** Every table, in dataset order. */
    public static List<DatasetTable<?>> all() {
        List<DatasetTable<?>> all = new ArrayList<>();
        TABLES.values().forEach(all::addAll);
        return all;
    }
}
