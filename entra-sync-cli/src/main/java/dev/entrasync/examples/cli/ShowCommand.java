package dev.entrasync.examples.cli;

import dev.entrasync.Dataset;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.DatasetView;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.RecordSource;
import dev.entrasync.examples.support.TenantSummary;
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
        description = "Without --tenant: the mapped tenants. With it: the tenant's summary and one dataset's table.")
final class ShowCommand implements Callable<Integer> {

    @Option(names = "--tenant", paramLabel = "ID", description = "The tenant (GUID).")
    String tenant;

    @Option(
            names = "--dataset",
            defaultValue = "users",
            paramLabel = "NAME",
            description =
                    "users, devices, groups, licenses, roles, audit_logs, secure_scores or tenant_profile (default ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many rows (default ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Dataset chosen = Dataset.of(dataset);
        try (HostDatabase db = database.openForReading()) {
            RecordSource records = RecordSource.of(db.storage().queries());
            if (tenant == null) {
                tenants(db, records, out);
                return 0;
            }
            TenantId id = TenantId.of(tenant);
            TenantSummary s = TenantSummary.of(records, id);
            out.printf(
                    "Tenant %s: %d users (MFA %s), %d admins, %d devices (%s managed), %d groups, licences %d/%d,"
                            + " %d roles, %d audit events, secure score %s%n%n",
                    id,
                    s.users(),
                    TenantSummary.percentText(s.mfaPercent()),
                    s.admins(),
                    s.devices(),
                    TenantSummary.percentText(s.managedPercent()),
                    s.groups(),
                    s.licensesUsed(),
                    s.licensesTotal(),
                    s.roles(),
                    s.auditEvents(),
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
            rows.add(List.of(
                    m.companyId(),
                    m.tenant().value(),
                    m.displayName() == null ? "" : m.displayName(),
                    String.valueOf(TenantSummary.of(records, m.tenant()).users()),
                    status));
        }
        TextTable.print(out, List.of("Company", "Tenant", "Name", "Users", "Last job"), rows);
    }
}
