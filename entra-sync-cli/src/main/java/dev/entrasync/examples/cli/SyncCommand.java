package dev.entrasync.examples.cli;

import dev.entrasync.AppCredential;
import dev.entrasync.Dataset;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.mail.MailNotifier;
import dev.entrasync.examples.mail.MailSettings;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.RecordSource;
import dev.entrasync.examples.support.TenantSummary;
import dev.entrasync.mail.MailMessage;
import dev.entrasync.onboarding.ConsentResult;
import dev.entrasync.onboarding.ConsentStatus;
import dev.entrasync.onboarding.DiscoveredTenant;
import dev.entrasync.onboarding.Onboarding;
import dev.entrasync.runtime.EntraSync;
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
 * confirmed with a token, the tenant is mapped in the database (once), synced, and summarised; with
 * {@code --mail-from}/{@code --mail-to} a notice of each job that did not succeed and each company's summary
 * are mailed. Exits 0 only when every job SUCCEEDED (and every mail went), else 1 with each reason printed.
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

    @Option(
            names = "--mail-from",
            paramLabel = "MAILBOX",
            description = "Mail a notice for each job that did not succeed, and each synced company's summary with its"
                    + " open findings, from this mailbox (a user principal name) in the credential's home tenant;"
                    + " the app needs Mail.Send there (manifest --mail). With --mail-to.")
    String mailFrom;

    @Option(
            names = "--mail-to",
            split = ",",
            paramLabel = "ADDRESS",
            description = "Who receives the mail (with --mail-from); repeatable or comma-separated.")
    List<String> mailTo;

    @Mixin
    CredentialOptions credential;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Set<Dataset> chosen = Cli.datasets(datasets);
        credential.refuseSecretOnCommandLine();
        checkMailOptions();
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
            MailNotifier mail = mailFrom == null ? null : notifier(db, app);
            List<SyncJob> jobs = run(db, tenants, stop, mail);
            int exit = report(db, jobs, unreachable, out);
            return mail == null ? exit : Math.max(exit, mailSummaries(mail, jobs, out));
        } catch (RuntimeException e) {
            if (!synced) {
                removeQuietly(fresh); // the database is closed by now
            }
            throw e;
        }
    }

    /** Refuses --mail-from without --mail-to (or the reverse) and malformed addresses, before anything is created. */
    private void checkMailOptions() {
        if ((mailFrom == null) != (mailTo == null)) {
            throw new IllegalArgumentException("--mail-from MAILBOX and --mail-to ADDRESS go together: pass both to"
                    + " mail the summaries, or neither");
        }
        if (mailFrom != null) {
            try {
                MailMessage.text(mailFrom, List.of("check@mail.example"), "", "");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--mail-from: '" + mailFrom + "' is not a mailbox: pass its user"
                        + " principal name, such as noc@contoso.com");
            }
            try {
                MailMessage.text(mailFrom, mailTo, "", "");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "--mail-to: " + e.getMessage().replaceFirst("^to: ", ""));
            }
        }
    }

    /** The notifier that mails from {@code --mail-from} with the credential {@code app}. */
    private MailNotifier notifier(HostDatabase db, AppCredential app) {
        RecordSource records = RecordSource.of(db.storage().queries());
        return new MailNotifier(
                new MailSettings(true, app.name(), mailFrom, mailTo),
                db.runtime().mail(),
                records,
                db.storage().queries()::findings,
                tenant -> ShowCommand.name(db, records, tenant));
    }

    /**
     * Mails the summary of each company whose job synced something (SUCCEEDED or PARTIAL); notices of jobs that did
     * not succeed went out as they ended. Returns 1 when any mail could not be sent (the warnings on standard error
     * say why), else 0.
     */
    private int mailSummaries(MailNotifier mail, List<SyncJob> jobs, PrintStream out) {
        int summaries = 0;
        for (SyncJob job : jobs) {
            if ((job.status() == JobStatus.SUCCEEDED || job.status() == JobStatus.PARTIAL)
                    && mail.sendSummary(job.tenant(), job)) {
                summaries++;
            }
        }
        out.printf(
                "%nMailed %d %s to %s.%n",
                summaries, summaries == 1 ? "summary" : "summaries", String.join(", ", mailTo));
        if (mail.failedSends() > 0) {
            out.printf(
                    "%d mail(s) could not be sent from %s: the warnings above say why (a missing Mail.Send"
                            + " permission in the credential's home tenant, or a mailbox that does not exist there).%n",
                    mail.failedSends(), mailFrom);
            return 1;
        }
        return 0;
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

    private List<SyncJob> run(HostDatabase db, List<TenantId> tenants, StopOnSignal stop, MailNotifier mail)
            throws InterruptedException {
        Map<TenantId, String> names = new LinkedHashMap<>();
        tenants.forEach(t -> names.put(t, t.value()));
        SyncListener bars = ProgressBars.forTerminal(!noProgress, job -> names.get(job.tenant()));
        List<SyncJob> finished = new ArrayList<>();
        EntraSync.EngineBuilder builder = db.engineBuilder().listener(bars);
        if (mail != null) {
            builder.listener(mail);
        }
        try (SyncEngine engine = builder.build()) {
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
