package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.findings.AffectedObject;
import dev.entrasync.findings.BuiltInRules;
import dev.entrasync.findings.Finding;
import dev.entrasync.findings.FindingRule;
import dev.entrasync.findings.Findings;
import dev.entrasync.findings.Severity;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraUser;
import dev.entrasync.testing.FakeTime;
import dev.entrasync.testkit.ContosoFixture;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Findings stored by {@link JdbcFindings} after real syncs of the simulated cloud, on every database: found by the first
 * sync, resolved by the sync after the simulated tenant was fixed, left alone by a run whose dataset failed, and
 * acknowledged and muted by a person.
 */
class JdbcFindingsTest {

    private static final Set<Dataset> ALL = EnumSet.allOf(Dataset.class);

    /** Contoso has one Global Administrator (Adele): the rule fires until a second is assigned. */
    private static final String RULE = "global-admin-count";

    private static Optional<StoredFinding> finding(JdbcStorage storage, TenantId tenant, String rule) {
        return storage.queries().findings(tenant).stream()
                .filter(f -> f.finding().ruleId().equals(rule))
                .findFirst();
    }

    /** A generated member user of Contoso other than Adele. */
    private static String secondAdmin(JdbcStorage storage, TenantId tenant) {
        return storage.queries().records(tenant, EntraUser.class).stream()
                .filter(u -> "Member".equals(u.userType()))
                .map(EntraUser::id)
                .filter(id -> !id.equals(ContosoFixture.ADMIN_USER_ID))
                .findFirst()
                .orElseThrow();
    }

