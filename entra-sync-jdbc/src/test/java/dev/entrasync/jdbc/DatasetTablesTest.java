package dev.entrasync.jdbc;

import static dev.entrasync.jdbc.TestUsers.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraConditionalAccessPolicy;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSecureScoreControl;
import dev.entrasync.model.EntraSecurityDefaults;
import dev.entrasync.model.EntraSignInActivity;
import dev.entrasync.model.EntraTenantProfile;
import dev.entrasync.model.EntraUser;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/** Every dataset's table keeps every field of its records, on every database. */
class DatasetTablesTest {

    private static final TenantId TENANT = TenantId.of(TENANT_A);

    private static void run(
            JdbcStorage storage, Dataset dataset, String runId, boolean full, List<? extends EntraRecord> records) {
        DatasetSink.Session session = storage.datasetSink().open(new SinkContext(TENANT, dataset, runId, full));
        session.upsert(records);
        session.complete();
    }

    @DatabaseTest
    void everyDatasetRoundTripsEveryField(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        List<EntraUser> users = TestUsers.users(0, 12);
        List<EntraDevice> devices =
                IntStream.range(0, 6).mapToObj(TestRecords::device).toList();
        List<EntraGroup> groups =
                IntStream.range(0, 4).mapToObj(TestRecords::group).toList();
        List<EntraLicense> licenses = List.of(TestRecords.license(
                "c7df2760-2c81-4ef7-b578-5b5392b571df", "ENTERPRISEPREMIUM", "Office 365 E5", 25, 20));
        List<EntraRole> roles =
                IntStream.range(0, 3).mapToObj(TestRecords::role).toList();
        List<EntraAuditEvent> audits =
                IntStream.range(0, 5).mapToObj(TestRecords::audit).toList();
        List<EntraTenantProfile> profile = List.of(TestRecords.profile(TENANT_A));

        run(storage, Dataset.USERS, "r", true, users);
        run(storage, Dataset.DEVICES, "r", true, devices);
        run(storage, Dataset.GROUPS, "r", true, groups);
        run(storage, Dataset.LICENSES, "r", true, licenses);
        run(storage, Dataset.ROLES, "r", true, roles);
        run(storage, Dataset.AUDIT_LOGS, "r", false, audits);
        run(storage, Dataset.TENANT_PROFILE, "r", true, profile);

        JdbcQueries queries = storage.queries();
        assertThat(queries.records(TENANT, EntraUser.class)).containsExactlyElementsOf(users);
        assertThat(queries.records(TENANT, EntraDevice.class)).containsExactlyElementsOf(devices);
        assertThat(queries.records(TENANT, EntraGroup.class)).containsExactlyElementsOf(groups);
        assertThat(queries.records(TENANT, EntraLicense.class)).containsExactlyElementsOf(licenses);
        assertThat(queries.records(TENANT, EntraRole.class)).containsExactlyElementsOf(roles);
        assertThat(queries.records(TENANT, EntraAuditEvent.class)).containsExactlyInAnyOrderElementsOf(audits);
        assertThat(queries.records(TENANT, EntraTenantProfile.class)).containsExactlyElementsOf(profile);
    }

    @DatabaseTest
    void secureScoreSessionKeepsSnapshotsAndControlsInTheirOwnTables(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        EntraSecureScore day1 = TestRecords.score(TENANT_A, LocalDate.of(2026, 3, 1), 40.0);
        EntraSecureScore day2 = TestRecords.score(TENANT_A, LocalDate.of(2026, 3, 2), 42.5);

        run(storage, Dataset.SECURE_SCORES, "r1", false, List.of(day1, TestRecords.control("AdminMFAV2")));
        run(
                storage,
                Dataset.SECURE_SCORES,
                "r2",
                false,
                List.of(day2, TestRecords.control("AdminMFAV2"), TestRecords.control("BlockLegacyAuth")));

        assertThat(storage.queries().records(TENANT, EntraSecureScore.class)).containsExactly(day1, day2);
        assertThat(storage.queries().records(TENANT, EntraSecureScoreControl.class))
                .extracting(EntraRecord::id)
                .containsExactly("AdminMFAV2", "BlockLegacyAuth");
    }

