package dev.entrasync.jdbc;

import static dev.entrasync.jdbc.TestUsers.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import dev.entrasync.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The read side hosts use instead of learning the schema. */
class JdbcQueriesTest {

    private static final TenantId TENANT = TenantId.of(TENANT_A);
    private final FakeTime clock = new FakeTime(Instant.parse("2026-03-10T09:00:00Z"));

    private static void run(
            JdbcStorage storage, Dataset dataset, String runId, boolean full, List<? extends EntraRecord> records) {
        DatasetSink.Session session = storage.datasetSink().open(new SinkContext(TENANT, dataset, runId, full));
        session.upsert(records);
        session.complete();
    }

    @DatabaseTest
    void usersWithoutMfaAreTheCurrentNotRegisteredOnesByUpn(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        run(storage, Dataset.USERS, "r1", true, TestUsers.users(0, 12));
        run(storage, Dataset.USERS, "r2", true, TestUsers.users(0, 10));

        List<EntraUser> withoutMfa = storage.queries().usersWithoutMfa(TENANT);

        assertThat(withoutMfa)
                .extracting(EntraUser::userPrincipalName)
                .containsExactly(
                        "user1@contoso.onmicrosoft.com",
                        "user4@contoso.onmicrosoft.com",
                        "user7@contoso.onmicrosoft.com");
        assertThat(withoutMfa).allMatch(u -> u.mfa().state() == MfaStatus.State.NOT_REGISTERED);
    }

    @DatabaseTest
    void licensesWithUnitsLeftAreThoseWithEnabledAboveConsumed(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        run(
                storage,
                Dataset.LICENSES,
                "r1",
                true,
                List.of(
                        TestRecords.license(
                                "11111111-0000-0000-0000-000000000001", "SPE_E3", "Microsoft 365 E3", 50, 48),
                        TestRecords.license(
                                "11111111-0000-0000-0000-000000000002", "EMS", "Enterprise Mobility", 10, 10),
                        TestRecords.license(
                                "11111111-0000-0000-0000-000000000003", "AAD_PREMIUM", "Entra ID P1", 25, 0)));

        List<EntraLicense> left = storage.queries().licensesWithUnitsLeft(TENANT);

        assertThat(left).extracting(EntraLicense::skuPartNumber).containsExactly("AAD_PREMIUM", "SPE_E3");
    }

    @DatabaseTest
    void secureScoreTrendEndsWithTheLatestAndReachesBackTheRequestedDays(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        LocalDate day = LocalDate.of(2026, 3, 1);
        for (int i = 0; i < 10; i++) {
            run(
                    storage,
                    Dataset.SECURE_SCORES,
                    "r" + i,
                    false,
                    List.of(TestRecords.score(TENANT_A, day.plusDays(i), 30.0 + i)));
        }

        SecureScoreTrend trend = storage.queries().secureScoreTrend(TENANT, 3).orElseThrow();

        assertThat(trend.latest().id()).isEqualTo(TENANT_A + "_2026-03-10");
        assertThat(trend.series()).extracting(EntraSecureScore::currentScore).containsExactly(36.0, 37.0, 38.0, 39.0);
        assertThat(trend.change()).contains(3.0);
        assertThat(trend.percentOfMax()).contains(100 * 39.0 / 80.0);
        assertThat(storage.queries().secureScoreTrend(TenantId.of(TestUsers.TENANT_B), 7))
                .isEmpty();
    }

    @DatabaseTest
    void rowsPageThroughWithSyncMetadataAndRemovedRowsOnRequest(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        run(storage, Dataset.USERS, "r1", true, TestUsers.users(0, 5));
        clock.advance(Duration.ofDays(1));
        run(storage, Dataset.USERS, "r2", true, TestUsers.users(1, 5));
        JdbcQueries queries = storage.queries();

        List<StoredRecord<EntraUser>> page = queries.rows(TENANT, EntraUser.class, true, 0, 2);

        assertThat(page).extracting(r -> r.record().id()).containsExactly(TestUsers.id(0), TestUsers.id(1));
        assertThat(page.get(0).removed()).isTrue();
        assertThat(page.get(0).runId()).isEqualTo("r1");
        assertThat(page.get(1).firstSeen()).isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
        assertThat(page.get(1).lastSeen()).isEqualTo(Instant.parse("2026-03-11T09:00:00Z"));
        assertThat(queries.rows(TENANT, EntraUser.class, false, 2, 10)).hasSize(2);
        assertThat(queries.count(TENANT, EntraUser.class)).isEqualTo(4);
        assertThat(queries.records(TENANT, EntraUser.class)).hasSize(4);
    }

