package dev.entrasync.examples.cli;

import dev.entrasync.AppCredential;
import dev.entrasync.Dataset;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.RecordSource;
import dev.entrasync.examples.support.TenantSummary;
import dev.entrasync.onboarding.ConsentResult;
import dev.entrasync.onboarding.ConsentStatus;
import dev.entrasync.onboarding.DiscoveredTenant;
import dev.entrasync.onboarding.Onboarding;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sync}: the real thing, against a national cloud or any endpoints. Each tenant's consent is
 * confirmed with a token, the tenant is mapped in the database (once), synced, and summarised; exits 0
 * only when every job SUCCEEDED, else 1 with each reason printed.
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Sync tenants into the database and print a summary; exit 0 only when every job succeeded.")
final class SyncCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Targets targets;

    static final class Targets {
        @Option(names = "--tenant", paramLabel = "ID", description = "A tenant (GUID or domain) to sync; repeatable.")
        List<String> tenants;

        @Option(names = "--all", description = "Every consented GDAP customer of the partner (--credential-tenant).")
        boolean all;
    }

    @Option(
            names = "--datasets",
            split = ",",
            paramLabel = "LIST",
            description = "Datasets to sync, e.g. users,devices (default all: users, devices, groups, licenses, roles,"
                    + " audit_logs, secure_scores, tenant_profile).")
    List<String> datasets;

    @Option(
            names = "--summary-json",
            paramLabel = "FILE",
            description = "Also write the summary as JSON, one object per tenant.")
    Path summaryJson;

    @Option(names = "--no-progress", description = "No progress bars.")
    boolean noProgress;

    @Mixin
    CredentialOptions credential;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Set<Dataset> chosen = Cli.datasets(datasets);
        credential.refuseSecretOnCommandLine();
        List<Path> fresh = database.filesOpeningWouldCreate();
        boolean synced = false;
        try (StopOnSignal stop = StopOnSignal.install(System.err);
                HostDatabase db = database.open(System.err, true, true)) {
            stop.database(db);
            Onboarding onboarding = Cli.onboarding(db, Cli.DEFAULT_REDIRECT_URI);
            AppCredential app = credential.resolve(
                    db.credentials(), targets.tenants == null ? null : targets.tenants.get(0), targets.all);
            List<SummaryJson.Entry> unreachable = new ArrayList<>();
            List<TenantId> tenants =
                    targets.all ? discovered(onboarding, app, out) : confirmed(onboarding, app, unreachable, out);
            tenants.forEach(t -> map(db, app, t, chosen));
            synced = true; // from here on the database holds mappings and jobs worth keeping
            List<SyncJob> jobs = run(db, tenants, stop);
            return report(db, jobs, unreachable, out);
        } catch (RuntimeException e) {
            if (!synced) {
                removeQuietly(fresh); // the database is closed by now
            }
            throw e;
        }
    }

    /** Removes what this run created before it failed, so a mistake (a wrong option, an unset variable) leaves nothing. */
    private static void removeQuietly(List<Path> files) {
        for (Path file : files) {
            try {
                if (Files.deleteIfExists(file)) {
                    System.err.println("Removed " + file + ", created by this run before it failed.");
                }
            } catch (IOException e) {
                System.err.println("Could not remove " + file + " (" + e.getMessage() + "); delete it by hand.");
            }
        }
    }

    private List<TenantId> confirmed(
            Onboarding onboarding, AppCredential app, List<SummaryJson.Entry> unreachable, PrintStream out) {
        List<TenantId> tenants = new ArrayList<>();
        for (String requested : targets.tenants) {
            ConsentResult result = onboarding.consent().verify(app.name(), TenantId.of(requested), null);
            if (result instanceof ConsentResult.Granted granted) {
                tenants.add(granted.tenant());
            } else {
                out.printf("%s: not synced: %s%n", requested, result.message());
                unreachable.add(SummaryJson.Entry.unreachable(requested, result.message()));
            }
        }
        return tenants;
    }

    private static List<TenantId> discovered(Onboarding onboarding, AppCredential app, PrintStream out) {
        if (!app.cspPartner()) {
            throw new IllegalArgumentException(
                    "--all lists a CSP partner's GDAP customers, but credential '" + app.name()
                            + "' is not a partner credential; pass --client-id ... --credential-tenant PARTNER_TENANT again");
        }
        List<TenantId> tenants = new ArrayList<>();
        for (DiscoveredTenant found : onboarding.discovery().discover(app.name())) {
            if (found.consentStatus() == ConsentStatus.CONSENTED) {
                tenants.add(found.tenant());
            } else {
                out.printf(
                        "%s (%s): not synced: %s%s%n",
                        found.name(),
                        found.tenant(),
                        found.consentStatus(),
                        found.problem() == null ? "; consent link: " + found.consentUrl() : "; " + found.problem());
            }
        }
        return tenants;
    }

    private static void map(HostDatabase db, AppCredential app, TenantId tenant, Set<Dataset> datasets) {
        TenantMapping mapping = db.mapper().findByTenant(tenant).orElse(null);
        if (mapping == null) {
            db.mapper().map(new TenantMapping(tenant.value(), tenant, app.name(), null, null, datasets, false));
        } else if (!mapping.datasets().equals(datasets)
                || !mapping.credentialName().equals(app.name())) {
            db.mapper()
                    .update(new TenantMapping(
                            mapping.companyId(),
                            tenant,
                            app.name(),
                            mapping.displayName(),
                            mapping.defaultDomain(),
                            datasets,
                            mapping.paused()));
        }
    }

    private List<SyncJob> run(HostDatabase db, List<TenantId> tenants, StopOnSignal stop) throws InterruptedException {
        Map<TenantId, String> names = new LinkedHashMap<>();
        tenants.forEach(t -> names.put(t, t.value()));
        SyncListener bars = ProgressBars.forTerminal(!noProgress, job -> names.get(job.tenant()));
        List<SyncJob> finished = new ArrayList<>();
        try (SyncEngine engine = db.engineBuilder().listener(bars).build()) {
            stop.engine(engine, bars);
            List<SyncJob> queued = tenants.stream().map(engine::syncNow).toList();
            // Another command can then tell this process's jobs from jobs a killed process left behind.
            Set<String> owned = new HashSet<>();
            for (SyncJob job : queued) {
                if (owned.add(job.id())) {
                    db.ownJob(job);
                }
            }
            for (SyncJob job : queued) {
                finished.add(engine.await(job.id(), Duration.ofHours(6)));
            }
        } finally {
            if (bars instanceof ProgressBars drawn) {
                drawn.close();
            }
        }
        if (StopOnSignal.stopping()) {
            StopOnSignal.parkUntilExit(); // the shutdown hook reports and the JVM exits
        }
        return finished;
    }

    private int report(HostDatabase db, List<SyncJob> jobs, List<SummaryJson.Entry> unreachable, PrintStream out)
            throws IOException {
        RecordSource records = RecordSource.of(db.storage().queries());
        SummaryTable table = new SummaryTable(out);
        List<SummaryJson.Entry> entries = new ArrayList<>(unreachable);
        if (!jobs.isEmpty()) {
            out.println();
            table.header();
        }
        boolean allSucceeded = unreachable.isEmpty() && !jobs.isEmpty();
        for (SyncJob job : jobs) {
            table.row(
                    ShowCommand.name(db, records, job.tenant()),
                    TenantSummary.of(records, db.storage().jobStore(), job.tenant()),
                    job);
            entries.add(SummaryJson.Entry.of(job));
            allSucceeded &= job.status() == JobStatus.SUCCEEDED;
        }
        if (summaryJson != null) {
            SummaryJson.write(summaryJson, entries);
        }
        if (jobs.isEmpty() && unreachable.isEmpty()) {
            out.println("No tenant to sync.");
        }
        return allSucceeded ? 0 : 1;
    }
}
