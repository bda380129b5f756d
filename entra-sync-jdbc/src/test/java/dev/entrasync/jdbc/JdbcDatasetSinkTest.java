package dev.entrasync.jdbc;

import static dev.entrasync.jdbc.TestUsers.TENANT_A;
import static dev.entrasync.jdbc.TestUsers.TENANT_B;
import static dev.entrasync.jdbc.TestUsers.id;
import static dev.entrasync.jdbc.TestUsers.user;
import static dev.entrasync.jdbc.TestUsers.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraTenantProfile;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import dev.entrasync.model.RecordPatch;
import dev.entrasync.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@link DatasetSink} contract on every database. */
class JdbcDatasetSinkTest {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00.123456Z");

    private final FakeTime clock = new FakeTime(T1);

    private JdbcDatasetSink sink(TestDatabase db) {
        return db.storageBuilder().clock(clock).build().datasetSink();
    }

    private static DatasetSink.Session open(JdbcDatasetSink sink, String tenant, String run, boolean full) {
        return sink.open(new SinkContext(TenantId.of(tenant), Dataset.USERS, run, full));
    }

    private static void fullRun(JdbcDatasetSink sink, String tenant, String run, List<? extends EntraRecord> users) {
        DatasetSink.Session session = open(sink, tenant, run, true);
        session.upsert(users);
        session.complete();
    }

    private static List<Map<String, Object>> live(TestDatabase db) {
        return db.rows("SELECT * FROM " + db.table("users") + " ORDER BY tenant_id, id");
    }

    @DatabaseTest
    void stagedRowsBecomeVisibleOnlyOnComplete(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        DatasetSink.Session session = open(sink, TENANT_A, "run-1", true);

        session.upsert(users(0, 3));
        long before = db.count("users", "");
        session.complete();

        assertThat(before).isZero();
        assertThat(db.count("users", "removed_at IS NULL AND run_id = 'run-1'")).isEqualTo(3);
        assertThat(db.count("users_stage", "")).isZero();
        assertThat(db.count("sink_sessions", "")).isZero();
    }

    @DatabaseTest
    void fullRunMarksUnseenRowsRemovedAndKeepsFirstSeen(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        fullRun(sink, TENANT_A, "run-1", users(0, 3));
        clock.advance(Duration.ofDays(1));

        fullRun(sink, TENANT_A, "run-2", users(0, 2));

        List<Map<String, Object>> rows = live(db);
        assertThat(rows).extracting(r -> r.get("id")).containsExactly(id(0), id(1), id(2));
        assertThat(db.count("users", "removed_at IS NULL")).isEqualTo(2);
        assertThat(db.count("users", "id = '" + id(2) + "' AND removed_at IS NOT NULL AND run_id = 'run-1'"))
                .isEqualTo(1);
        assertThat(rows.get(0).get("first_seen")).isEqualTo(rows.get(2).get("first_seen"));
        assertThat(rows.get(0).get("last_seen")).isNotEqualTo(rows.get(2).get("last_seen"));
        assertThat(rows.get(0).get("run_id")).isEqualTo("run-2");
    }

    @DatabaseTest
    void abortLeavesEverythingAsThePreviousRunLeftIt(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        fullRun(sink, TENANT_A, "run-1", users(0, 5));
        List<Map<String, Object>> before = live(db);
        clock.advance(Duration.ofHours(1));
        DatasetSink.Session session = open(sink, TENANT_A, "run-2", true);

        session.upsert(List.of(user(0, "Renamed"), user(9)));
        session.remove(List.of(id(1)));
        session.abort(new IllegalStateException("Graph failed"));

        assertThat(live(db)).isEqualTo(before);
        assertThat(db.count("users_stage", "")).isZero();
        assertThat(db.count("sink_sessions", "")).isZero();
    }

    @DatabaseTest
    void deltaRunAppliesOnlyWhatItDelivered(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        fullRun(sink, TENANT_A, "run-1", users(0, 3));
        clock.advance(Duration.ofHours(1));
        DatasetSink.Session delta = open(sink, TENANT_A, "run-2", false);

        delta.upsert(List.of(user(2, "Changed"), user(3)));
        delta.remove(List.of(id(1), id(42)));
        delta.complete();

        assertThat(db.count("users", "")).isEqualTo(4);
        assertThat(db.count("users", "removed_at IS NOT NULL")).isEqualTo(1);
        assertThat(db.count("users", "id = '" + id(1) + "' AND removed_at IS NOT NULL"))
                .isEqualTo(1);
        assertThat(db.count("users", "id = '" + id(0) + "' AND run_id = 'run-1' AND removed_at IS NULL"))
                .isEqualTo(1);
        assertThat(db.count("users", "display_name = 'Changed' AND run_id = 'run-2'"))
                .isEqualTo(1);
    }