    @DatabaseTest
    void badArgumentsAreRefusedClearly(TestDatabase db) {
        JdbcQueries queries = db.storageBuilder().build().queries();
        @SuppressWarnings("unchecked") // EntraRecord is sealed: only a caller ignoring generics can pass another type
        Class<? extends EntraRecord> notKept = (Class<? extends EntraRecord>) (Class<?>) Object.class;

        assertThatThrownBy(() -> queries.rows(TENANT, EntraUser.class, false, 0, 0))
                .hasMessageContaining("limit >= 1");
        assertThatThrownBy(() -> queries.secureScoreTrend(TENANT, 0)).hasMessageContaining("days must be >= 1");
        assertThatThrownBy(() -> queries.count(TENANT, notKept)).hasMessageContaining("keeps no table of");
    }

    @DatabaseTest
    void pagesPartitionTheCurrentRecordsAndCountThemAll(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        run(storage, Dataset.USERS, "r1", true, TestUsers.users(0, 47));
        run(storage, Dataset.USERS, "r2", true, TestUsers.users(2, 47)); // two removed: not on any page
        JdbcQueries queries = storage.queries();

        List<String> seen = new java.util.ArrayList<>();
        for (int offset = 0; offset < 45; offset += 20) {
            RecordPage<EntraUser> page = queries.page(TENANT, EntraUser.class, null, offset, 20);
            assertThat(page.total()).isEqualTo(45);
            assertThat(page.records()).hasSize(Math.min(20, 45 - offset));
            page.records().forEach(u -> seen.add(u.id()));
        }
        assertThat(seen)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        TestUsers.users(2, 47).stream().map(EntraUser::id).toList());
        RecordPage<EntraUser> pastTheEnd = queries.page(TENANT, EntraUser.class, "", 1_000_000, 20);
        assertThat(pastTheEnd.records()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(45);
    }

    @DatabaseTest
    void searchIgnoresCaseAndTakesSqlAndWildcardsAsText(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        List<EntraUser> users = new java.util.ArrayList<>(TestUsers.users(0, 30));
        users.add(TestUsers.user(30, "Ann O'Brien <b>100%_sure</b>"));
        run(storage, Dataset.USERS, "r1", true, users);
        JdbcQueries queries = storage.queries();

        assertThat(queries.page(TENANT, EntraUser.class, "USER2", 0, 50).records())
                .extracting(EntraUser::userPrincipalName)
                .containsExactlyInAnyOrder(
                        "user2@contoso.onmicrosoft.com",
                        "user20@contoso.onmicrosoft.com",
                        "user21@contoso.onmicrosoft.com",
                        "user22@contoso.onmicrosoft.com",
                        "user23@contoso.onmicrosoft.com",
                        "user24@contoso.onmicrosoft.com",
                        "user25@contoso.onmicrosoft.com",
                        "user26@contoso.onmicrosoft.com",
                        "user27@contoso.onmicrosoft.com",
                        "user28@contoso.onmicrosoft.com",
                        "user29@contoso.onmicrosoft.com");
        assertThat(queries.page(TENANT, EntraUser.class, "user2", 0, 5).total()).isEqualTo(11);
        assertThat(queries.page(TENANT, EntraUser.class, "' OR '1'='1", 0, 50).total())
                .isZero();
        assertThat(queries.page(TENANT, EntraUser.class, "x'); DROP TABLE users; --", 0, 50)
                        .total())
                .isZero();
        assertThat(queries.page(TENANT, EntraUser.class, "%", 0, 50).records())
                .extracting(EntraUser::id)
                .containsExactly(TestUsers.id(30));
        assertThat(queries.page(TENANT, EntraUser.class, "_", 0, 50).records())
                .extracting(EntraUser::id)
                .containsExactly(TestUsers.id(30));
        assertThat(queries.page(TENANT, EntraUser.class, "o'brien <b>", 0, 50).records())
                .extracting(EntraUser::id)
                .containsExactly(TestUsers.id(30));
        assertThat(queries.count(TENANT, EntraUser.class)).isEqualTo(31); // the table is still there
    }

    @DatabaseTest
    void pagesOfEveryDatasetTableCanBeRead(TestDatabase db) {
        JdbcQueries queries = db.storageBuilder().build().queries();
        for (Class<? extends EntraRecord> type : List.of(
                EntraUser.class,
                dev.entrasync.model.EntraDevice.class,
                dev.entrasync.model.EntraGroup.class,
                EntraLicense.class,
                dev.entrasync.model.EntraRole.class,
                dev.entrasync.model.EntraAuditEvent.class,
                EntraSecureScore.class,
                dev.entrasync.model.EntraSecureScoreControl.class,
                dev.entrasync.model.EntraTenantProfile.class)) {
            assertThat(queries.page(TENANT, type, "a", 0, 10).total())
                    .as(type.getSimpleName())
                    .isZero();
        }
        assertThatThrownBy(() -> queries.page(TENANT, EntraUser.class, null, -1, 10))
                .hasMessageContaining("offset must be >= 0");
        assertThatThrownBy(() -> queries.page(TENANT, EntraUser.class, null, 0, JdbcQueries.MAX_PAGE + 1))
                .hasMessageContaining("limit between 1 and 500");
    }
}
