package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.testkit.ContosoFixture;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code findings}: Contoso synced by the CLI (users and roles, in its own process); {@code findings} shows what the
 * sync's evaluation stored (Contoso has one Global Administrator) as a table and JSON lines, for one tenant or all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingsCommandTest {

    private static final String CLIENT_ID = "7c6d5e4f-3a21-4c1b-8e9f-8a7b6c5d4e3f";
    private static final String SECRET = "findings-command-test-secret-0123456789";

    private Path dir;
    private SimulatedCloud cloud;
    private SimulatedTenant contoso;

    @BeforeAll
    void sync(@TempDir Path dir) {
        this.dir = dir;
        cloud = SimulatedCloud.start();
        SimulatedApp app = cloud.registerApp(CLIENT_ID, SECRET);
        contoso = cloud.addTenant(ContosoFixture.build());
        contoso.consent(app, Permissions.allRead());
        CliRunner.Run sync = CliRunner.syncSimulated(
                cloud,
                CLIENT_ID,
                SECRET,
                db(),
                dir.resolve("key"),
                "--tenant",
                contoso.id(),
                "--datasets",
                "users,roles");
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
    }

    @AfterAll
    void stop() {
        cloud.close();
    }

    private String db() {
        return "jdbc:h2:" + dir.resolve("entra-sync");
    }

    @Test
    void eachFindingShowsSeverityTitleAffectedCountAndFix() {
        CliRunner.Run findings = CliRunner.here("findings", "--db", db(), "--tenant", contoso.id());

        assertThat(findings.exit()).as(findings.err()).isZero();
        assertThat(findings.out())
                .contains("Tenant " + contoso.id() + ": 1 open finding\n")
                .contains("HIGH      Fewer than two or more than four Global Administrators (1 affected)\n"
                        + "          Fix: Assign a second Global Administrator, such as a cloud-only emergency access"
                        + " account.")
                .as("rules over datasets not synced are not evaluated")
                .doesNotContain("Intune");
    }

    @Test
    void allListsEveryMappedTenantAndJsonIsOneFindingPerLine() throws IOException {
        CliRunner.Run findings = CliRunner.here("findings", "--db", db(), "--all", "--format", "json");

        assertThat(findings.exit()).as(findings.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<String> rules = new ArrayList<>();
        for (String line : findings.out().lines().toList()) {
            JsonNode f = json.readTree(line);
            assertThat(f.get("tenant").asText()).isEqualTo(contoso.id());
            rules.add(f.get("rule").asText());
            if (f.get("rule").asText().equals("global-admin-count")) {
                assertThat(f.get("affected").get(0).get("id").asText()).isEqualTo(ContosoFixture.ADMIN_USER_ID);
                assertThat(f.get("muted").asBoolean()).isFalse();
            }
        }
        assertThat(rules).contains("global-admin-count");
    }

    @Test
    void tenantAndAllTogetherOrNeitherIsRefused() {
        CliRunner.Run both = CliRunner.here("findings", "--db", db(), "--tenant", contoso.id(), "--all");
        CliRunner.Run neither = CliRunner.here("findings", "--db", db());

        assertThat(both.exit()).isNotZero();
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(neither.exit()).isNotZero();
        assertThat(neither.err()).contains("--tenant").contains("--all");
    }
}
