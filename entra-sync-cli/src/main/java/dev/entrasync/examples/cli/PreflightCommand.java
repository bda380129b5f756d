package dev.entrasync.examples.cli;

import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.onboarding.Onboarding;
import dev.entrasync.onboarding.PreflightReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code preflight}: the cheap check of each mapped tenant (token, permissions, licence, secret expiry) with fixes. */
@Command(
        name = "preflight",
        mixinStandardHelpOptions = true,
        description =
                "Check mapped tenants before syncing: token, permissions, Entra ID P1, secret expiry. Exit 0 when all can sync.")
final class PreflightCommand implements Callable<Integer> {

    @Option(names = "--tenant", paramLabel = "ID", description = "Only these mapped tenants (GUID); repeatable.")
    List<String> tenants;

    @Option(names = "--mail", description = "Mail is enabled (then Mail.Send is expected).")
    boolean mail;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        try (HostDatabase db = database.open(System.err, false, false)) {
            Onboarding onboarding = Cli.onboarding(db, Cli.DEFAULT_REDIRECT_URI, null, mail);
            List<TenantMapping> chosen = new ArrayList<>();
            for (TenantMapping mapping : db.mapper().list()) {
                if (tenants == null || tenants.stream().map(TenantId::of).anyMatch(mapping.tenant()::equals)) {
                    chosen.add(mapping);
                }
            }
            if (chosen.isEmpty()) {
                System.out.println("No mapped tenant to check; sync a tenant first (sync --tenant ID).");
                return 1;
            }
            boolean ok = true;
            for (TenantMapping mapping : chosen) {
                PreflightReport report = onboarding.preflight().check(mapping);
                System.out.println(report);
                ok &= report.ok();
            }
            return ok ? 0 : 1;
        }
    }
}