    @DatabaseTest
    void replayingBatchesAndWholeRunsChangesNothing(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        DatasetSink.Session session = open(sink, TENANT_A, "run-1", true);
        session.upsert(users(0, 4));
        session.upsert(users(0, 4));
        session.complete();
        List<Map<String, Object>> once = live(db);
        clock.advance(Duration.ofMinutes(5));

        fullRun(sink, TENANT_A, "run-1", users(0, 4));

        assertThat(once).hasSize(4);
        assertThat(live(db)).isEqualTo(once);
    }

    @DatabaseTest
    void duplicateIdsInOneBatchKeepTheLastRecord(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);

        fullRun(sink, TENANT_A, "run-1", List.of(user(1, "First"), user(2), user(1, "Second")));

        assertThat(db.count("users", "")).isEqualTo(2);
        assertThat(db.count("users", "display_name = 'Second'")).isEqualTo(1);
    }

    @DatabaseTest
    void userRemovedThenSeenAgainIsRestoredWithItsFirstSeen(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        fullRun(sink, TENANT_A, "run-1", users(0, 2));
        Object firstSeen = live(db).get(1).get("first_seen");
        clock.advance(Duration.ofDays(1));
        fullRun(sink, TENANT_A, "run-2", users(0, 1));
        clock.advance(Duration.ofDays(1));

        fullRun(sink, TENANT_A, "run-3", users(0, 2));

        Map<String, Object> restored = live(db).get(1);
        assertThat(restored.get("removed_at")).isNull();
        assertThat(restored.get("first_seen")).isEqualTo(firstSeen);
        assertThat(restored.get("run_id")).isEqualTo("run-3");
    }

    @DatabaseTest
    void removeThenUpsertInOneSessionKeepsTheLastOperation(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        fullRun(sink, TENANT_A, "run-1", users(0, 2));
        DatasetSink.Session delta = open(sink, TENANT_A, "run-2", false);

        delta.remove(List.of(id(0), id(1)));
        delta.upsert(List.of(user(1)));
        delta.complete();

        assertThat(db.count("users", "removed_at IS NOT NULL")).isEqualTo(1);
        assertThat(db.count("users", "id = '" + id(1) + "' AND removed_at IS NULL"))
                .isEqualTo(1);
    }

    @DatabaseTest
    void fullRunOfOneTenantLeavesOtherTenantsAlone(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        fullRun(sink, TENANT_A, "run-a", users(0, 3));
        fullRun(sink, TENANT_B, "run-b", users(0, 3));

        fullRun(sink, TENANT_A, "run-a2", users(0, 1));

        assertThat(db.count("users", "tenant_id = '" + TENANT_B + "' AND removed_at IS NULL"))
                .isEqualTo(3);
        assertThat(db.count("users", "tenant_id = '" + TENANT_A + "' AND removed_at IS NULL"))
                .isEqualTo(1);
    }

    @DatabaseTest
    void concurrentSessionsOfOneTenantDoNotSeeEachOthersRows(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        DatasetSink.Session first = open(sink, TENANT_A, "run-1", true);
        DatasetSink.Session second = open(sink, TENANT_A, "run-2", true);
        first.upsert(users(0, 2));
        second.upsert(users(5, 6));

        first.abort(new IllegalStateException("cancelled"));
        second.complete();

        assertThat(live(db)).extracting(r -> r.get("id")).containsExactly(id(5));
    }

    @DatabaseTest
    void abandonedSessionsArePurgedWhenStale(TestDatabase db) {
        JdbcDatasetSink sink = db.storageBuilder()
                .clock(clock)
                .abandonedSessionsAfter(Duration.ofHours(2))
                .build()
                .datasetSink();
        open(sink, TENANT_A, "crashed", true).upsert(users(0, 3));
        clock.advance(Duration.ofHours(1));
        open(sink, TENANT_B, "recent", true).upsert(users(0, 1));
        long stagedBefore = db.count("users_stage", "");
        clock.advance(Duration.ofMinutes(90));

        open(sink, TENANT_A, "run-2", true);

        assertThat(stagedBefore).isEqualTo(4);
        assertThat(db.count("users_stage", "")).isEqualTo(1);
        assertThat(db.rows("SELECT run_id FROM " + db.table("sink_sessions")))
                .extracting(r -> r.get("run_id"))
                .containsExactlyInAnyOrder("recent", "run-2");
        assertThat(db.count("users", "")).isZero();
    }

    @DatabaseTest
    void finishedSessionRefusesMoreWrites(TestDatabase db) {
        DatasetSink.Session session = open(sink(db), TENANT_A, "run-1", true);
        session.upsert(users(0, 1));
        session.complete();

        assertThatThrownBy(() -> session.upsert(users(1, 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already completed or aborted");
        session.abort(new IllegalStateException("late abort is ignored"));
        assertThat(db.count("users", "")).isEqualTo(1);
    }

    @DatabaseTest
    void recordOfAnotherDatasetIsRefusedNamingBothTypes(TestDatabase db) {
        DatasetSink.Session session = open(sink(db), TENANT_A, "run-1", true);
        EntraRecord other = new EntraTenantProfile("x", null, null, null, List.of());

        assertThatThrownBy(() -> session.upsert(List.of(other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accepts EntraUser records");
    }

    @DatabaseTest
    void storedTimesAreTheClockToTheMicrosecond(TestDatabase db) {
        fullRun(sink(db), TENANT_A, "run-1", users(0, 1));

        Set<String> columns = live(db).get(0).keySet();

        assertThat(columns).contains("first_seen", "last_seen", "removed_at", "run_id", "tenant_id", "id");
        assertThat(db.count("users", "first_seen = last_seen")).isEqualTo(1);
    }

    private static EntraUser stored(TestDatabase db, int n) {
        return db.storageBuilder().build().queries().rows(TenantId.of(TENANT_A), EntraUser.class, true, 0, 100).stream()
                .map(StoredRecord::record)
                .filter(u -> u.id().equals(id(n)))
                .findFirst()
                .orElse(null);
    }

    private static EntraUser placeholder(int n, String displayName, MfaStatus mfa) {
        return new EntraUser(id(n), null, displayName, null, null, null, null, null, null, null, null, mfa);
    }

    @DatabaseTest
    void mergeChangesOnlyTheNamedFields(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        fullRun(sink, TENANT_A, "run-1", users(0, 2));
        DatasetSink.Session delta = open(sink, TENANT_A, "run-2", false);

        delta.merge(List.of(RecordPatch.upsert(placeholder(1, "Renamed", null), Set.of("displayName"))));
        delta.complete();

        EntraUser expected = new EntraUser(
                id(1),
                user(1).userPrincipalName(),
                "Renamed",
                user(1).accountEnabled(),
                user(1).userType(),
                user(1).createdDateTime(),
                user(1).lastPasswordChangeDateTime(),
                user(1).otherMails(),
                user(1).passwordPolicies(),
                user(1).assignedLicenses(),
                user(1).directoryRoles(),
                user(1).mfa());
        assertThat(stored(db, 1)).isEqualTo(expected);
        assertThat(stored(db, 0)).isEqualTo(user(0));
    }

    @DatabaseTest
    void mergeAppliesOnTopOfWhatTheSessionStaged(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        DatasetSink.Session full = open(sink, TENANT_A, "run-1", true);
        MfaStatus registered = new MfaStatus(MfaStatus.State.REGISTERED, true, List.of("fido2"), null);

        full.upsert(users(0, 2));
        full.merge(List.of(RecordPatch.update(placeholder(1, null, registered), Set.of("mfa"))));
        full.complete();

        assertThat(stored(db, 1).mfa()).isEqualTo(registered);
        assertThat(stored(db, 1).displayName()).isEqualTo("User 1");
    }

    @DatabaseTest
    void patchForAnAbsentObjectIsInsertedOnlyWhenItMayInsert(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        DatasetSink.Session delta = open(sink, TENANT_A, "run-1", false);

        delta.merge(List.of(
                RecordPatch.update(placeholder(1, "Refresh only", null), Set.of("displayName")),
                RecordPatch.upsert(placeholder(2, "Created", null), Set.of("displayName"))));
        delta.complete();

        assertThat(live(db)).extracting(r -> r.get("id")).containsExactly(id(2));
        assertThat(stored(db, 2)).isEqualTo(placeholder(2, "Created", null));
    }

    @DatabaseTest
    void removedObjectsCountAsAbsentForPatches(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        fullRun(sink, TENANT_A, "run-1", users(0, 3));
        fullRun(sink, TENANT_A, "run-2", users(0, 1));
        DatasetSink.Session delta = open(sink, TENANT_A, "run-3", false);

        delta.remove(List.of(id(0)));
        delta.merge(List.of(
                RecordPatch.update(placeholder(0, "Gone", null), Set.of("displayName")),
                RecordPatch.update(placeholder(1, "Gone too", null), Set.of("displayName")),
                RecordPatch.upsert(placeholder(2, "Back", null), Set.of("displayName"))));
        delta.complete();

        assertThat(db.count("users", "removed_at IS NULL")).isEqualTo(1);
        assertThat(stored(db, 2)).isEqualTo(placeholder(2, "Back", null));
        assertThat(db.count("users", "display_name LIKE 'Gone%'")).isZero();
    }

    @DatabaseTest
    void patchedObjectCountsAsDeliveredInAFullRun(TestDatabase db) {
        JdbcDatasetSink sink = sink(db);
        fullRun(sink, TENANT_A, "run-1", users(0, 2));
        DatasetSink.Session full = open(sink, TENANT_A, "run-2", true);

        full.upsert(users(0, 1));
        full.merge(List.of(RecordPatch.update(placeholder(1, "Patched", null), Set.of("displayName"))));
        full.complete();

        assertThat(db.count("users", "removed_at IS NULL")).isEqualTo(2);
        assertThat(stored(db, 1).displayName()).isEqualTo("Patched");
    }
}
