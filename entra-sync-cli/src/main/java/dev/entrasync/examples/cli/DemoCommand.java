package dev.entrasync.examples.cli;

import dev.entrasync.Dataset;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.CompanyBook;
import dev.entrasync.examples.support.ConsentWalk;
import dev.entrasync.examples.support.DemoCloud;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.KeyRings;
import dev.entrasync.examples.support.RecordSource;
import dev.entrasync.examples.support.TenantSummary;
import dev.entrasync.jdbc.SecretKeyRing;
import dev.entrasync.onboarding.ConsentResult;
import dev.entrasync.onboarding.ConsentStatus;
import dev.entrasync.onboarding.DiscoveredTenant;
import dev.entrasync.onboarding.ImportResult;
import dev.entrasync.onboarding.Onboarding;
import dev.entrasync.onboarding.TenantImport;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the whole product on a simulated Microsoft cloud, in-process, on embedded defaults — an
 * MSP's partner credential, consent walked for each customer, GDAP discovery, import, one sync of every
 * tenant into an H2 file database, and a summary read back from that database. Exits 0 when every tenant
 * synced, in full or (for the tenant missing a permission) in part; 1 when a job failed.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Simulate Microsoft's cloud with an MSP and its customers, onboard and sync them into an H2"
                + " file database, and print a summary per tenant.")
final class DemoCommand implements Callable<Integer> {

    static final String REDIRECT_URI = "http://localhost:8080/entra/consent";
    private static final String CREDENTIAL = "northwind";
    /** The table that marks a database as the demo's own, which a later demo may replace. */
    static final String MARKER_TABLE = "ENTRA_SYNC_DEMO_DATABASE";

    @Option(
            names = "--users",
            defaultValue = "1200",
            description = "Members in Contoso, the largest tenant (default ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = "--db-file",
            defaultValue = "entra-sync-demo",
            description = "The demo's H2 database file, without .mv.db (default ${DEFAULT-VALUE}); a database an"
                    + " earlier demo created there is replaced, any other is refused (see --force). The key that"
                    + " encrypts the demo credential's secret is kept beside it, in FILE.key.")
    Path dbFile;

    @Option(
            names = "--force",
            description = "Replace the --db-file database even when the demo did not create it (its data is lost).")
    boolean force;

