package dev.entrasync.jdbc;

import dev.entrasync.Change;
import dev.entrasync.Dataset;
import dev.entrasync.TenantId;
import dev.entrasync.jdbc.internal.ChangeLog;
import dev.entrasync.jdbc.internal.Database;
import dev.entrasync.jdbc.internal.DatasetTable;
import dev.entrasync.jdbc.internal.DatasetTables;
import dev.entrasync.jdbc.internal.ExportRows;
import dev.entrasync.jdbc.internal.FindingStore;
import dev.entrasync.jdbc.internal.ManagedDevicesTable;
import dev.entrasync.jdbc.internal.Row;
import dev.entrasync.model.EntraApplication;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraManagedDevice;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraUser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the dataset tables back as records, so a host can show them without learning the schema: the
 * current records of a tenant, pages with sync metadata, and the questions the product asks most (users
 * without MFA, licences with units left, the secure score trend, app credentials about to expire, and a scanner's
 * asset matched to Intune's managed devices by serial number or MAC address). Get it from {@link JdbcStorage#queries()}.
 *
 * <p>"Current" means not marked removed. Thread-safe; each call uses one connection from the host's pool
 * and returns a snapshot. {@link JdbcStoreException} on database failures.
 */
public final class JdbcQueries {

    private final Database db;

    private final ChangeLog changeLog;

    private final FindingStore findingStore;

    JdbcQueries(Database db, ChangeLog changeLog, FindingStore findingStore) {
        this.changeLog = changeLog;
        this.findingStore = findingStore;
        this.db = db;
    }

    /**
     * The tenant's current records of {@code type} (e.g. {@code EntraDevice.class}), ordered by id.
     *
     * @param <R> the record type
     * @param tenant the tenant; never null
     * @param type the record class of a dataset table, such as {@code EntraDevice.class}; never null
     * @return the current records, ordered by id; empty when the tenant has none
     * @throws IllegalArgumentException if entra-sync-jdbc keeps no table of {@code type}
     */
    public <R extends EntraRecord> List<R> records(TenantId tenant, Class<R> type) {
        return unwrap(rows(tenant, type, false, 0, Integer.MAX_VALUE));
    }

    /**
     * A page of the tenant's rows of {@code type} with their sync metadata, ordered by id.
     *
     * @param includeRemoved whether rows marked removed are included
     * @param offset rows to skip, at least 0
     * @param limit rows to return at most, at least 1
     * @param <R> the record type
     * @param tenant the tenant; never null
     * @param type the record class of a dataset table, such as {@code EntraDevice.class}; never null
     * @return up to {@code limit} rows with their sync metadata, ordered by id; empty past the last
     * @throws IllegalArgumentException if {@code offset} or {@code limit} is out of range, or entra-sync-jdbc keeps no
     *     table of {@code type}
     */
    public <R extends EntraRecord> List<StoredRecord<R>> rows(
            TenantId tenant, Class<R> type, boolean includeRemoved, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1, were " + offset + " and " + limit);
        }
        DatasetTable<R> table = DatasetTables.forType(type);
        String sql = "SELECT * FROM " + db.table(table.name()) + " WHERE tenant_id = ?"
                + (includeRemoved ? "" : " AND removed_at IS NULL") + " ORDER BY id"
                + (limit == Integer.MAX_VALUE && offset == 0 ? "" : " LIMIT " + limit + " OFFSET " + offset);
        return query(table, sql, tenant.value());
    }

    /** The longest page {@link #page} returns. */
    public static final int MAX_PAGE = 500;

    /**
     * One page of the tenant's current records of {@code type} whose searched text contains {@code search}
     * (ignoring case), in the order a person reads them, with how many match in all. Searched and ordered:
     * users by user principal name (and name), devices, groups, roles and tenant profiles by name (groups also
     * by mail, devices by operating system), licences by product name (and SKU), audit events newest first
     * (searching activity, category and initiator), secure scores newest first, control profiles by rank.
     * The search is a bound parameter ({@code %} and {@code _} in it match themselves), never part of the SQL.
     *
     * @param <R> the record type
     * @param tenant the tenant; never null
     * @param type the record class of a dataset table, such as {@code EntraUser.class}; never null
     * @param search the text to look for; null or blank for every record
     * @param offset matching records to skip, at least 0 (past the end gives an empty page)
     * @param limit records to return at most, 1 to {@value #MAX_PAGE}
     * @return the page's records in reading order, with the number of matching records in all
     * @throws IllegalArgumentException if {@code offset} or {@code limit} is out of range, or entra-sync-jdbc keeps
     *     no table of {@code type}
     */
    public <R extends EntraRecord> RecordPage<R> page(
            TenantId tenant, Class<R> type, String search, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException(
                    "offset must be >= 0 and limit between 1 and " + MAX_PAGE + ", were " + offset + " and " + limit);
        }
        DatasetTable<R> table = DatasetTables.forType(type);
        PageShape shape = PageShape.of(table.name());
        String pattern = search == null || search.isBlank() ? null : "%" + likeEscaped(search.trim()) + "%";
        StringBuilder where = new StringBuilder(" WHERE tenant_id = ? AND removed_at IS NULL");
        if (pattern != null) {
            where.append(" AND (");
            for (int i = 0; i < shape.searched().size(); i++) {
                where.append(i == 0 ? "" : " OR ")
                        .append("LOWER(")
                        .append(shape.searched().get(i))
                        .append(") LIKE ? ESCAPE '!'");
            }
            where.append(')');
        }
        String from = " FROM " + db.table(table.name()) + where;
        String rowsSql = "SELECT *" + from + " ORDER BY " + shape.order() + " LIMIT ? OFFSET ?";
        return db.withConnection("reading a page of " + table.name() + " of tenant " + tenant, c -> {
            long total;
            try (PreparedStatement statement = c.prepareStatement("SELECT COUNT(*)" + from)) {
                bindSearch(statement, tenant, pattern, shape);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<R> records;
            try (PreparedStatement statement = c.prepareStatement(rowsSql)) {
                int next = bindSearch(statement, tenant, pattern, shape);
                statement.setInt(next, limit);
                statement.setInt(next + 1, offset);
                records = unwrap(read(table, statement));
            }
            return new RecordPage<>(records, total, offset, limit);
        });
    }

    private static int bindSearch(PreparedStatement statement, TenantId tenant, String pattern, PageShape shape)
            throws SQLException {
        int index = 1;
        statement.setString(index++, tenant.value());
        if (pattern != null) {
            for (int i = 0; i < shape.searched().size(); i++) {
                statement.setString(index++, pattern);
            }
        }
        return index;
    }

    /** {@code text} lower-cased for a {@code LIKE ... ESCAPE '!'} pattern, its wildcards matching themselves. */
    static String likeEscaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '%' || c == '_' || c == '!') {
                out.append('!');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** What a page of one table searches and how it is ordered: fixed column names, never input. */
    private record PageShape(List<String> searched, String order) {
        static PageShape of(String table) {
            return switch (table) {
                case "users" ->
                    new PageShape(List.of("user_principal_name", "display_name"), "user_principal_name, id");
                case "devices" -> new PageShape(List.of("display_name", "operating_system"), "display_name, id");
                case "groups" -> new PageShape(List.of("display_name", "mail"), "display_name, id");
                case "licenses" -> new PageShape(List.of("product_name", "sku_part_number"), "product_name, id");
                case "audit_events" ->
                    new PageShape(
                            List.of(
                                    "activity_display_name",
                                    "category",
                                    "initiated_by_user_principal_name",
                                    "initiated_by_app_name"),
                            "activity_at DESC, id");
                case "secure_scores" -> new PageShape(List.of("id"), "created_at DESC, id");
                case "sign_in_activity" -> new PageShape(List.of("user_principal_name"), "user_principal_name, id");
                case "secure_score_controls" -> new PageShape(List.of("title", "control_category"), "control_rank, id");
                case "applications" -> new PageShape(List.of("display_name", "app_id"), "display_name, id");
                case "managed_devices" ->
                    new PageShape(
                            List.of("device_name", "serial_number", "user_principal_name", "operating_system"),
                            "device_name, id");
                default -> new PageShape(List.of("display_name"), "display_name, id");
            };
        }
    }

    /** How many rows an export fetches from the database at a time. */
    static final int EXPORT_FETCH_SIZE = 500;

    /**
     * Writes the tenant's current records of {@code dataset} to {@code out} as CSV or JSON lines, in UTF-8 without
     * a byte-order mark, with the columns of {@link DatasetColumns#of(Dataset)} and in the order {@link #page} reads
     * them. Streams: rows are read through a forward-only cursor ({@value #EXPORT_FETCH_SIZE} rows fetched at a
     * time) and each is written before the next is read; no list of the records is kept. On PostgreSQL the
     * cursor needs a transaction, so the read runs in one (read only in effect; it is committed at the end).
     *
     * <p>Runs on the calling thread and holds one pooled connection until the last row is written. {@code out} is
     * flushed, not closed. When writing fails part-way, what was written stays written.
     *
     * @param tenant the tenant; never null
     * @param dataset the dataset; never null
     * @param format {@link ExportFormat#CSV} or {@link ExportFormat#JSON_LINES}; never null
     * @param out where to write; never null; flushed, not closed
     * @return the number of records written (CSV's header row not counted)
     * @throws UncheckedIOException if writing to {@code out} fails
     * @throws JdbcStoreException if reading the database fails
     */
    public long export(TenantId tenant, Dataset dataset, ExportFormat format, OutputStream out) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        return export(tenant, DatasetColumns.of(dataset), format, out);
    }

    private <R extends EntraRecord> long export(
            TenantId tenant, DatasetColumns<R> columns, ExportFormat format, OutputStream out) {
        DatasetTable<R> table = DatasetTables.forType(columns.type());
        String sql = "SELECT * FROM " + db.table(table.name()) + " WHERE tenant_id = ? AND removed_at IS NULL"
                + " ORDER BY " + PageShape.of(table.name()).order();
        String operation = "exporting " + columns.dataset().key() + " of tenant " + tenant;
        return db.withConnection(operation, c -> {
            boolean autoCommit = c.getAutoCommit();
            // PostgreSQL's driver only honours the fetch size (a server-side cursor) outside auto-commit:
            // https://jdbc.postgresql.org/documentation/query/#getting-results-based-on-a-cursor
            c.setAutoCommit(false);
            try (PreparedStatement statement =
                    c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(EXPORT_FETCH_SIZE);
                statement.setString(1, tenant.value());
                long count = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    ExportRows writer = format == ExportFormat.CSV
                            ? ExportRows.csv(out, columns.names(), ExportFormat.CSV_LIST_SEPARATOR)
                            : ExportRows.jsonLines(out, columns.names());
                    Row row = new Row(rows, db.dialect());
                    while (rows.next()) {
                        writer.row(columns.values(table.reader().read(row)));
                        count++;
                    }
                    writer.finish();
                } catch (IOException e) {
                    throw new UncheckedIOException(operation + ": writing the export failed", e);
                }
                c.commit();
                return count;
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                c.setAutoCommit(autoCommit);
            }
        });
    }

    /**
     * How many current records of {@code type} the tenant has.
     *
     * @param tenant the tenant; never null
     * @param type the record class of a dataset table, such as {@code EntraUser.class}; never null
     * @return the number of current records; zero when there is none
     * @throws IllegalArgumentException if entra-sync-jdbc keeps no table of {@code type}
     */
    public long count(TenantId tenant, Class<? extends EntraRecord> type) {
        String sql = "SELECT COUNT(*) FROM "
                + db.table(DatasetTables.forType(type).name()) + " WHERE tenant_id = ? AND removed_at IS NULL";
        return db.withConnection("counting " + type.getSimpleName() + " of tenant " + tenant, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, tenant.value());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /**
     * The tenant's current users whose MFA state is not registered, ordered by user principal name.
     *
     * @param tenant the tenant; never null
     * @return the current users whose MFA state is {@code NOT_REGISTERED} (users whose state is unknown are left out);
     *     empty when there is none
     */
    public List<EntraUser> usersWithoutMfa(TenantId tenant) {
        return unwrap(query(
                DatasetTables.forType(EntraUser.class), db.sql(JdbcQueries.class, "usersWithoutMfa"), tenant.value()));
    }

    /**
     * The tenant's current licences with units left (enabled minus consumed above 0), by product name.
     *
     * @param tenant the tenant; never null
     * @return the current licences with units left, ordered by product name; empty when there is none
     */
    public List<EntraLicense> licensesWithUnitsLeft(TenantId tenant) {
        return unwrap(query(
                DatasetTables.forType(EntraLicense.class),
                db.sql(JdbcQueries.class, "licensesWithUnitsLeft"),
                tenant.value()));
    }

    /**
     * The tenant's latest secure score and the daily series of the {@code days} before it; empty when no
     * snapshot is stored.
     *
     * @param days how far back the series reaches from the latest snapshot, at least 1
     * @param tenant the tenant; never null
     * @return the latest snapshot and the series of the snapshots from {@code days} days before it up to it, oldest
     *     first; empty when no snapshot is stored
     * @throws IllegalArgumentException if {@code days} is below 1
     */
    public Optional<SecureScoreTrend> secureScoreTrend(TenantId tenant, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1, was " + days);
        }
        DatasetTable<EntraSecureScore> table = DatasetTables.forType(EntraSecureScore.class);
        List<StoredRecord<EntraSecureScore>> latest =
                query(table, db.sql(JdbcQueries.class, "latestSecureScore"), tenant.value());
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        EntraSecureScore newest = latest.get(0).record();
        Instant from = newest.createdDateTime().minus(java.time.Duration.ofDays(days));
        List<EntraSecureScore> series = db.withConnection("reading the secure score series of tenant " + tenant, c -> {
            try (PreparedStatement statement = c.prepareStatement(db.sql(JdbcQueries.class, "secureScoreSeries"))) {
                statement.setString(1, tenant.value());
                db.dialect().setInstant(statement, 2, from);
                db.dialect().setInstant(statement, 3, newest.createdDateTime());
                return unwrap(read(table, statement));
            }
        });
        return Optional.of(new SecureScoreTrend(newest, series));
    }

    /**
     * The tenant's current Intune managed devices whose serial number or MAC address (Wi-Fi or Ethernet) is the
     * given one: how a vulnerability scanner or RMM matches its asset. Serial numbers compare in upper case without
     * blanks; MAC addresses compare as their 12 hex digits whatever the spelling ({@code AA:BB:CC:DD:EE:FF},
     * {@code aa-bb-cc-dd-ee-ff}, {@code aabb.ccdd.eeff}, {@code AABBCCDDEEFF}). One indexed query.
     *
     * @param tenant the tenant; never null
     * @param serialNumber the asset's serial number; null or blank to match by MAC only
     * @param macAddress one of the asset's MAC addresses in any of those spellings; null, blank or not a MAC address
     *     to match by serial number only
     * @return the matching devices, ordered by device name; empty when none matches or neither value is usable
     */
    public List<EntraManagedDevice> managedDevicesBySerialOrMac(
            TenantId tenant, String serialNumber, String macAddress) {
        String serial = ManagedDevicesTable.serialKey(serialNumber);
        String mac = ManagedDevicesTable.macKey(macAddress);
        if (serial == null && mac == null) {
            return List.of();
        }
        DatasetTable<EntraManagedDevice> table = DatasetTables.forType(EntraManagedDevice.class);
        return db.withConnection("matching managed devices of tenant " + tenant, c -> {
            try (PreparedStatement statement =
                    c.prepareStatement(db.sql(JdbcQueries.class, "managedDevicesBySerialOrMac"))) {
                statement.setString(1, tenant.value());
                statement.setString(2, serial);
                statement.setString(3, mac);
                statement.setString(4, mac);
                return unwrap(read(table, statement));
            }
        });
    }

    /**
     * The tenant's current Entra device whose {@link EntraDevice#deviceId()} is the managed device's
     * {@link EntraManagedDevice#azureADDeviceId()}.
     *
     * @param tenant the tenant; never null
     * @param managed a managed device of that tenant; never null
     * @return the Entra device; empty when the managed device has no Entra device id or that device is not synced
     */
    public Optional<EntraDevice> entraDevice(TenantId tenant, EntraManagedDevice managed) {
        if (managed.azureADDeviceId() == null) {
            return Optional.empty();
        }
        DatasetTable<EntraDevice> table = DatasetTables.forType(EntraDevice.class);
        return db.withConnection("reading the Entra device of managed device " + managed.id(), c -> {
            try (PreparedStatement statement = c.prepareStatement(db.sql(JdbcQueries.class, "entraDeviceByDeviceId"))) {
                statement.setString(1, tenant.value());
                statement.setString(2, managed.azureADDeviceId());
                return unwrap(read(table, statement)).stream().findFirst();
            }
        });
    }

    /**
     * Every current Intune managed device of the tenant with its Entra device, joined on the Entra device id: the
     * devices list with Intune's serial number, MAC addresses and compliance beside Entra's trust type and sign-in.
     *
     * @param tenant the tenant; never null
     * @return one match per current managed device (its Entra device null when there is none), ordered by managed
     *     device id; empty when the tenant has none
     */
    public List<ManagedDeviceMatch> managedDevicesWithEntraDevices(TenantId tenant) {
        java.util.Map<String, EntraDevice> byDeviceId = new java.util.HashMap<>();
        for (EntraDevice device : records(tenant, EntraDevice.class)) {
            if (device.deviceId() != null) {
                byDeviceId.putIfAbsent(device.deviceId().toLowerCase(Locale.ROOT), device);
            }
        }
        List<ManagedDeviceMatch> out = new ArrayList<>();
        for (EntraManagedDevice managed : records(tenant, EntraManagedDevice.class)) {
            String key = managed.azureADDeviceId() == null
                    ? null
                    : managed.azureADDeviceId().toLowerCase(Locale.ROOT);
            out.add(new ManagedDeviceMatch(managed, key == null ? null : byDeviceId.get(key)));
        }
        return out;
    }

    /**
     * The tenant's current app registrations and service principals with a secret or certificate that expires
     * before {@code before} (already expired ones included), soonest first: what an expiry report lists.
     *
     * @param tenant the tenant; never null
     * @param before the instant to compare each application's soonest credential expiry with; never null
     * @return the applications, soonest expiry first; empty when none has such a credential
     */
    public List<EntraApplication> applicationsWithCredentialsExpiringBefore(TenantId tenant, Instant before) {
        DatasetTable<EntraApplication> table = DatasetTables.forType(EntraApplication.class);
        return db.withConnection("reading expiring app credentials of tenant " + tenant, c -> {
            try (PreparedStatement statement =
                    c.prepareStatement(db.sql(JdbcQueries.class, "applicationsWithCredentialsExpiringBefore"))) {
                statement.setString(1, tenant.value());
                db.dialect().setInstant(statement, 2, before);
                return unwrap(read(table, statement));
            }
        });
    }

    private <R extends EntraRecord> List<StoredRecord<R>> query(DatasetTable<R> table, String sql, String tenant) {
        return db.withConnection("reading " + table.name() + " of tenant " + tenant, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, tenant);
                return read(table, statement);
            }
        });
    }

    private <R extends EntraRecord> List<StoredRecord<R>> read(DatasetTable<R> table, PreparedStatement statement)
            throws SQLException {
        List<StoredRecord<R>> records = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            Row row = new Row(rows, db.dialect());
            while (rows.next()) {
                records.add(new StoredRecord<>(
                        table.reader().read(row),
                        row.instant("first_seen"),
                        row.instant("last_seen"),
                        row.instant("removed_at"),
                        row.string("run_id")));
            }
        }
        return records;
    }

    /**
     * The tenant's change feed: the changes its completed sync runs made to the stored data (objects added, removed,
     * changed with the fields old → new), as {@code SyncListener.changes} told them, kept for
     * {@link JdbcStorage.Builder#changeRetention}. The first run of a tenant's dataset is a baseline and recorded
     * none.
     *
     * @param tenant the tenant; never null
     * @param from the earliest time, inclusive; never null
     * @param to the latest time, exclusive; never null
     * @param kinds the kinds to return; none for every kind
     * @return the changes stored in [{@code from}, {@code to}), oldest first (within a run, in the order they were
     *     found); empty when there is none
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     * @throws NullPointerException if an argument is null
     * @throws JdbcStoreException if the database cannot be read
     */
    public List<Change> changes(TenantId tenant, Instant from, Instant to, Change.Kind... kinds) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        }
        Set<Change.Kind> wanted = EnumSet.noneOf(Change.Kind.class);
        for (Change.Kind kind : kinds) {
            wanted.add(Objects.requireNonNull(kind, "kinds"));
        }
        return changeLog.read(tenant, from, to, wanted);
    }

    private static <R extends EntraRecord> List<R> unwrap(List<StoredRecord<R>> rows) {
        return rows.stream().map(StoredRecord::record).toList();
    }

    /**
     * The tenant's stored findings, open and resolved, ordered by rule id (see {@link JdbcFindings} for how they are
     * evaluated and resolved). A host shows {@link StoredFinding#open()} ones, leaving out {@link StoredFinding#muted()}
     * ones in reports.
     *
     * @param tenant the tenant; never null
     * @return the findings; empty when none were ever found; never null
     * @throws JdbcStoreException if the database fails
     * @throws NullPointerException if {@code tenant} is null
     */
    public List<StoredFinding> findings(TenantId tenant) {
        return findingStore.read(Objects.requireNonNull(tenant, "tenant"));
    }

    /**
     * Every tenant's open findings (muted ones included), in one query, ordered by tenant id and then rule id: what a
     * fleet overview reads instead of {@link #findings(TenantId)} per tenant.
     *
     * @return the open findings of every tenant; empty when none is open; never null
     * @throws JdbcStoreException if the database fails
     */
    public List<StoredFinding> openFindings() {
        return findingStore.readOpen();
    }
}
