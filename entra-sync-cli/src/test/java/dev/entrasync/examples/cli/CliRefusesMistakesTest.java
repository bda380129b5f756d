package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.TenantBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI refuses what would lose data or make useless files, and says what to do instead. */
class CliRefusesMistakesTest {

    private static final String CLIENT_ID = "7b6a5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";

    @TempDir
    Path dir;

    private List<Path> files() throws Exception {
        try (Stream<Path> all = Files.list(dir)) {
            return all.toList();
        }
    }

    @Test
    void commandsThatReadRefuseADatabaseThatDoesNotExistAndCreateNothing() throws Exception {
        String typo = "jdbc:h2:" + dir.resolve("typo");
        List<CliRunner.Run> runs = List.of(
                CliRunner.here("show", "--db", typo),
                CliRunner.here("show", "--db", typo, "--tenant", "contoso.onmicrosoft.com"),
                CliRunner.here("jobs", "--db", typo),
                CliRunner.here(
                        "preflight",
                        "--db",
                        typo,
                        "--key-file",
                        dir.resolve("key").toString()),
                CliRunner.here(
                        "consent-url",
                        "--db",
                        typo,
                        "--key-file",
                        dir.resolve("key").toString()));

        for (CliRunner.Run run : runs) {
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(run.err())
                    .contains("No database at " + dir.resolve("typo.mv.db"))
                    .contains("only sync and demo create a new database");
            assertThat(run.out()).isEmpty();
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void demoRefusesToReplaceADatabaseItDidNotCreateUnlessForced() throws Exception {
        Path mine = dir.resolve("entra-sync");
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + mine, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE precious (id INT)");
        }

        CliRunner.Run refused = CliRunner.here("demo", "--users", "20", "--no-progress", "--db-file", mine.toString());

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err())
                .contains(mine + ".mv.db is a database the demo did not create")
                .contains("--force");
        assertThat(tables(mine)).contains("PRECIOUS");

        CliRunner.Run forced =
                CliRunner.here("demo", "--users", "20", "--no-progress", "--db-file", mine.toString(), "--force");
        CliRunner.Run again = CliRunner.here("demo", "--users", "20", "--no-progress", "--db-file", mine.toString());

        assertThat(forced.exit()).as(forced.out() + forced.err()).isZero();
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(tables(mine)).doesNotContain("PRECIOUS");
    }

    @Test
    void theDemosKeyIsKeptBesideItsDatabaseSoPreflightReadsTheSecret() throws Exception {
        Path demo = dir.resolve("demo");
        CliRunner.Run run = CliRunner.here("demo", "--users", "20", "--no-progress", "--db-file", demo.toString());
        Path key = dir.resolve("demo.key");

        CliRunner.Run preflight = CliRunner.here("preflight", "--db", "jdbc:h2:" + demo, "--key-file", key.toString());
        CliRunner.Run link = CliRunner.here("consent-url", "--db", "jdbc:h2:" + demo, "--key-file", key.toString());
        CliRunner.Run hinted = CliRunner.here(
                "consent-url", "--db", "jdbc:h2:" + demo, "--key-file", key.toString(), "--credential", "northwind");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("Created new database at " + demo + ".mv.db")
                .contains("consent-url --db jdbc:h2:" + demo + " --key-file " + key + " --credential northwind\n");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(preflight.out() + preflight.err())
                .contains("Preflight of tenant")
                .doesNotContain("does not decrypt");
        // the demo's credential is not named 'default': the refusal names the one it is
        assertThat(link.exit()).isEqualTo(2);
        assertThat(link.err())
                .contains("No credential named 'default' in the database; it holds northwind: pass --credential NAME");
        // the command the demo prints works
        assertThat(hinted.exit()).as(hinted.out() + hinted.err()).isZero();
        assertThat(hinted.out()).contains("&redirect_uri=");
    }