    @Option(
            names = "--no-progress",
            description = "No progress bars (there are none when standard error is not a terminal).")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path file = Path.of(dbFile.toAbsolutePath() + ".mv.db");
        String url = "jdbc:h2:" + dbFile.toAbsolutePath();
        refuseForeignDatabase(file, url);
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(dbFile.toAbsolutePath() + ".trace.db"));
        markAsDemo(url);
        CompanyBook companies = new CompanyBook();
        Path keyFile = keyFile();
        SecretKeyRing keys = KeyRings.createFile(keyFile);
        url = DatabaseOptions.withoutCloseOnExit(url);
        try (StopOnSignal stop = StopOnSignal.install(System.err);
                DemoCloud microsoft = DemoCloud.start(users, REDIRECT_URI, false)) {
            try (HostDatabase db = HostDatabase.open(url, "sa", "", keys)) {
                stop.database(db);
                Onboarding onboarding = db.runtime()
                        .onboarding()
                        .consents(db.storage().consentStore())
                        .stateKey(randomKey())
                        .redirectUri(REDIRECT_URI)
                        .build();
                out.printf(
                        "Created new database at %s (the demo's: a later demo replaces it), its key in %s%n",
                        file, keyFile);
                out.printf(
                        "Simulated Microsoft cloud: login %s, graph %s%n",
                        microsoft.cloud().loginUrl(), microsoft.cloud().graphUrl());
                db.credentials()
                        .save(microsoft.credential(CREDENTIAL, Instant.now().plus(Duration.ofDays(180))));
                out.printf(
                        "Credential '%s': Northwind MSP's app registration (CSP partner), secret encrypted in %s%n",
                        CREDENTIAL, file);
                onboard(microsoft, onboarding, db, companies, out);
            }
            // The sync runs later, in a new host process: its tokens are issued after Litware's administrator
            // removed the permission. (One runtime keeps a tenant's token until it is due for renewal, and Graph
            // honours the roles a token was issued with, as Microsoft's cloud does.)
            try (HostDatabase db = HostDatabase.open(url, "sa", "", keys)) {
                stop.database(db);
                return sync(db, companies, out, file, microsoft.contoso().id(), stop);
            }
        }
    }

    private void onboard(
            DemoCloud microsoft, Onboarding onboarding, HostDatabase db, CompanyBook companies, PrintStream out) {
        ConsentWalk walk = new ConsentWalk(microsoft.cloud(), onboarding.consent());
        ConsentResult partner = walk.approve(
                onboarding
                        .consent()
                        .forTenant(CREDENTIAL, TenantId.of(microsoft.partner().id()), null),
                microsoft.partner());
        out.printf(
                "Consent: %s administrator approved -> %s%n",
                microsoft.partner().displayName(), verdict(partner));
        for (DiscoveredTenant customer : onboarding.discovery().discover(CREDENTIAL)) {
            if (customer.consentStatus() != ConsentStatus.CONSENTED) {
                ConsentResult result = walk.approve(
                        customer.consentUrl(),
                        microsoft.cloud().tenant(customer.tenant().value()));
                out.printf("Consent: %s administrator approved -> %s%n", customer.name(), verdict(result));
            }
        }
        microsoft.litwareRemovesAPermission();
        out.printf("Litware's administrator later removed %s from the app.%n", DemoCloud.LITWARE_REMOVED);
        List<DiscoveredTenant> consented = onboarding.discovery().discover(CREDENTIAL).stream()
                .filter(t -> t.consentStatus() == ConsentStatus.CONSENTED)
                .toList();
        ImportResult imported =
                TenantImport.importTenants(db.mapper(), CREDENTIAL, consented, EnumSet.allOf(Dataset.class), companies);
        imported.imported()
                .forEach(m -> out.printf("Imported GDAP customer %s as company %s%n", m.displayName(), m.companyId()));
        String fabrikamCompany = companies.create("Fabrikam", null);
        ConsentResult fabrikam =
                walk.approve(onboarding.consent().forAnyTenant(CREDENTIAL, fabrikamCompany), microsoft.fabrikam());
        out.printf("Connect a tenant: Fabrikam (direct customer) -> %s%n", verdict(fabrikam));
        if (fabrikam instanceof ConsentResult.Granted granted) {
            db.mapper()
                    .map(new TenantMapping(
                            fabrikamCompany,
                            granted.tenant(),
                            CREDENTIAL,
                            "Fabrikam",
                            null,
                            EnumSet.allOf(Dataset.class),
                            false));
            out.printf("Mapped Fabrikam to company %s%n", fabrikamCompany);
        }
    }

    private Path keyFile() {
        return Path.of(dbFile.toAbsolutePath() + ".key");
    }

    /** Refuses to replace a database the demo did not create (no marker table), unless {@code --force}. */
    private void refuseForeignDatabase(Path file, String url) {
        if (force || !Files.exists(file)) {
            return;
        }
        boolean demo;
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
                ResultSet tables = c.getMetaData().getTables(null, null, MARKER_TABLE, null)) {
            demo = tables.next();
        } catch (SQLException e) {
            throw new IllegalArgumentException(
                    "--db-file: " + file + " exists and cannot be opened to check that an earlier demo created it ("
                            + e.getMessage().lines().findFirst().orElse("") + "). Choose another --db-file, or pass"
                            + " --force to replace it.",
                    e);
        }
        if (!demo) {
            throw new IllegalArgumentException("--db-file: " + file + " is a database the demo did not create;"
                    + " replacing it would lose its data. Choose another --db-file, or pass --force to replace it.");
        }
    }

    /** Creates the new database with the marker table that tells a later demo it may replace it. */
    private static void markAsDemo(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement statement = c.createStatement()) {
            statement.execute("CREATE TABLE " + MARKER_TABLE + " (created_at TIMESTAMP WITH TIME ZONE)");
            statement.execute("INSERT INTO " + MARKER_TABLE + " VALUES (CURRENT_TIMESTAMP)");
        }
    }

    private int sync(
            HostDatabase db, CompanyBook companies, PrintStream out, Path file, String largest, StopOnSignal stop)
            throws InterruptedException {
        out.printf("%nSyncing %d tenants...%n", db.mapper().list().size());
        List<SyncJob> finished = new ArrayList<>();
        SyncListener bars = ProgressBars.forTerminal(!noProgress, job -> companies.name(job.companyId()));
        try (SyncEngine engine = db.engineBuilder().listener(bars).build()) {
            stop.engine(engine, bars);
            for (SyncJob job : engine.syncAllNow()) {
                finished.add(engine.await(job.id(), Duration.ofMinutes(30)));
            }
        } finally {
            if (bars instanceof ProgressBars drawn) {
                drawn.close();
            }
        }
        if (StopOnSignal.stopping()) {
            StopOnSignal.parkUntilExit(); // the shutdown hook reports and the JVM exits
        }
        out.println();
        SummaryTable table = new SummaryTable(out);
        table.header();
        RecordSource records = RecordSource.of(db.storage().queries());
        boolean asExpected = true;
        for (SyncJob job : finished) {
            table.row(
                    companies.name(job.companyId()),
                    TenantSummary.of(records, db.storage().jobStore(), job.tenant()),
                    job);
            asExpected &= job.status() == JobStatus.SUCCEEDED || job.status() == JobStatus.PARTIAL;
        }
        String dbOption = "--db jdbc:h2:" + dbFile.toAbsolutePath();
        String jar = jarPath();
        String cli = "java -jar " + (jar.chars().anyMatch(Character::isWhitespace) ? "\"" + jar + "\"" : jar);
        out.printf(
                "%nSynced into %s. Look inside:%n  %s show %s --tenant %s%n"
                        + "  %s jobs %s%n"
                        + "  %s findings %s --all%n"
                        + "The demo credential, northwind, has its secret encrypted with the key in %s; commands that"
                        + " read it take --key-file and --credential northwind:%n"
                        + "  %s consent-url %s --key-file %s --credential northwind%n",
                file, cli, dbOption, largest, cli, dbOption, cli, dbOption, keyFile(), cli, dbOption, keyFile());
        return asExpected ? 0 : 1;
    }

    /**
     * The path of the jar this command runs from, relative to the working directory when it lies below it (as
     * {@code entra-sync-cli/target/entra-sync.jar} after the README's build); {@code entra-sync.jar} when not run from
     * a jar.
     */
    static String jarPath() {
        try {
            Path location = Path.of(DemoCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (!location.toString().endsWith(".jar")) {
                return "entra-sync.jar";
            }
            Path here = Path.of("").toAbsolutePath();
            return location.startsWith(here) ? here.relativize(location).toString() : location.toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "entra-sync.jar";
        }
    }

    private static String verdict(ConsentResult result) {
        return result.granted() ? "verified (token obtained)" : result.message();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