    @DatabaseTest
    void aFindingIsFoundByTheFirstSyncAndResolvedByTheSyncAfterTheFix(TestDatabase db) {
        FakeTime clock = new FakeTime(SimulatedHost.AS_OF.plus(Duration.ofHours(8)));
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        try (SimulatedHost host = new SimulatedHost(storage, clock, clock)) {
            SimulatedTenant simulated = host.cloud.addTenant(ContosoFixture.build());
            simulated.consent(host.app, Permissions.allRead());
            TenantId tenant = TenantId.of(simulated.id());
            try (SyncEngine engine = host.engine().build()) {
                Instant first = clock.instant();
                SyncResult run = engine.sync("msp", tenant, ALL);
                assertThat(run.succeeded()).as(run.toString()).isTrue();

                StoredFinding open = finding(storage, tenant, RULE).orElseThrow();
                assertThat(open.open()).isTrue();
                assertThat(open.finding().severity()).isEqualTo(Severity.HIGH);
                assertThat(open.finding().affected())
                        .extracting(AffectedObject::id)
                        .containsExactly(ContosoFixture.ADMIN_USER_ID);
                assertThat(open.firstSeen()).isEqualTo(first);
                assertThat(open.lastSeen()).isEqualTo(first);
                assertThat(open.muted()).isFalse();
                assertThat(open.acknowledgedAt()).isNull();

                assertThat(storage.findings().acknowledge(tenant, RULE)).isTrue();
                assertThat(storage.findings().mute(tenant, RULE, true)).isTrue();
                assertThat(storage.findings().mute(tenant, "no-such-rule", true))
                        .isFalse();

                clock.advance(Duration.ofHours(1));
                Instant second = clock.instant();
                engine.sync("msp", tenant, ALL);
                StoredFinding again = finding(storage, tenant, RULE).orElseThrow();
                assertThat(again.open()).as("still not fixed").isTrue();
                assertThat(again.firstSeen()).isEqualTo(first);
                assertThat(again.lastSeen()).isEqualTo(second);
                assertThat(again.acknowledgedAt()).isEqualTo(first);
                assertThat(again.muted()).isTrue();

                simulated.roles().addMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, secondAdmin(storage, tenant));
                clock.advance(Duration.ofHours(1));
                Instant third = clock.instant();
                engine.sync("msp", tenant, ALL);

                StoredFinding resolved = finding(storage, tenant, RULE).orElseThrow();
                assertThat(resolved.open()).isFalse();
                assertThat(resolved.resolvedAt()).isEqualTo(third);
                assertThat(resolved.lastSeen()).isEqualTo(second);

                simulated.roles().removeMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, ContosoFixture.ADMIN_USER_ID);
                clock.advance(Duration.ofHours(1));
                engine.sync("msp", tenant, EnumSet.of(Dataset.USERS));
                assertThat(finding(storage, tenant, RULE).orElseThrow().open())
                        .as("a run without roles does not evaluate the rule")
                        .isFalse();
                engine.sync("msp", tenant, EnumSet.of(Dataset.ROLES));
                assertThat(finding(storage, tenant, RULE).orElseThrow()).satisfies(f -> {
                    assertThat(f.open()).as("found again: reopened").isTrue();
                    assertThat(f.firstSeen()).isEqualTo(first);
                });
            }
        }
    }

    /** The fleet's open findings in one query: every tenant's, muted ones too, resolved ones not, by tenant and rule. */
    @DatabaseTest
    void openFindingsAreEveryTenantsOpenFindingsInOneRead(TestDatabase db) {
        FakeTime clock = new FakeTime(SimulatedHost.AS_OF.plus(Duration.ofHours(8)));
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        try (SimulatedHost host = new SimulatedHost(storage, clock, clock)) {
            SimulatedTenant contoso = host.cloud.addTenant(ContosoFixture.build());
            contoso.consent(host.app, Permissions.allRead());
            SimulatedTenant fabrikam = host.tenant("Fabrikam", 30, 5, 3);
            List<TenantId> tenants = List.of(TenantId.of(contoso.id()), TenantId.of(fabrikam.id()));
            try (SyncEngine engine = host.engine().build()) {
                tenants.forEach(t -> engine.sync("msp", t, ALL));
                String fabrikamRule = storage.queries()
                        .findings(tenants.get(1))
                        .get(0)
                        .finding()
                        .ruleId();
                assertThat(storage.findings().mute(tenants.get(1), fabrikamRule, true))
                        .isTrue();
                contoso.roles().addMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, secondAdmin(storage, tenants.get(0)));
                clock.advance(Duration.ofHours(1));
                engine.sync("msp", tenants.get(0), EnumSet.of(Dataset.ROLES));
            }

            List<StoredFinding> expected = tenants.stream()
                    .sorted(java.util.Comparator.comparing(TenantId::value))
                    .flatMap(t -> storage.queries().findings(t).stream().filter(StoredFinding::open))
                    .toList();
            assertThat(expected)
                    .extracting(StoredFinding::tenant)
                    .as("both tenants have open findings")
                    .containsAll(tenants);
            assertThat(finding(storage, tenants.get(0), RULE).orElseThrow().open())
                    .as("resolved")
                    .isFalse();
            assertThat(expected).anySatisfy(f -> assertThat(f.muted()).isTrue());
            assertThat(storage.queries().openFindings()).isEqualTo(expected);
        }
    }

    @DatabaseTest
    void aPrivilegedRoleAssignedInTheSimulatedCloudIsFoundInTheAuditLogAndResolvedAfterADay(TestDatabase db) {
        String rule = "privileged-role-assigned-recently";
        Set<Dataset> datasets = EnumSet.of(Dataset.USERS, Dataset.ROLES, Dataset.AUDIT_LOGS);
        // Contoso's generated audit history leads up to the start of today: the clock stands after it
        FakeTime clock = new FakeTime(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        try (SimulatedHost host = new SimulatedHost(storage, clock, clock)) {
            SimulatedTenant simulated = host.cloud.addTenant(ContosoFixture.build());
            simulated.consent(host.app, Permissions.allRead());
            TenantId tenant = TenantId.of(simulated.id());
            try (SyncEngine engine = host.engine().build()) {
                SyncResult first = engine.sync("msp", tenant, datasets);
                assertThat(first.succeeded()).as(first.toString()).isTrue();
                assertThat(storage.queries().count(tenant, EntraAuditEvent.class))
                        .as("the generated history was synced")
                        .isPositive();
                assertThat(finding(storage, tenant, rule))
                        .as("generated history assigns no privileged role")
                        .isEmpty();

                String user = secondAdmin(storage, tenant);
                String upn = storage.queries().records(tenant, EntraUser.class).stream()
                        .filter(u -> u.id().equals(user))
                        .findFirst()
                        .orElseThrow()
                        .userPrincipalName();
                clock.advance(Duration.ofMinutes(10));
                Instant assignedAt = clock.instant();
                simulated.roles().addMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, user);
                clock.advance(Duration.ofMinutes(5));
                Instant second = clock.instant();
                SyncResult run = engine.sync("msp", tenant, datasets);
                assertThat(run.succeeded()).as(run.toString()).isTrue();

                StoredFinding open = finding(storage, tenant, rule).orElseThrow();
                assertThat(open.open()).isTrue();
                assertThat(open.firstSeen()).isEqualTo(second);
                assertThat(open.finding().severity()).isEqualTo(Severity.HIGH);
                assertThat(open.finding().detail()).isEqualTo("1 privileged role assignment was made in the last day.");
                assertThat(open.finding().affected())
                        .containsExactly(new AffectedObject(
                                user,
                                upn + ": Global Administrator, assigned by " + ContosoFixture.ADMIN_UPN + " at "
                                        + assignedAt));

                clock.advance(Duration.ofHours(23));
                engine.sync("msp", tenant, datasets);
                assertThat(finding(storage, tenant, rule).orElseThrow().open())
                        .as("23 hours later: still in the window")
                        .isTrue();

                clock.advance(Duration.ofHours(1));
                Instant past = clock.instant();
                engine.sync("msp", tenant, datasets);
                StoredFinding resolved = finding(storage, tenant, rule).orElseThrow();
                assertThat(resolved.open())
                        .as("a day and 5 minutes after the assignment")
                        .isFalse();
                assertThat(resolved.resolvedAt()).isEqualTo(past);
            }
        }
    }

    @DatabaseTest
    void aFailedDatasetLeavesItsRulesFindingsAsTheyWereAndPurgeDeletesThem(TestDatabase db) {
        FakeTime clock = new FakeTime(SimulatedHost.AS_OF.plus(Duration.ofHours(8)));
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        try (SimulatedHost host = new SimulatedHost(storage, clock, clock)) {
            SimulatedTenant simulated = host.cloud.addTenant(ContosoFixture.build());
            simulated.consent(host.app, Permissions.allRead());
            TenantId tenant = TenantId.of(simulated.id());
            try (SyncEngine engine = host.engine().build()) {
                engine.sync("msp", tenant, ALL);
                assertThat(finding(storage, tenant, RULE)).isPresent();

                simulated.roles().addMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, secondAdmin(storage, tenant));
                simulated.revoke(host.app, "RoleManagement.Read.Directory");
                clock.advance(Duration.ofHours(1));
                SyncResult failed = engine.sync("msp", tenant, EnumSet.of(Dataset.ROLES));

                assertThat(failed.succeeded()).isFalse();
                assertThat(finding(storage, tenant, RULE).orElseThrow().open()).isTrue();

                storage.dataPurger()
                        .purge(new dev.entrasync.TenantMapping(
                                "contoso", tenant, "msp", null, null, Set.of(Dataset.ROLES), false));
                assertThat(storage.queries().findings(tenant))
                        .as("purged with the tenant's data")
                        .isEmpty();
            }
        }
    }

    /** A host's own rule: every guest user, as one LOW finding. */
    private static final FindingRule GUESTS = FindingRule.of(
            "host-guests",
            "Guest users",
            Severity.LOW,
            EnumSet.of(Dataset.USERS),
            "Review them.",
            data -> data.records(EntraUser.class).stream()
                    .filter(u -> "Guest".equals(u.userType()))
                    .map(u -> new AffectedObject(u.id(), u.displayName()))
                    .toList());

    @DatabaseTest
    void aHostsOwnRulesReplaceTheBuiltInOnes(TestDatabase db) {
        FakeTime clock = new FakeTime(SimulatedHost.AS_OF.plus(Duration.ofHours(8)));
        JdbcStorage storage = db.storageBuilder()
                .clock(clock)
                .findings(new Findings(List.of(GUESTS, BuiltInRules.appCredentialsExpiring(Duration.ofDays(3650)))))
                .build();
        assertThat(storage.findings().rules().rules())
                .extracting(FindingRule::id)
                .containsExactly("host-guests", "app-credentials-expiring");
        try (SimulatedHost host = new SimulatedHost(storage, clock, clock)) {
            SimulatedTenant simulated = host.cloud.addTenant(ContosoFixture.build());
            simulated.consent(host.app, Permissions.allRead());
            TenantId tenant = TenantId.of(simulated.id());
            long guests = simulated.users().list().stream()
                    .filter(u -> "Guest".equals(u.get("userType")))
                    .count();
            try (SyncEngine engine = host.engine().build()) {
                SyncResult run = engine.sync("msp", tenant, ALL);
                assertThat(run.succeeded()).as(run.toString()).isTrue();
            }

            assertThat(storage.queries().findings(tenant))
                    .as(
                            "only the configured rules: no global-admin-count although Contoso has one Global Administrator")
                    .extracting(f -> f.finding().ruleId())
                    .containsExactlyInAnyOrder("app-credentials-expiring", "host-guests");
            assertThat(finding(storage, tenant, "host-guests")
                            .orElseThrow()
                            .finding()
                            .affected())
                    .hasSize((int) guests);
        }
    }

    /**
     * Two storages (two engines, or two hosts of a cluster) evaluate the same new tenant at once: both find no row and
     * both insert; the second insert violates the key. The loser merges again and updates the winner's row.
     */
    @DatabaseTest
    void twoEvaluationsOfANewTenantAtOnceStoreOneRowAndNeitherFails(TestDatabase db) throws Exception {
        JdbcStorage a = db.storageBuilder().build();
        JdbcStorage b = db.storageBuilder().build();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                // a tenant with no stored roles: zero Global Administrators, so global-admin-count is found
                TenantId tenant = TenantId.of(java.util.UUID.randomUUID().toString());
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<List<Finding>>> both = new java.util.ArrayList<>();
                for (JdbcStorage storage : List.of(a, b)) {
                    both.add(threads.submit(() -> {
                        together.await();
                        return storage.findings().evaluate(tenant, EnumSet.of(Dataset.ROLES));
                    }));
                }
                for (Future<List<Finding>> f : both) {
                    assertThat(f.get(30, TimeUnit.SECONDS))
                            .extracting(Finding::ruleId)
                            .contains(RULE);
                }
                assertThat(a.queries().findings(tenant))
                        .filteredOn(f -> f.finding().ruleId().equals(RULE))
                        .singleElement()
                        .satisfies(f -> assertThat(f.open()).isTrue());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
