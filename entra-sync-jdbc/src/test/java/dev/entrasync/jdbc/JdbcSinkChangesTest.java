package dev.entrasync.jdbc;

import static dev.entrasync.jdbc.TestUsers.TENANT_A;
import static dev.entrasync.jdbc.TestUsers.TENANT_B;
import static dev.entrasync.jdbc.TestUsers.user;
import static dev.entrasync.jdbc.TestUsers.users;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Change;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.FieldChange;
import dev.entrasync.SinkContext;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import dev.entrasync.testing.FakeTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** {@link JdbcDatasetSink}'s change feed at the sink: what each session's {@code changes()} reports and stores. */
class JdbcSinkChangesTest {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    private final FakeTime clock = new FakeTime(T1);

    private static List<Change> run(
            JdbcDatasetSink sink,
            String tenant,
            Dataset dataset,
            String run,
            boolean full,
            List<? extends EntraRecord> records) {
        DatasetSink.Session session = sink.open(new SinkContext(TenantId.of(tenant), dataset, run, full));
        assertThat(session.changes()).as("before complete").isEmpty();
        if (!records.isEmpty()) {
            session.upsert(records);
        }
        session.complete();
        return session.changes();
    }

    @DatabaseTest
    void aFullRunReportsAddedChangedAndRemovedOnlyAfterItsBaseline(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        JdbcDatasetSink sink = storage.datasetSink();

        assertThat(run(sink, TENANT_A, Dataset.USERS, "run-1", true, users(0, 50)))
                .isEmpty();
        assertThat(run(sink, TENANT_B, Dataset.USERS, "run-1b", true, users(0, 2)))
                .as("another tenant has its own baseline")
                .isEmpty();
        clock.advance(java.time.Duration.ofHours(1));
        List<EntraRecord> next = new java.util.ArrayList<>(users(1, 50));
        next.set(0, user(1, "Renamed"));
        next.add(user(60));

        List<Change> changes = run(sink, TENANT_A, Dataset.USERS, "run-2", true, next);

        assertThat(changes)
                .extracting(Change::kind, Change::objectId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.REMOVED, TestUsers.id(0)),
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.CHANGED, TestUsers.id(1)),
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.ADDED, TestUsers.id(60)));
        assertThat(changes.get(1).fields()).containsExactly(new FieldChange("displayName", "User 1", "Renamed"));
        assertThat(changes).allSatisfy(c -> assertThat(c.at()).isEqualTo(clock.instant()));
        assertThat(storage.queries().changes(TenantId.of(TENANT_A), T1, FAR)).isEqualTo(changes);
        assertThat(run(sink, TENANT_A, Dataset.USERS, "run-2", true, next))
                .as("the same run replayed")
                .isEmpty();
    }

    @DatabaseTest
    void aFullRunReadsOnlyTheRowsThatCanHaveChanged(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        JdbcDatasetSink sink = storage.datasetSink();
        run(sink, TENANT_A, Dataset.USERS, "run-1", true, users(0, 200));
        clock.advance(java.time.Duration.ofHours(1));
        List<EntraRecord> next = new java.util.ArrayList<>(users(1, 200));
        next.set(4, user(5, "Renamed"));
        next.set(5, user(6, "User 6 ")); // only a trailing space: MariaDB's collation alone would call it equal
        next.set(6, user(7, null)); // a value that becomes NULL
        next.add(user(300));
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger("dev.entrasync.jdbc.internal.TableStage");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        ch.qos.logback.classic.Level level = log.getLevel();
        log.setLevel(ch.qos.logback.classic.Level.DEBUG);
        log.addAppender(lines);
        List<Change> changes;
        List<Change> replayed;
        try {
            changes = run(sink, TENANT_A, Dataset.USERS, "run-2", true, next);
            replayed = run(sink, TENANT_A, Dataset.USERS, "run-2", true, next);
        } finally {
            log.detachAppender(lines);
            log.setLevel(level);
        }

        assertThat(changes)
                .extracting(Change::kind, Change::objectId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.REMOVED, TestUsers.id(0)),
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.CHANGED, TestUsers.id(5)),
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.CHANGED, TestUsers.id(6)),
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.CHANGED, TestUsers.id(7)),
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.ADDED, TestUsers.id(300)));
        assertThat(changes)
                .filteredOn(c -> c.kind() == Change.Kind.CHANGED)
                .extracting(Change::fields)
                .containsExactlyInAnyOrder(
                        List.of(new FieldChange("displayName", "User 5", "Renamed")),
                        List.of(new FieldChange("displayName", "User 6", "User 6 ")),
                        List.of(new FieldChange("displayName", "User 7", null)));
        assertThat(replayed).as("the same run replayed").isEmpty();
        String session = "users session of tenant " + TENANT_A + " (run run-2)";
        assertThat(lines.list)
                .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .filteredOn(m -> m.contains(session))
                .as("the removed and the 3 changed rows before, the 3 changed and the added one after, of 200")
                .containsExactly(
                        "The change feed of the " + session + " read 4 rows before and 4 after the merge",
                        "The change feed of the " + session + " read 0 rows before and 0 after the merge");
    }

    @DatabaseTest
    void anAbortedSessionReportsAndStoresNothingAndAMergeIsComparedFieldByField(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        JdbcDatasetSink sink = storage.datasetSink();
        run(sink, TENANT_A, Dataset.USERS, "run-1", true, users(0, 5));
        DatasetSink.Session aborted = sink.open(new SinkContext(TenantId.of(TENANT_A), Dataset.USERS, "run-2", false));
        aborted.remove(Set.of(TestUsers.id(2)));
        aborted.abort(new IllegalStateException("the run stopped"));
        assertThat(aborted.changes()).isEmpty();

        DatasetSink.Session delta = sink.open(new SinkContext(TenantId.of(TENANT_A), Dataset.USERS, "run-3", false));
        delta.merge(List.of(
                RecordPatch.update(user(3, "Patched"), Set.of("displayName")),
                RecordPatch.update(user(99, "Never stored"), Set.of("displayName"))));
        delta.complete();

        assertThat(delta.changes())
                .singleElement()
                .satisfies(c ->
                        assertThat(c.fields()).containsExactly(new FieldChange("displayName", "User 3", "Patched")));
        assertThat(storage.queries().changes(TenantId.of(TENANT_A), T1, FAR)).isEqualTo(delta.changes());
    }

    @DatabaseTest
    void aNewerSecureScoreSnapshotIsComparedWithTheNewestStoredOne(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        JdbcDatasetSink sink = storage.datasetSink();
        LocalDate day = LocalDate.of(2026, 2, 27);
        run(
                sink,
                TENANT_A,
                Dataset.SECURE_SCORES,
                "s-1",
                false,
                List.of(TestRecords.score(TENANT_A, day, 40.0), TestRecords.score(TENANT_A, day.plusDays(1), 42.0)));

        List<Change> moved = run(
                sink,
                TENANT_A,
                Dataset.SECURE_SCORES,
                "s-2",
                false,
                List.of(TestRecords.score(TENANT_A, day.plusDays(2), 36.0)));
        List<Change> unmoved = run(
                sink,
                TENANT_A,
                Dataset.SECURE_SCORES,
                "s-3",
                false,
                List.of(TestRecords.score(TENANT_A, day.plusDays(3), 36.0)));

        assertThat(moved).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.CHANGED);
            assertThat(c.objectId()).isEqualTo(TENANT_A + "_" + day.plusDays(2));
            assertThat(c.fields()).containsExactly(new FieldChange("currentScore", "42", "36"));
        });
        assertThat(unmoved).isEmpty();
    }
}
