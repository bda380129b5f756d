package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Change;
import dev.entrasync.Dataset;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.findings.AffectedObject;
import dev.entrasync.findings.Severity;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraUser;
import dev.entrasync.testing.ChangeScenario;
import dev.entrasync.testing.FakeTime;
import dev.entrasync.testkit.ContosoFixture;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Issue #18's "must show", end to end on each database: the real engine, MSAL4J and the Graph SDK sync every dataset
 * of the simulated Contoso tenant into entra-sync-jdbc. The first sync is a baseline: no changes, and the findings
 * Contoso has. Then a user gains Global Administrator, the administrator (who holds privileged roles) loses MFA
 * registration and a device becomes non-compliant in Intune (plus, from {@link ChangeScenario}, a user is disabled and
 * one loses their licence): the next sync yields exactly those changes, in the changes table and through the
 * listener, and opens and resolves exactly the matching findings. Fixing MFA and the device resolves their findings,
 * with the reversed changes.
 */
class FindingsEndToEndTest {

    private static final Set<Dataset> ALL = EnumSet.allOf(Dataset.class);
    private static final Instant EPOCH = Instant.EPOCH;
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    /**
     * The findings open after the first sync of Contoso. Not among them: {@code mfa-not-enforced} (Contoso's
     * Conditional Access requires MFA of all users), {@code privileged-users-without-mfa} (Adele has push and OTP),
     * {@code non-compliant-devices} (every Intune device of Contoso is compliant), {@code privileged-guests},
     * {@code secure-score-drop} and {@code privileged-role-assigned-recently} (Contoso's generated audit history
     * assigns no privileged role).
     */
    private static final Set<String> BASELINE = Set.of(
            // Adele is Contoso's only Global Administrator: fewer than two
            "global-admin-count",
            // the apps "Contoso HR Sync" (User.ReadWrite.All) and "Contoso Helpdesk Bot" (Mail.Send)
            "high-privilege-service-principals",
            // HR Sync's secret expired; the Backup Connector's expires within 30 days
            "app-credentials-expiring",
            // Adele (enabled, licensed, created in 2021) has no sign-in activity in the fixture
            "inactive-accounts",
            // Microsoft 365 E3 and EMS E3 have units nobody is assigned
            "unassigned-licenses");

    /** The baseline findings the change resolves: with a second Global Administrator the count is fine. */
    private static final Set<String> RESOLVED_BY_CHANGE = Set.of("global-admin-count");

    /** The findings the change opens and the fix resolves. */
    private static final Set<String> OPENED_AND_FIXED = Set.of("privileged-users-without-mfa", "non-compliant-devices");

    /**
     * The findings the change opens and the fix leaves open: the new Global Administrator stays, and the audit log
     * shows the role was given in the last day.
     */
    private static final Set<String> OPENED_AND_KEPT = Set.of("privileged-role-assigned-recently");

    private final List<Change> heard = Collections.synchronizedList(new ArrayList<>());
    private final SyncListener listener = new SyncListener() {
        @Override
        public void changes(SyncJob job, Dataset dataset, List<Change> changes) {
            heard.addAll(changes);
        }
    };