    @DatabaseTest
    void signInActivityRoundTripsAndAFullRunReplacesIt(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        List<EntraSignInActivity> first =
                IntStream.range(0, 7).mapToObj(TestRecords::signIn).toList();

        run(storage, Dataset.SIGN_IN_ACTIVITY, "r1", true, first);

        assertThat(storage.queries().records(TENANT, EntraSignInActivity.class))
                .containsExactlyInAnyOrderElementsOf(first);
        assertThat(storage.queries().records(TENANT, EntraSignInActivity.class))
                .filteredOn(s -> s.lastActivity() == null)
                .hasSize(3);

        // a later run without user 6 (deleted) marks it removed
        run(storage, Dataset.SIGN_IN_ACTIVITY, "r2", true, first.subList(0, 6));

        assertThat(storage.queries().count(TENANT, EntraSignInActivity.class)).isEqualTo(6);
        assertThat(db.count("sign_in_activity", "removed_at IS NOT NULL")).isEqualTo(1);
    }

    @DatabaseTest
    void conditionalAccessKeepsPoliciesAndSecurityDefaultsInTheirOwnTables(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        List<EntraRecord> records = new java.util.ArrayList<>();
        IntStream.range(0, 4).mapToObj(TestRecords::policy).forEach(records::add);
        records.add(TestRecords.securityDefaults(Boolean.FALSE));

        run(storage, Dataset.CONDITIONAL_ACCESS, "r1", true, records);

        assertThat(storage.queries().records(TENANT, EntraConditionalAccessPolicy.class))
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 4).mapToObj(TestRecords::policy).toList());
        assertThat(storage.queries().records(TENANT, EntraSecurityDefaults.class))
                .containsExactly(TestRecords.securityDefaults(Boolean.FALSE));
        assertThat(db.count("conditional_access_policies", "enforces_mfa_for_all_users = TRUE"))
                .isEqualTo(2);

        // a tenant that lost its P1: the next run has security defaults only, and the policies are marked removed
        run(storage, Dataset.CONDITIONAL_ACCESS, "r2", true, List.of(TestRecords.securityDefaults(Boolean.TRUE)));

        assertThat(storage.queries().records(TENANT, EntraConditionalAccessPolicy.class))
                .isEmpty();
        assertThat(storage.queries().records(TENANT, EntraSecurityDefaults.class))
                .containsExactly(TestRecords.securityDefaults(Boolean.TRUE));
    }

    @DatabaseTest
    void auditEventsAccumulateAndDeduplicateEvenOnAFullRun(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        run(storage, Dataset.AUDIT_LOGS, "r1", false, List.of(TestRecords.audit(1), TestRecords.audit(2)));

        run(storage, Dataset.AUDIT_LOGS, "r2", true, List.of(TestRecords.audit(2), TestRecords.audit(3)));

        assertThat(storage.queries().count(TENANT, EntraAuditEvent.class)).isEqualTo(3);
        assertThat(db.count("audit_events", "removed_at IS NOT NULL")).isZero();
    }

    @DatabaseTest
    void auditTargetsStoredBeforeModifiedPropertiesWereKeptReadBackWithNone(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        run(storage, Dataset.AUDIT_LOGS, "r1", false, List.of(TestRecords.audit(2)));
        // the JSON entra-sync wrote before AuditTarget had modifiedProperties
        db.execute("UPDATE " + db.table("audit_events") + " SET target_resources = '[{\"id\":\"" + TestUsers.id(2)
                + "\",\"type\":\"User\",\"displayName\":\"User 2\",\"userPrincipalName\":null}]'");

        assertThat(storage.queries().records(TENANT, EntraAuditEvent.class))
                .singleElement()
                .satisfies(e -> assertThat(e.targetResources())
                        .containsExactly(new dev.entrasync.model.AuditTarget(TestUsers.id(2), "User", "User 2", null)));
    }

    @DatabaseTest
    void longTextFieldsAreKeptWhole(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        List<dev.entrasync.model.EntraRoleMember> members = IntStream.range(0, 3000)
                .mapToObj(i -> new dev.entrasync.model.EntraRoleMember(
                        TestUsers.id(i), "user", "member" + i + "@contoso.onmicrosoft.com", "Member ñ " + i))
                .toList();
        EntraRole big = new EntraRole(TestUsers.id(7), "Global Reader", "x".repeat(5000), null, members);

        run(storage, Dataset.ROLES, "r", true, List.of(big));

        assertThat(storage.queries().records(TENANT, EntraRole.class)).containsExactly(big);
    }
}
