package dev.entrasync.examples.cli;

import dev.entrasync.Dataset;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.RecordSource;
import dev.entrasync.examples.support.TenantSummary;
import dev.entrasync.jdbc.DatasetColumns;
import dev.entrasync.jdbc.ExportFormat;
import dev.entrasync.jdbc.JdbcQueries;
import dev.entrasync.jdbc.RecordPage;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraTenantProfile;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code show}: the tenants in the database, or one tenant's synced data as a table, or exported as CSV or JSON
 * lines ({@code --format}) with the same columns ({@link DatasetColumns}).
 */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Without --tenant: the mapped tenants by name. With it: the tenant's summary (- for a dataset"
                + " never synced; licences paid and free apart) and one dataset's table; with --format csv|json: the"
                + " dataset alone, every row, as CSV or JSON lines.")
final class ShowCommand implements Callable<Integer> {

    @Option(names = "--tenant", paramLabel = "ID", description = "The tenant (GUID).")
    String tenant;

    @Option(
            names = "--dataset",
            defaultValue = "users",
            paramLabel = "NAME",
            description =
                    "users, devices, groups, licenses, roles, audit_logs, secure_scores, tenant_profile, sign_in_activity,"
                            + " conditional_access, applications or managed_devices (default ${DEFAULT-VALUE}).")
    String dataset;

    @Option(
            names = "--limit",
            defaultValue = "50",
            description = "At most this many rows in the text table (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "text (a table of at most --limit rows after the tenant's summary), csv (RFC 4180, UTF-8)"
                    + " or json (JSON lines): csv and json write every row of the dataset and nothing else to"
                    + " standard output; they need --tenant (default ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Dataset chosen = Dataset.of(dataset);
        ExportFormat export = exportFormat(format);
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
        }
        if (export != null && tenant == null) {
            throw new IllegalArgumentException("--format " + format.trim() + " writes one tenant's dataset: add"
                    + " --tenant ID (show without --tenant lists the tenants)");
        }
        try (HostDatabase db = database.openForReading(System.err)) {
            RecordSource records = RecordSource.of(db.storage().queries());
            if (tenant == null) {
                tenants(db, records, out);
                return 0;
            }
            TenantId id = TenantId.of(tenant);
            if (export != null) {
                long rows = db.storage().queries().export(id, chosen, export, out);
                System.err.printf("Exported %d %s of tenant %s%n", rows, chosen.key(), id.value());
                return 0;
            }
            TenantSummary s = TenantSummary.of(records, db.storage().jobStore(), id);
            out.printf(
                    "Tenant %s: %s users (MFA %s), %s admins, %s devices (%s managed), %s groups, licences %s"
                            + " paid (%s free), %s roles, %s audit events, secure score %s, sign-in activity %s,"
                            + " Conditional Access %s%n%n",
                    label(db, records, id),
                    s.count(Dataset.USERS, s.users()),
                    s.mfaText(),
                    s.count(Dataset.USERS, s.admins()),
                    s.count(Dataset.DEVICES, s.devices()),
                    s.managedText(),
                    s.count(Dataset.GROUPS, s.groups()),
                    s.licensesText(),
                    s.freeLicensesText(),
                    s.count(Dataset.ROLES, s.roles()),
                    s.count(Dataset.AUDIT_LOGS, s.auditEvents()),
                    s.secureScoreText(),
                    s.signInsText(),
                    s.conditionalAccessText());
            table(db.storage().queries(), id, DatasetColumns.of(chosen), out);
            return 0;
        }
    }

    /** The export format for {@code --format}, or null for the text table. */
    private static ExportFormat exportFormat(String format) {
        if (format.trim().equalsIgnoreCase("text")) {
            return null;
        }
        try {
            return ExportFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--format: unknown format '" + format + "'; use text (the default), csv or json (JSON lines)");
        }
    }

    /** The first {@code --limit} records in reading order (read a page at a time), and how many there are. */
    private void table(JdbcQueries queries, TenantId tenant, DatasetColumns<?> columns, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        while (rows.size() < limit) {
            RecordPage<? extends EntraRecord> page = queries.page(
                    tenant, columns.type(), null, rows.size(), Math.min(JdbcQueries.MAX_PAGE, limit - rows.size()));
            total = page.total();
            for (EntraRecord record : page.records()) {
                rows.add(columns.values(record).stream().map(ShowCommand::text).toList());
            }
            if (page.records().isEmpty() || rows.size() >= total) {
                break;
            }
        }
        TextTable.print(out, columns.names(), rows);
        out.printf("%n%d of %d %s%n", rows.size(), total, columns.dataset().key());
    }

    /** A cell as plain text: scores rounded, enum values in words, lists comma-separated, instants ISO-8601. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return String.valueOf(Math.round(d));
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    private static void tenants(HostDatabase db, RecordSource records, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        for (TenantMapping m : db.mapper().list()) {
            String status = db.storage()
                    .jobStore()
                    .latest(m.tenant())
                    .map(SyncJob::status)
                    .map(Enum::name)
                    .orElse("never synced");
            TenantSummary summary = TenantSummary.of(records, db.storage().jobStore(), m.tenant());
            rows.add(List.of(
                    name(db, records, m.tenant()),
                    m.companyId(),
                    m.tenant().value(),
                    summary.count(Dataset.USERS, summary.users()),
                    status));
        }
        TextTable.print(out, List.of("Name", "Company", "Tenant", "Users", "Last job"), rows);
    }

    /** {@code Name (tenant id)}, or the tenant id alone when no name is known. */
    private static String label(HostDatabase db, RecordSource records, TenantId tenant) {
        String name = name(db, records, tenant);
        return name.equals(tenant.value()) ? name : name + " (" + tenant.value() + ")";
    }

    /** The company's name: the synced tenant profile's, else the mapping's, else the tenant id. */
    static String name(HostDatabase db, RecordSource records, TenantId tenant) {
        return records.records(tenant, EntraTenantProfile.class).stream()
                .map(EntraTenantProfile::displayName)
                .filter(n -> n != null && !n.isBlank())
                .findFirst()
                .or(() -> db.mapper()
                        .findByTenant(tenant)
                        .map(TenantMapping::displayName)
                        .filter(n -> !n.isBlank()))
                .orElse(tenant.value());
    }
}
