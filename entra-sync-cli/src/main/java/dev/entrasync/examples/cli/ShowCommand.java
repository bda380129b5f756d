package dev.entrasync.examples.cli;

import dev.entrasync.Dataset;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.DatasetView;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.RecordSource;
import dev.entrasync.examples.support.TenantSummary;
import dev.entrasync.model.EntraTenantProfile;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code show}: the tenants in the database, or one tenant's synced data as a table. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Without --tenant: the mapped tenants by name. With it: the tenant's summary (- for a dataset"
                + " never synced; licences paid and free apart) and one dataset's table.")
final class ShowCommand implements Callable<Integer> {

    @Option(names = "--tenant", paramLabel = "ID", description = "The tenant (GUID).")
    String tenant;

    @Option(
            names = "--dataset",
            defaultValue = "users",
            paramLabel = "NAME",
            description =
                    "users, devices, groups, licenses, roles, audit_logs, secure_scores, tenant_profile, applications or"
                            + " managed_devices (default ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many rows (default ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Dataset chosen = Dataset.of(dataset);
        try (HostDatabase db = database.openForReading(System.err)) {
            RecordSource records = RecordSource.of(db.storage().queries());
            if (tenant == null) {
                tenants(db, records, out);
                return 0;
            }
            TenantId id = TenantId.of(tenant);
            TenantSummary s = TenantSummary.of(records, db.storage().jobStore(), id);
            out.printf(
                    "Tenant %s: %s users (MFA %s), %s admins, %s devices (%s managed), %s groups, licences %s"
                            + " paid (%s free), %s roles, %s audit events, secure score %s%n%n",
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
                    s.secureScoreText());
            DatasetView view = DatasetView.of(records, id, chosen);
            TextTable.print(
                    out,
                    view.columns(),
                    view.rows().subList(0, Math.min(limit, view.rows().size())));
            out.printf(
                    "%n%d of %d %s%n",
                    Math.min(limit, view.rows().size()), view.rows().size(), chosen.key());
            return 0;
        }
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
