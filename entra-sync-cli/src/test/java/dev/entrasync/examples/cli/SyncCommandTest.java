package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync} against a simulated cloud in this JVM, the CLI in its own process with the secret in its environment. */
class SyncCommandTest {

    private static final String CLIENT_ID = "3f2d1c0b-9a8e-4d7c-8b6a-5f4e3d2c1b0a";
    private static final String SECRET = "sync-command-test-secret-0123456789";

    @TempDir
    Path dir;

    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, SECRET);
    private final SimulatedTenant contoso =
            cloud.addTenant(TenantBuilder.create("Contoso").seed(1).users(120).build());

    @AfterEach
    void stop() {
        cloud.close();
    }

    private String db() {
        return "jdbc:h2:" + dir.resolve("entra-sync");
    }

    private CliRunner.Run sync(String... extra) {
        return CliRunner.syncSimulated(cloud, CLIENT_ID, SECRET, db(), dir.resolve("key"), extra);
    }

    @Test
    void writesTheSummaryJsonAndExitsNonZeroNamingEachReason() throws Exception {
        contoso.consent(app, Permissions.allRead());
        SimulatedTenant litware = cloud.addTenant(
                TenantBuilder.create("Litware").seed(11).users(30).build());
        litware.consent(app, Permissions.allRead()).revoke(app, Permissions.SECURITY_EVENTS_READ_ALL);
        SimulatedTenant fabrikam = cloud.addTenant(
                TenantBuilder.create("Fabrikam").seed(2).users(10).build());
        Path json = dir.resolve("summary.json");

        CliRunner.Run run = sync(
                "--tenant",
                contoso.id(),
                "--tenant",
                litware.defaultDomain(),
                "--tenant",
                fabrikam.id(),
                "--summary-json",
                json.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("Contoso\\s+126\\s.*SUCCEEDED")
                .containsPattern("Litware\\s+31\\s.*PARTIAL")
                .contains("! secure_scores: ")
                .contains("SecurityEvents.Read.All")
                .contains(fabrikam.id() + ": not synced: ");
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertThat(summary).hasSize(3);
        JsonNode first = summary.get(0);
        assertThat(first.get("tenant").asText()).isEqualTo(fabrikam.id());
        assertThat(first.get("status").asText()).isEqualTo("NOT_SYNCED");
        assertThat(first.get("reason").asText()).contains("No app-only token");
        JsonNode full = summary.get(1);
        assertThat(full.get("tenant").asText()).isEqualTo(contoso.id());
        assertThat(full.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(full.get("datasets")).hasSize(dev.entrasync.Dataset.values().length);
        JsonNode users = full.get("datasets").get("users");
        assertThat(users.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(users.get("rows").asLong()).isEqualTo(126);
        assertThat(users.get("requests").asLong()).isPositive();
        assertThat(users.get("throttledResponses").asLong()).isZero();
        assertThat(users.get("unavailableResponses").asLong()).isZero();
        JsonNode partial = summary.get(2);
        assertThat(partial.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(partial.get("datasets").get("secure_scores").get("reason").asText())
                .contains("SecurityEvents.Read.All");
        assertThat(partial.get("datasets").get("users").get("reason").isNull()).isTrue();
    }

    @Test
    void syncsApplicationsAndManagedDevicesAndShowPrintsTheirRowsAndATenantWithoutIntuneGetsTheReason()
            throws Exception {
        contoso.consent(app, Permissions.allRead());
        SimulatedTenant tailspin = cloud.addTenant(TenantBuilder.create("Tailspin Toys")
                .seed(7)
                .users(20)
                .premium(false)
                .build());
        tailspin.consent(app, Permissions.allRead());
        Path json = dir.resolve("apps.json");

        CliRunner.Run run = sync(
                "--tenant",
                contoso.id(),
                "--tenant",
                tailspin.id(),
                "--datasets",
                "applications,managed_devices",
                "--summary-json",
                json.toString());
        CliRunner.Run apps = CliRunner.here(
                "show", "--db", db(), "--tenant", contoso.id(), "--dataset", "applications", "--limit", "100");
        CliRunner.Run devices = CliRunner.here(
                "show", "--db", db(), "--tenant", contoso.id(), "--dataset", "managed-devices", "--limit", "1000");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        long applications =
                contoso.applications().size() + contoso.servicePrincipals().size();
        // only applications and managed devices were synced: every other count is "-", the tenant shows as its id
        assertThat(run.out())
                .containsPattern(contoso.id().substring(0, 15) + ".*\\s-\\s+" + applications + "\\s+"
                        + contoso.managedDevices().size() + "\\s+SUCCEEDED")
                .containsPattern(tailspin.id().substring(0, 15) + ".*\\s-\\s+"
                        + (tailspin.applications().size()
                                + tailspin.servicePrincipals().size()) + "\\s+-\\s+PARTIAL")
                .contains("! managed_devices: ")
                .contains("Microsoft Intune");
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        JsonNode synced = null;
        JsonNode withoutIntune = null;
        for (JsonNode tenant : summary) {
            synced = tenant.get("tenant").asText().equals(contoso.id()) ? tenant : synced;
            withoutIntune = tenant.get("tenant").asText().equals(tailspin.id()) ? tenant : withoutIntune;
        }
        assertThat(synced.get("datasets")).hasSize(2);
        assertThat(synced.get("datasets").get("applications").get("rows").asLong())
                .isEqualTo(applications);
        assertThat(synced.get("datasets").get("managed_devices").get("rows").asLong())
                .isEqualTo(contoso.managedDevices().size());
        assertThat(withoutIntune
                        .get("datasets")
                        .get("managed_devices")
                        .get("status")
                        .asText())
                .isEqualTo("FAILED");
        assertThat(withoutIntune
                        .get("datasets")
                        .get("managed_devices")
                        .get("reason")
                        .asText())
                .contains("Request not applicable to target tenant");
        assertThat(withoutIntune
                        .get("datasets")
                        .get("applications")
                        .get("status")
                        .asText())
                .isEqualTo("SUCCEEDED");
        assertThat(withoutIntune.get("datasets").get("applications").get("rows").asLong())
                .isEqualTo(tailspin.applications().size()
                        + tailspin.servicePrincipals().size());

        assertThat(apps.exit()).as(apps.err()).isZero();
        assertThat(apps.out())
                .contains("Graph permissions")
                .contains("Microsoft Graph")
                .contains("App registration")
                .contains("User.Read.All")
                .contains(applications + " of " + applications + " applications");
        String hint = (String)
                ((Map<?, ?>) ((List<?>) contoso.applications().list().get(0).get("passwordCredentials")).get(0))
                        .get("hint");
        assertThat(apps.out()).doesNotContain(" " + hint + " ");
        assertThat(devices.exit()).as(devices.err()).isZero();
        Map<String, Object> device = contoso.managedDevices().list().get(0);
        assertThat(devices.out())
                .contains("Serial")
                .contains((String) device.get("serialNumber"))
                .contains((String) device.get("wiFiMacAddress"))
                .contains(contoso.managedDevices().size() + " of "
                        + contoso.managedDevices().size() + " managed_devices");
    }

    @Test
    void exitsZeroWhenEveryJobSucceededThenSyncsDeltasAndShowPrintsTheUsers() throws Exception {
        contoso.consent(app, Permissions.allRead());
        Path json = dir.resolve("again.json");

        CliRunner.Run first = sync("--tenant", contoso.id(), "--datasets", "users,devices");
        contoso.users()
                .update((String) contoso.users().list().get(0).get("id"), Map.of("displayName", "Renamed Person"));
        CliRunner.Run second = CliRunner.process(
                Map.of(),
                List.of(),
                Main.class.getName(),
                "sync",
                "--tenant",
                contoso.id(),
                "--datasets",
                "users,devices",
                "--db",
                db(),
                "--key-file",
                dir.resolve("key").toString(),
                "--summary-json",
                json.toString());
        CliRunner.Run show = CliRunner.here("show", "--db", db(), "--tenant", contoso.id(), "--limit", "200");

        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(second.exit()).as(second.out() + second.err()).isZero();
        JsonNode datasets = new ObjectMapper().readTree(json.toFile()).get(0).get("datasets");
        assertThat(datasets.get("users").get("mode").asText()).isEqualTo("DELTA");
        assertThat(datasets.get("devices").get("mode").asText()).isEqualTo("DELTA");
        assertThat(datasets.get("devices").get("requests").asLong()).isEqualTo(1);
        assertThat(show.exit()).isZero();
        assertThat(show.out())
                .contains("User principal name")
                .contains("Renamed Person")
                .contains("126 of 126 users")
                .contains("Tenant " + contoso.id() + ": 126 users")
                .contains(" - groups, licences - paid (- free), - roles, - audit events");
        assertThat(first.err()).contains("Created new database at " + dir.resolve("entra-sync.mv.db"));
    }

    @Test
    void refusesASecretOnTheCommandLineBeforeTouchingAnything() {
        CliRunner.Run run = CliRunner.here(
                "sync",
                "--tenant",
                contoso.id(),
                "--client-id",
                CLIENT_ID,
                "--client-secret",
                "Sup3r-S3cret-Value",
                "--db",
                db(),
                "--key-file",
                dir.resolve("key").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--client-secret is refused").contains("--client-secret-env");
        assertThat(run.out() + run.err()).doesNotContain("Sup3r-S3cret-Value");
        assertThat(dir.resolve("key")).doesNotExist();
        assertThat(dir.resolve("entra-sync.mv.db")).doesNotExist();
    }

    @Test
    void refusesPlainHttpOnAHostThatIsNotLoopback() {
        CliRunner.Run run = CliRunner.here(
                "sync",
                "--tenant",
                contoso.id(),
                "--cloud",
                "custom",
                "--login-url",
                "http://login.example.com",
                "--graph-url",
                "https://graph.example.com",
                "--client-id",
                CLIENT_ID,
                "--client-secret-env",
                "UNSET_VARIABLE_FOR_TEST",
                "--db",
                db(),
                "--key-file",
                dir.resolve("key").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("plain http:// is allowed only on a loopback address");
    }

    @Test
    void namesAnUnsetSecretVariable() {
        CliRunner.Run run = CliRunner.here(
                "sync",
                "--tenant",
                contoso.id(),
                "--cloud",
                "custom",
                "--login-url",
                cloud.loginUrl(),
                "--graph-url",
                cloud.graphUrl(),
                "--client-id",
                CLIENT_ID,
                "--client-secret-env",
                "UNSET_VARIABLE_FOR_TEST",
                "--db",
                db(),
                "--key-file",
                dir.resolve("key").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("UNSET_VARIABLE_FOR_TEST is not set");
    }

    @Test
    void needsTenantsOrAll() {
        CliRunner.Run run = CliRunner.here("sync", "--db", db());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--tenant").contains("--all");
    }

    @Test
    void consentUrlAndPreflightUseTheSavedCredential() throws Exception {
        contoso.consent(app, Permissions.allRead());
        contoso.revoke(app, Permissions.AUDIT_LOG_READ_ALL);
        CliRunner.Run synced = sync("--tenant", contoso.id(), "--datasets", "devices");

        CliRunner.Run link = CliRunner.here(
                "consent-url",
                "--tenant",
                contoso.id(),
                "--db",
                db(),
                "--key-file",
                dir.resolve("key").toString());
        CliRunner.Run preflight = CliRunner.here(
                "preflight", "--db", db(), "--key-file", dir.resolve("key").toString());

        assertThat(synced.exit()).as(synced.out() + synced.err()).isZero();
        assertThat(link.exit()).as(link.err()).isZero();
        assertThat(link.out().trim())
                .startsWith(cloud.loginUrl() + "/" + contoso.id() + "/oauth2/v2.0/authorize?client_id=" + CLIENT_ID)
                .contains("&state=")
                .contains("&code_challenge_method=S256");
        assertThat(preflight.exit()).isZero();
        assertThat(preflight.out())
                .contains("Preflight of tenant " + contoso.id())
                .contains("can sync, with warnings");
        assertThat(Files.readString(dir.resolve("key"))).doesNotContain(SECRET);
    }
}
