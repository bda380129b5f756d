package dev.entrasync.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraSecurityDefaults;
import dev.entrasync.model.EntraUser;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The evaluator: which rules run after a run, their order, a failing rule, and its argument checks. */
class FindingsTest {

    private static final TenantId TENANT = TenantId.of("contoso.onmicrosoft.com");
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    /** A host's own rule, as a host would write one. */
    private record Fixed(String id, Severity severity, Set<Dataset> datasets) implements FindingRule {
        @Override
        public String title() {
            return "rule " + id;
        }

        @Override
        public List<Finding> evaluate(TenantData data) {
            if (id.equals("broken")) {
                throw new IllegalStateException("no such column");
            }
            return List.of(
                    new Finding(id, severity, title(), "found", "fix it", List.of(new AffectedObject("x", null))));
        }
    }

    private static DatasetResult result(Dataset d, DatasetResult.Status status) {
        return new DatasetResult(
                d,
                status,
                DatasetResult.Mode.FULL,
                0,
                0,
                1,
                0,
                Duration.ZERO,
                status == DatasetResult.Status.FAILED ? "Forbidden" : null,
                null,
                null);
    }

    @Test
    void runsOnlyTheRulesWhoseDatasetsAllSucceededMostSevereFirst() {
        Findings findings = new Findings(List.of(
                new Fixed("low-users", Severity.LOW, EnumSet.of(Dataset.USERS)),
                new Fixed("high-users-roles", Severity.HIGH, EnumSet.of(Dataset.USERS, Dataset.ROLES)),
                new Fixed("critical-devices", Severity.CRITICAL, EnumSet.of(Dataset.DEVICES)),
                new Fixed("medium-licenses", Severity.MEDIUM, EnumSet.of(Dataset.LICENSES))));
        SyncResult run = new SyncResult(
                TENANT,
                "run-1",
                List.of(
                        result(Dataset.USERS, DatasetResult.Status.SUCCEEDED),
                        result(Dataset.ROLES, DatasetResult.Status.SUCCEEDED),
                        result(Dataset.DEVICES, DatasetResult.Status.FAILED)));

        List<Finding> found = findings.evaluate(TenantData.of(TENANT, NOW, List.of()), run);

        assertThat(found).extracting(Finding::ruleId).containsExactly("high-users-roles", "low-users");
    }

    @Test
    void aRuleThatThrowsBecomesAnInfoAndTheOthersStillRun() {
        Findings findings = new Findings(List.of(
                new Fixed("broken", Severity.CRITICAL, EnumSet.of(Dataset.USERS)),
                new Fixed("fine", Severity.LOW, EnumSet.of(Dataset.USERS))));

        List<Finding> found = findings.evaluate(TenantData.of(TENANT, NOW, List.of()), EnumSet.of(Dataset.USERS));

        assertThat(found).extracting(Finding::ruleId).containsExactly("fine", "broken");
        assertThat(found.get(1).severity()).isEqualTo(Severity.INFO);
        assertThat(found.get(1).detail()).contains("IllegalStateException: no such column");
    }

    @Test
    void rejectsDuplicateIdsRulesWithoutDatasetsAndAnotherTenantsResult() {
        Fixed a = new Fixed("a", Severity.LOW, EnumSet.of(Dataset.USERS));
        assertThatThrownBy(() -> new Findings(List.of(a, a)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two rules have the id 'a'");
        assertThatThrownBy(() -> new Findings(List.of(new Fixed("b", Severity.LOW, Set.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reads no dataset");
        SyncResult other = new SyncResult(TenantId.of("fabrikam.onmicrosoft.com"), "r", List.of());
        assertThatThrownBy(() -> Findings.builtIn().evaluate(TenantData.of(TENANT, NOW, List.of()), other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fabrikam");
    }

    @Test
    void builtInRulesHaveDistinctIdsAndReadTheInMemorySink() {
        assertThat(Findings.builtIn().rules())
                .extracting(FindingRule::id)
                .doesNotHaveDuplicates()
                .hasSize(11);
        InMemoryDatasetSink sink = new InMemoryDatasetSink();
        var session = sink.open(new dev.entrasync.SinkContext(TENANT, Dataset.CONDITIONAL_ACCESS, "run-1", true));
        session.upsert(List.of(new EntraSecurityDefaults("sd", null, false)));
        session.complete();

        List<Finding> found =
                Findings.builtIn().evaluate(TenantData.of(TENANT, NOW, sink), EnumSet.of(Dataset.CONDITIONAL_ACCESS));

        assertThat(found).extracting(Finding::ruleId).containsExactly("mfa-not-enforced");
    }

    @Test
    void ofReportsTheAffectedObjectsAsOneFindingAndNothingWhenNone() {
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
        EntraUser guest = new EntraUser(
                "g1", "g1#EXT#@contoso.com", "Gil", true, "Guest", null, null, null, null, null, null, null);
        EntraUser member =
                new EntraUser("m1", "m1@contoso.com", "Mo", true, "Member", null, null, null, null, null, null, null);

        assertThat(guests.evaluate(TenantData.of(TENANT, NOW, List.of(guest, member))))
                .containsExactly(new Finding(
                        "acme-guests",
                        Severity.LOW,
                        "Guest users",
                        "1 object is affected.",
                        "Review the guests with the customer.",
                        List.of(new AffectedObject("g1", "Gil"))));
        assertThat(guests.evaluate(TenantData.of(TENANT, NOW, List.of(member)))).isEmpty();
        assertThat(guests.datasets()).containsExactly(Dataset.USERS);
        assertThat(guests).hasToString("FindingRule[acme-guests]");
    }

    @Test
    void ofChecksItsArguments() {
        Set<Dataset> users = EnumSet.of(Dataset.USERS);
        assertThatThrownBy(() -> FindingRule.of("Acme Guests", "t", Severity.LOW, users, "f", d -> List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Acme Guests' is not lower-case words joined by dashes");
        assertThatThrownBy(() -> FindingRule.of("acme--x", "t", Severity.LOW, users, "f", d -> List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FindingRule.of("acme", " ", Severity.LOW, users, "f", d -> List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> FindingRule.of("acme", "t", Severity.LOW, Set.of(), "f", d -> List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name the datasets");
        assertThatThrownBy(() -> FindingRule.of("acme", "t", null, users, "f", d -> List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("severity");
    }
}