    @Test
    void consentUrlNeedsOnlyTheClientIdAndLeavesNoFiles() throws Exception {
        String db = "jdbc:h2:" + dir.resolve("entra-sync");
        String key = dir.resolve("key").toString();

        CliRunner.Run link = CliRunner.here(
                "consent-url",
                "--tenant",
                "contoso.onmicrosoft.com",
                "--client-id",
                CLIENT_ID,
                "--db",
                db,
                "--key-file",
                key);
        CliRunner.Run failed = CliRunner.here(
                "consent-url",
                "--tenant",
                "contoso.onmicrosoft.com",
                "--client-id",
                "not-a-guid",
                "--db",
                db,
                "--key-file",
                key);

        assertThat(link.exit()).as(link.err()).isZero();
        assertThat(link.out().trim())
                .startsWith("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?client_id="
                        + CLIENT_ID)
                .contains("&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fconsent%2Fcallback&");
        assertThat(failed.exit()).isEqualTo(2);
        assertThat(failed.err()).contains("not-a-guid");
        assertThat(files()).isEmpty();
    }

    @Test
    void consentUrlForAnyTenantNeedsOnlyTheClientId() throws Exception {
        CliRunner.Run link = CliRunner.here(
                "consent-url",
                "--client-id",
                CLIENT_ID,
                "--key-file",
                dir.resolve("key").toString());

        assertThat(link.exit()).as(link.err()).isZero();
        assertThat(link.out().trim())
                .startsWith(
                        "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=" + CLIENT_ID);
        assertThat(files()).isEmpty();
    }

    @Test
    void aSyncThatFailsBeforeSyncingLeavesNoNewDatabaseOrKey() throws Exception {
        CliRunner.Run failed = CliRunner.here(
                "sync",
                "--tenant",
                "contoso.onmicrosoft.com",
                "--client-id",
                CLIENT_ID,
                "--client-secret-env",
                "ENTRA_SYNC_TEST_VARIABLE_THAT_IS_NEVER_SET",
                "--no-progress",
                "--db",
                "jdbc:h2:" + dir.resolve("entra-sync"),
                "--key-file",
                dir.resolve("key").toString());

        assertThat(failed.exit()).as(failed.err()).isNotZero();
        assertThat(failed.err())
                .contains("ENTRA_SYNC_TEST_VARIABLE_THAT_IS_NEVER_SET")
                .contains("Removed ");
        assertThat(files()).isEmpty();
    }

    @Test
    void theKeyFileDefaultsToThePerUserConfigurationDirectory() throws Exception {
        Path config = dir.resolve("config");
        Path work = Files.createDirectory(dir.resolve("work"));
        try (SimulatedCloud cloud = SimulatedCloud.start()) {
            SimulatedApp app = cloud.registerApp(CLIENT_ID, "per-user-key-test-secret-0123456789");
            assertThat(app.clientId()).isEqualTo(CLIENT_ID);
            String tenant = cloud.addTenant(
                            TenantBuilder.create("Contoso").seed(5).users(5).build())
                    .id();
            CliRunner.Run run = CliRunner.process(
                    Map.of(
                            "ENTRA_SYNC_CONFIG_DIR",
                            config.toString(),
                            "TEST_SECRET",
                            "per-user-key-test-secret-0123456789"),
                    List.of(),
                    Main.class.getName(),
                    "sync",
                    "--tenant",
                    tenant,
                    "--cloud",
                    "custom",
                    "--login-url",
                    cloud.loginUrl(),
                    "--graph-url",
                    cloud.graphUrl(),
                    "--client-id",
                    CLIENT_ID,
                    "--client-secret-env",
                    "TEST_SECRET",
                    "--db",
                    "jdbc:h2:" + work.resolve("entra-sync"));

            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1); // not consented: nothing synced
            assertThat(run.err())
                    .contains("Created a new secret-encryption key in " + config.resolve("key"))
                    .contains("Created new database at " + work.resolve("entra-sync.mv.db"));
        }
        assertThat(Files.getPosixFilePermissions(config.resolve("key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(work.resolve("entra-sync.key")).doesNotExist();
        assertThat(CliRunner.here("sync", "--help").out().replaceAll("\\s+", ""))
                .contains(
                        "Default:keyin$ENTRA_SYNC_CONFIG_DIR,else$XDG_CONFIG_HOME/entra-sync,else~/.config/entra-sync");
    }

    private static List<String> tables(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + db + ";IFEXISTS=TRUE", "sa", "");
                ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", null, null)) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
            return names;
        }
    }
}