    @DatabaseTest
    void aChangedTenantYieldsExactlyItsChangesAndFindingsAndTheFixResolvesThem(TestDatabase db) {
        // Contoso's data leads up to the start of today; the host's clock is this morning
        FakeTime clock = new FakeTime(Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8)));
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        JdbcQueries queries = storage.queries();
        try (SimulatedHost host = new SimulatedHost(storage, clock, clock)) {
            SimulatedTenant contoso = host.cloud.addTenant(ContosoFixture.build());
            contoso.consent(host.app, Permissions.allRead());
            TenantId tenant = TenantId.of(contoso.id());
            try (SyncEngine engine = host.engine().listener(listener).build()) {

                // 1. The first sync is a baseline: no changes, and the findings Contoso has.
                Instant first = clock.instant();
                sync(engine, tenant);

                assertThat(heard).isEmpty();
                assertThat(queries.changes(tenant, EPOCH, FAR)).isEmpty();
                assertThat(open(queries, tenant)).containsExactlyInAnyOrderElementsOf(BASELINE);
                assertThat(queries.findings(tenant)).allSatisfy(f -> {
                    assertThat(f.firstSeen()).isEqualTo(first);
                    assertThat(f.lastSeen()).isEqualTo(first);
                });
                assertThat(finding(queries, tenant, "unassigned-licenses")
                                .finding()
                                .detail())
                        .isEqualTo("49 paid licence units are not assigned (2 subscriptions).");

                // 2. A user gains Global Administrator, Adele loses MFA, a device becomes non-compliant (and a user
                // is disabled, another loses their licence).
                Instant promotedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                ChangeScenario scenario = ChangeScenario.apply(contoso, d -> stored(queries, tenant, d));
                assertThat(scenario.withoutMfa().id()).isEqualTo(ContosoFixture.ADMIN_USER_ID);
                clock.advance(Duration.ofHours(1));
                Instant second = clock.instant();
                sync(engine, tenant);

                assertThat(ChangeScenario.lines(heard)).containsExactlyInAnyOrderElementsOf(scenario.expected());
                List<Change> changed = changesOfRun(queries, tenant, second);
                assertStoredAsHeard(changed, tenant, second);
                assertThat(queries.changes(tenant, EPOCH, FAR)).hasSameSizeAs(changed);

                Set<String> afterChange = new TreeSet<>(BASELINE);
                afterChange.removeAll(RESOLVED_BY_CHANGE);
                afterChange.addAll(OPENED_AND_FIXED);
                afterChange.addAll(OPENED_AND_KEPT);
                assertThat(open(queries, tenant)).containsExactlyInAnyOrderElementsOf(afterChange);
                assertThat(firstSeenAt(queries, tenant, second))
                        .as("opened by the change")
                        .containsExactlyInAnyOrderElementsOf(union(OPENED_AND_FIXED, OPENED_AND_KEPT));
                assertThat(resolvedAt(queries, tenant, second)).containsExactlyInAnyOrderElementsOf(RESOLVED_BY_CHANGE);

                StoredFinding noMfa = finding(queries, tenant, "privileged-users-without-mfa");
                assertThat(noMfa.finding().severity()).isEqualTo(Severity.CRITICAL);
                assertThat(noMfa.finding().detail())
                        .isEqualTo("1 of 2 users holding a privileged role have no MFA method registered.");
                assertThat(noMfa.finding().affected())
                        .containsExactly(new AffectedObject(ContosoFixture.ADMIN_USER_ID, ContosoFixture.ADMIN_UPN));

                StoredFinding devices = finding(queries, tenant, "non-compliant-devices");
                EntraDevice device = scenario.device();
                assertThat(devices.finding().severity()).isEqualTo(Severity.MEDIUM);
                assertThat(devices.finding().detail()).isEqualTo("1 Intune managed device is not compliant.");
                assertThat(devices.finding().affected())
                        .containsExactly(new AffectedObject(
                                scenario.managedDeviceId(),
                                device.displayName() + " ("
                                        + contoso.managedDevices()
                                                .get(scenario.managedDeviceId())
                                                .get("userPrincipalName")
                                        + ")"));

                StoredFinding assigned = finding(queries, tenant, "privileged-role-assigned-recently");
                assertThat(assigned.finding().severity()).isEqualTo(Severity.HIGH);
                assertThat(assigned.finding().affected())
                        .as("from the directory audit the simulated cloud logged")
                        .containsExactly(new AffectedObject(
                                scenario.promoted().id(),
                                scenario.promoted().userPrincipalName() + ": Global Administrator, assigned by "
                                        + ContosoFixture.ADMIN_UPN + " at " + promotedAt));

                StoredFinding admins = finding(queries, tenant, "global-admin-count");
                assertThat(admins.lastSeen()).isEqualTo(first);

                StoredFinding stillUnassigned = finding(queries, tenant, "unassigned-licenses");
                assertThat(stillUnassigned.firstSeen()).isEqualTo(first);
                assertThat(stillUnassigned.lastSeen()).isEqualTo(second);
                assertThat(stillUnassigned.finding().detail())
                        .as("the unlicensed user's unit is free now")
                        .isEqualTo("50 paid licence units are not assigned (2 subscriptions).");

                // 3. The fix: Adele registers MFA again, the device is compliant again; the second Global
                // Administrator stays.
                heard.clear();
                ChangeScenario fix = scenario.fix(contoso);
                clock.advance(Duration.ofHours(1));
                Instant third = clock.instant();
                sync(engine, tenant);

                assertThat(ChangeScenario.lines(heard)).containsExactlyInAnyOrderElementsOf(fix.expected());
                List<Change> reverted = changesOfRun(queries, tenant, third);
                assertStoredAsHeard(reverted, tenant, third);
                assertThat(queries.changes(tenant, EPOCH, FAR)).hasSize(changed.size() + reverted.size());

                Set<String> afterFix = new TreeSet<>(afterChange);
                afterFix.removeAll(OPENED_AND_FIXED);
                assertThat(open(queries, tenant)).containsExactlyInAnyOrderElementsOf(afterFix);
                assertThat(resolvedAt(queries, tenant, third)).containsExactlyInAnyOrderElementsOf(OPENED_AND_FIXED);
                assertThat(finding(queries, tenant, "global-admin-count").resolvedAt())
                        .as("stays resolved, when it was")
                        .isEqualTo(second);
                assertThat(finding(queries, tenant, "privileged-users-without-mfa")
                                .lastSeen())
                        .isEqualTo(second);
            }
        }
    }

    /** Syncs every dataset of the tenant; each must succeed. */
    private static void sync(SyncEngine engine, TenantId tenant) {
        SyncResult result = engine.sync("msp", tenant, ALL);
        assertThat(result.succeeded()).as(result.toString()).isTrue();
    }

    /** The changes stored of a run are the ones the listener heard, all of the tenant, changed at the run's time. */
    private void assertStoredAsHeard(List<Change> stored, TenantId tenant, Instant at) {
        assertThat(stored).containsExactlyInAnyOrderElementsOf(heard);
        assertThat(stored).allSatisfy(c -> {
            assertThat(c.tenant()).isEqualTo(tenant);
            assertThat(c.kind()).isEqualTo(Change.Kind.CHANGED);
            assertThat(c.at()).isEqualTo(at);
        });
    }

    /** The changes the table holds of the run that completed at {@code at} (runs are an hour apart). */
    private static List<Change> changesOfRun(JdbcQueries queries, TenantId tenant, Instant at) {
        return queries.changes(tenant, at, at.plusSeconds(1));
    }

    /** The rule ids of the tenant's open findings, as the host reads them. */
    private static Set<String> open(JdbcQueries queries, TenantId tenant) {
        return ruleIds(queries, tenant, StoredFinding::open);
    }

    /** The rule ids of the findings first found at {@code at}. */
    private static Set<String> firstSeenAt(JdbcQueries queries, TenantId tenant, Instant at) {
        return ruleIds(queries, tenant, f -> f.firstSeen().equals(at));
    }

    /** The rule ids of the findings resolved at {@code at}. */
    private static Set<String> resolvedAt(JdbcQueries queries, TenantId tenant, Instant at) {
        return ruleIds(queries, tenant, f -> at.equals(f.resolvedAt()));
    }

    private static Set<String> ruleIds(JdbcQueries queries, TenantId tenant, Predicate<StoredFinding> which) {
        return queries.findings(tenant).stream()
                .filter(which)
                .map(f -> f.finding().ruleId())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static StoredFinding finding(JdbcQueries queries, TenantId tenant, String rule) {
        Map<String, StoredFinding> byRule = queries.findings(tenant).stream()
                .collect(Collectors.toMap(f -> f.finding().ruleId(), Function.identity()));
        assertThat(byRule).containsKey(rule);
        return byRule.get(rule);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    private static List<? extends EntraRecord> stored(JdbcQueries queries, TenantId tenant, Dataset dataset) {
        return switch (dataset) {
            case USERS -> queries.records(tenant, EntraUser.class);
            case DEVICES -> queries.records(tenant, EntraDevice.class);
            case LICENSES -> queries.records(tenant, EntraLicense.class);
            default -> throw new IllegalArgumentException(dataset.key());
        };
    }
}
