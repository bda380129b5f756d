package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.testkit.ContosoFixture;
import dev.entrasync.testkit.SimulatedTenant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code changes}: Contoso synced by the CLI (in its own process), a user disabled and another made Global
 * Administrator in the simulated cloud, synced again; {@code changes} shows exactly those as a table and JSON lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangesCommandTest {

    private CliSyncFixture fixture;
    private SimulatedTenant contoso;
    private String disabled;
    private String promoted;
    private String afterFirstSync;

    @BeforeAll
    void syncChangeSync(@TempDir Path dir) {
        fixture = CliSyncFixture.start(dir, ContosoFixture.build(), "users,roles");
        contoso = fixture.tenant();
        fixture.sync();
        afterFirstSync = CliRunner.here("changes", "--db", db(), "--tenant", contoso.id())
                .out();
        List<String> members = new ArrayList<>();
        for (Map<String, Object> user : contoso.users().list()) {
            if (Boolean.TRUE.equals(user.get("accountEnabled")) && "Member".equals(user.get("userType"))) {
                members.add((String) user.get("id"));
            }
        }
        members.removeAll(
                contoso.roles().members(ContosoFixture.GLOBAL_ADMIN_ROLE_ID).keySet());
        disabled = members.get(0);
        promoted = members.get(1);
        contoso.users().update(disabled, Map.of("accountEnabled", false));
        contoso.roles().addMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, promoted);
        fixture.sync();
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private String db() {
        return fixture.db();
    }

    @Test
    void theFirstSyncIsABaselineWithoutChanges() {
        assertThat(afterFirstSync)
                .contains("Tenant " + contoso.id() + ": no changes since 7d\n")
                .doesNotContain("Dataset");
    }

    @Test
    void theTableShowsEachChangeWithItsFields() {
        CliRunner.Run changes = CliRunner.here("changes", "--db", db(), "--tenant", contoso.id(), "--since", "1h");

        assertThat(changes.exit()).as(changes.err()).isZero();
        assertThat(changes.out())
                .contains("Tenant " + contoso.id() + ": 3 changes since 1h")
                .contains("accountEnabled: true -> false")
                .contains("directoryRoles + Global Administrator")
                .contains("members + ");
    }

    @Test
    void jsonIsOneChangePerLine() throws IOException {
        CliRunner.Run changes = CliRunner.here("changes", "--db", db(), "--tenant", contoso.id(), "--format", "json");

        assertThat(changes.exit()).as(changes.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (String line : changes.out().lines().toList()) {
            JsonNode change = json.readTree(line);
            assertThat(change.get("kind").asText()).isEqualTo("CHANGED");
            JsonNode field = change.get("fields").get(0);
            lines.add(change.get("dataset").asText() + " "
                    + change.get("objectId").asText() + " "
                    + field.get("field").asText() + " " + field.get("old").asText() + " -> "
                    + field.get("new").asText());
        }
        assertThat(lines)
                .containsExactlyInAnyOrder(
                        "users " + disabled + " accountEnabled true -> false",
                        "users " + promoted + " directoryRoles null -> Global Administrator",
                        "roles " + ContosoFixture.GLOBAL_ADMIN_ROLE_ID + " members null -> "
                                + contoso.users().get(promoted).get("displayName") + " ("
                                + contoso.users().get(promoted).get("userPrincipalName") + ")");
    }

    @Test
    void aBadDurationOrFormatIsRefusedWithWhatToDo() {
        CliRunner.Run since = CliRunner.here("changes", "--db", db(), "--tenant", contoso.id(), "--since", "week");
        CliRunner.Run format = CliRunner.here("changes", "--db", db(), "--tenant", contoso.id(), "--format", "xml");

        assertThat(since.exit()).isEqualTo(2);
        assertThat(since.err()).contains("--since: 'week' is not a positive duration; use for example 30m, 24h, 7d");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("--format: unknown format 'xml'; use text (the default) or json");
    }
}
