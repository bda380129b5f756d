package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.Dataset;
import dev.entrasync.TenantId;
import dev.entrasync.findings.AffectedObject;
import dev.entrasync.findings.FindingRule;
import dev.entrasync.findings.Findings;
import dev.entrasync.findings.Severity;
import dev.entrasync.jdbc.JdbcStorage;
import dev.entrasync.model.EntraUser;
import dev.entrasync.testkit.ContosoFixture;
import dev.entrasync.testkit.SimulatedTenant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
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

    private static final String GLOBAL_ADMINS = "Fewer than two or more than four Global Administrators";

    private CliSyncFixture fixture;
    private SimulatedTenant contoso;

    @BeforeAll
    void sync(@TempDir Path dir) {
        fixture = CliSyncFixture.start(dir, ContosoFixture.build(), "users,roles");
        contoso = fixture.tenant();
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
    void eachFindingShowsSeverityTitleAffectedCountAndFix() {
        CliRunner.Run findings = CliRunner.here("findings", "--db", db(), "--tenant", contoso.id());

        assertThat(findings.exit()).as(findings.err()).isZero();
        assertThat(findings.out())
                .startsWith("Tenant " + contoso.id() + ": 1 open finding\n\n")
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

    /** A copy of the synced database in a new directory, so that marking findings leaves the other tests' alone. */
    private String copyOfDb(Path into) throws IOException {
        return fixture.copyOfDb(into);
    }

    private static JsonNode finding(String db, String tenant, String rule) throws IOException {
        CliRunner.Run findings = CliRunner.here("findings", "--db", db, "--tenant", tenant, "--format", "json");
        assertThat(findings.exit()).as(findings.err()).isZero();
        for (String line : findings.out().lines().toList()) {
            JsonNode f = new ObjectMapper().readTree(line);
            if (f.get("rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no finding of " + rule + " in:\n" + findings.out());
    }

    @Test
    void acknowledgeMarksTheFindingWhichStaysListed(@TempDir Path copy) throws IOException {
        String db = copyOfDb(copy);

        CliRunner.Run ack =
                CliRunner.here("findings", "--db", db, "--tenant", contoso.id(), "--acknowledge", "global-admin-count");

        assertThat(ack.exit()).as(ack.err()).isZero();
        assertThat(ack.out())
                .isEqualTo("Acknowledged in Tenant " + contoso.id() + ": " + GLOBAL_ADMINS
                        + " (global-admin-count). It stays listed, marked [acknowledged].\n");
        assertThat(CliRunner.here("findings", "--db", db, "--tenant", contoso.id())
                        .out())
                .contains("HIGH      " + GLOBAL_ADMINS + " [acknowledged] (1 affected)\n");
        JsonNode f = finding(db, contoso.id(), "global-admin-count");
        assertThat(f.get("acknowledgedAt").isNull()).isFalse();
        assertThat(f.get("muted").asBoolean()).isFalse();
    }

    @Test
    void muteThenUnmuteAndEachTwice(@TempDir Path copy) throws IOException {
        String db = copyOfDb(copy);
        String tenant = contoso.id();

        CliRunner.Run mute = CliRunner.here("findings", "--db", db, "--tenant", tenant, "--mute", "global-admin-count");
        CliRunner.Run again =
                CliRunner.here("findings", "--db", db, "--tenant", tenant, "--mute", "global-admin-count");
        String listed =
                CliRunner.here("findings", "--db", db, "--tenant", tenant).out();
        boolean mutedThen =
                finding(db, tenant, "global-admin-count").get("muted").asBoolean();
        CliRunner.Run unmute =
                CliRunner.here("findings", "--db", db, "--tenant", tenant, "--unmute", " global-admin-count ");
        CliRunner.Run unmuteAgain =
                CliRunner.here("findings", "--db", db, "--tenant", tenant, "--unmute", "global-admin-count");

        String what = " in Tenant " + tenant + ": " + GLOBAL_ADMINS + " (global-admin-count).";
        assertThat(mute.exit()).as(mute.err()).isZero();
        assertThat(mute.out())
                .isEqualTo("Muted" + what + " Mail reports leave it out; `findings` lists it marked [muted].\n");
        assertThat(again.out())
                .isEqualTo(
                        "Already muted" + what + " Mail reports leave it out; `findings` lists it marked [muted].\n");
        assertThat(listed).contains("HIGH      " + GLOBAL_ADMINS + " [muted] (1 affected)\n");
        assertThat(mutedThen).isTrue();
        assertThat(unmute.exit()).as(unmute.err()).isZero();
        assertThat(unmute.out()).isEqualTo("Unmuted" + what + "\n");
        assertThat(unmuteAgain.out()).isEqualTo("Was not muted" + what + "\n");
        JsonNode f = finding(db, tenant, "global-admin-count");
        assertThat(f.get("muted").asBoolean()).isFalse();
        assertThat(f.get("acknowledgedAt").isNull()).isTrue();
    }

    @Test
    void markingRefusesUnknownRulesTenantsAndBrokenCommandLinesAndChangesNothing(@TempDir Path copy)
            throws IOException {
        String db = copyOfDb(copy);
        String tenant = contoso.id();
        String unmapped = "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f";

        CliRunner.Run unknownRule =
                CliRunner.here("findings", "--db", db, "--tenant", tenant, "--acknowledge", "no-such-rule");
        CliRunner.Run hostileRule = CliRunner.here(
                "findings", "--db", db, "--tenant", tenant, "--mute", "<script>alert(1)</script>\u001b[2J");
        CliRunner.Run notFired =
                CliRunner.here("findings", "--db", db, "--tenant", tenant, "--mute", "non-compliant-devices");
        CliRunner.Run unmappedTenant =
                CliRunner.here("findings", "--db", db, "--tenant", unmapped, "--mute", "global-admin-count");
        CliRunner.Run forgedTenant = CliRunner.here(
                "findings",
                "--db",
                db,
                "--tenant",
                "x'; DROP TABLE entra_findings; --",
                "--mute",
                "global-admin-count");
        CliRunner.Run all = CliRunner.here("findings", "--db", db, "--all", "--mute", "global-admin-count");
        CliRunner.Run two = CliRunner.here(
                "findings",
                "--db",
                db,
                "--tenant",
                tenant,
                "--mute",
                "global-admin-count",
                "--unmute",
                "global-admin-count");
        CliRunner.Run noRule = CliRunner.here("findings", "--db", db, "--tenant", tenant, "--acknowledge");

        assertThat(unknownRule.exit()).isEqualTo(2);
        assertThat(unknownRule.err())
                .startsWith("Error: --acknowledge: there is no rule 'no-such-rule'. The rules are: ")
                .contains("global-admin-count, ")
                .contains("non-compliant-devices");
        assertThat(hostileRule.exit()).isEqualTo(2);
        assertThat(hostileRule.err())
                .startsWith("Error: --mute: that is not a rule id. The rules are: ")
                .doesNotContain("<script>")
                .doesNotContain("\u001b");
        assertThat(notFired.exit()).isEqualTo(2);
        assertThat(notFired.err())
                .isEqualTo("Error: --mute: Tenant " + tenant + " has no finding of rule non-compliant-devices (the"
                        + " rule never fired there, or its datasets were never synced). `findings --tenant " + tenant
                        + "` lists its findings.\n");
        assertThat(unmappedTenant.exit()).isEqualTo(2);
        assertThat(unmappedTenant.err())
                .isEqualTo("Error: --tenant: tenant " + unmapped + " is not mapped in this database. `show --db ...`"
                        + " lists the mapped tenants with their ids.\n");
        assertThat(forgedTenant.exit()).isEqualTo(2);
        assertThat(forgedTenant.err()).contains("is neither a tenant GUID nor a domain name");
        assertThat(all.exit()).isEqualTo(2);
        assertThat(all.err())
                .isEqualTo("Error: --mute: a finding is marked in one tenant; name it with --tenant ID instead of"
                        + " --all\n");
        assertThat(two.exit()).isEqualTo(2);
        assertThat(two.err()).contains("mutually exclusive");
        assertThat(noRule.exit()).isEqualTo(2);
        assertThat(noRule.err()).contains("Missing required parameter for option '--acknowledge'");
        JsonNode f = finding(db, tenant, "global-admin-count");
        assertThat(f.get("muted").asBoolean()).isFalse();
        assertThat(f.get("acknowledgedAt").isNull()).isTrue();
    }

    @Test
    void acknowledgingAResolvedFindingSaysSo(@TempDir Path copy) throws IOException {
        String db = copyOfDb(copy);
        String second = contoso.users().list().stream()
                .filter(u -> "Member".equals(u.get("userType")))
                .map(u -> (String) u.get("id"))
                .filter(id -> !id.equals(ContosoFixture.ADMIN_USER_ID))
                .findFirst()
                .orElseThrow();
        contoso.roles().addMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, second);
        CliRunner.Run sync;
        try {
            sync = fixture.syncInto(db);
        } finally {
            contoso.roles().removeMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, second);
        }
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();

        CliRunner.Run ack =
                CliRunner.here("findings", "--db", db, "--tenant", contoso.id(), "--acknowledge", "global-admin-count");

        assertThat(ack.exit()).as(ack.err()).isZero();
        assertThat(ack.out())
                .isEqualTo("Acknowledged in Tenant " + contoso.id() + ": " + GLOBAL_ADMINS + " (global-admin-count)."
                        + " It is resolved already: the last evaluation of its rule no longer found it.\n");
        assertThat(CliRunner.here("findings", "--db", db, "--tenant", contoso.id())
                        .out())
                .as("a resolved finding is not listed")
                .doesNotContain(GLOBAL_ADMINS);
    }

    @Test
    void aHostsOwnRuleWhoseFindingsTheDatabaseHoldsCanBeMuted(@TempDir Path copy) throws IOException {
        String db = copyOfDb(copy);
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(db);
        h2.setUser("sa"); // the CLI's default --db-user
        FindingRule guests = FindingRule.of(
                "acme-guests",
                "Guest users",
                Severity.LOW,
                EnumSet.of(Dataset.USERS),
                "Review the guests with the customer.",
                data -> data.records(EntraUser.class).stream()
                        .filter(u -> "Guest".equals(u.userType()))
                        .map(u -> new AffectedObject(u.id(), u.displayName()))
                        .toList());
        JdbcStorage.builder(h2)
                .findings(new Findings(List.of(guests)))
                .build()
                .findings()
                .evaluate(TenantId.of(contoso.id()), EnumSet.of(Dataset.USERS));

        CliRunner.Run mute = CliRunner.here("findings", "--db", db, "--tenant", contoso.id(), "--mute", "acme-guests");

        assertThat(mute.exit()).as(mute.err()).isZero();
        assertThat(mute.out()).startsWith("Muted in Tenant " + contoso.id() + ": Guest users (acme-guests).");
        assertThat(finding(db, contoso.id(), "acme-guests").get("muted").asBoolean())
                .isTrue();
    }
}
