package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.Change;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.GraphLimits;
import dev.entrasync.SyncConfig;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraUser;
import dev.entrasync.testing.ChangeScenario;
import dev.entrasync.testing.FakeTime;
import dev.entrasync.testing.RecordingSink;
import dev.entrasync.testkit.ContosoFixture;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The change feed through the real engine into each database: the first sync is a baseline, a changed tenant yields
 * exactly its changes in the changes table (written with the session's completion) and through the listener, for
 * delta and full runs; an aborted run and a replayed run store none; old changes go after the retention.
 */
class JdbcChangeFeedTest {

    private static final Set<Dataset> ALL = EnumSet.allOf(Dataset.class);
    private static final Instant EPOCH = Instant.EPOCH;
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    private final List<Change> heard = Collections.synchronizedList(new ArrayList<>());
    private final SyncListener listener = new SyncListener() {
        @Override
        public void changes(SyncJob job, Dataset dataset, List<Change> changes) {
            heard.addAll(changes);
        }
    };

    @DatabaseTest
    void deltaRunsStoreExactlyTheChangesAndAReplayStoresNone(TestDatabase db) {
        FakeTime clock = new FakeTime(SimulatedHost.AS_OF.plus(Duration.ofHours(8)));
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        try (SimulatedHost host = new SimulatedHost(storage, clock, clock)) {
            SimulatedTenant simulated = contoso(host);
            TenantId tenant = TenantId.of(simulated.id());
            JdbcQueries queries = storage.queries();
            try (SyncEngine engine = host.engine().listener(listener).build()) {
                engine.sync("msp", tenant, ALL);
                assertThat(heard).isEmpty();
                assertThat(queries.changes(tenant, EPOCH, FAR)).isEmpty();

                ChangeScenario scenario = ChangeScenario.apply(simulated, d -> stored(queries, tenant, d));
                clock.advance(Duration.ofHours(1));
                Map<Dataset, Checkpoint> saved = new EnumMap<>(Dataset.class);
                ALL.forEach(d -> storage.checkpointStore().load(tenant, d).ifPresent(c -> saved.put(d, c)));
                Instant second = clock.instant();

                SyncResult result = engine.sync("msp", tenant, ALL);

                assertThat(result.dataset(Dataset.USERS).orElseThrow().mode()).isEqualTo(DatasetResult.Mode.DELTA);
                assertThat(ChangeScenario.lines(heard)).containsExactlyInAnyOrderElementsOf(scenario.expected());
                List<Change> stored = queries.changes(tenant, EPOCH, FAR);
                assertThat(stored).containsExactlyInAnyOrderElementsOf(heard);
                assertThat(stored).allSatisfy(c -> assertThat(c.at()).isEqualTo(second));
                assertThat(queries.changes(tenant, EPOCH, FAR, Change.Kind.CHANGED))
                        .hasSameSizeAs(stored);
                assertThat(queries.changes(tenant, EPOCH, FAR, Change.Kind.ADDED, Change.Kind.REMOVED))
                        .isEmpty();
                assertThat(queries.changes(tenant, second.plusSeconds(1), FAR)).isEmpty();
                assertThat(queries.changes(TenantId.of(SimulatedHost.HOME_TENANT), EPOCH, FAR))
                        .isEmpty();

                heard.clear();
                saved.forEach((d, c) -> storage.checkpointStore().save(tenant, d, c));
                clock.advance(Duration.ofHours(1));
                SyncResult replay = engine.sync("msp", tenant, ALL); // the same delta pages once more

                assertThat(replay.dataset(Dataset.USERS).orElseThrow().rowsUpserted())
                        .isPositive();
                assertThat(heard).isEmpty();
                assertThat(queries.changes(tenant, EPOCH, FAR)).hasSameSizeAs(stored);
            }
        }
    }

    @DatabaseTest
    void aFullRunStoresTheSameChangesAndRemovalsAtCompletion(TestDatabase db) {
        FakeTime clock = new FakeTime(SimulatedHost.AS_OF.plus(Duration.ofHours(8)));
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        try (SimulatedHost host = new SimulatedHost(storage, clock, clock)) {
            SimulatedTenant simulated = contoso(host);
            TenantId tenant = TenantId.of(simulated.id());
            JdbcQueries queries = storage.queries();
            SyncConfig fullEachTime =
                    SyncConfig.custom().deltaMaxAge(Duration.ofMinutes(1)).build();
            try (SyncEngine engine =
                    host.engine().listener(listener).config(fullEachTime).build()) {
                engine.sync("msp", tenant, ALL);
                ChangeScenario scenario = ChangeScenario.apply(simulated, d -> stored(queries, tenant, d));
                String gone = queries.records(tenant, EntraDevice.class).stream()
                        .filter(d -> !ContosoFixture.UNMANAGED_DEVICE_ID.equals(d.id()))
                        .filter(d -> !Boolean.TRUE.equals(d.isCompliant()))
                        .findFirst()
                        .orElseThrow()
                        .id();
                simulated.devices().delete(gone);
                clock.advance(Duration.ofHours(1));

                SyncResult result = engine.sync("msp", tenant, ALL);

                assertThat(result.dataset(Dataset.USERS).orElseThrow().mode()).isEqualTo(DatasetResult.Mode.FULL);
                List<String> expected = new ArrayList<>(scenario.expected());
                expected.add("devices REMOVED " + gone);
                assertThat(ChangeScenario.lines(heard)).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(ChangeScenario.lines(queries.changes(tenant, EPOCH, FAR)))
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(queries.changes(tenant, EPOCH, FAR, Change.Kind.REMOVED))
                        .singleElement()
                        .satisfies(c -> assertThat(c.objectId()).isEqualTo(gone));
            }
        }
    }

    @DatabaseTest
    void anAbortedRunStoresNoChangesAndOldChangesGoAfterTheRetention(TestDatabase db) {
        FakeTime clock = new FakeTime(SimulatedHost.AS_OF.plus(Duration.ofHours(8)));
        JdbcStorage storage = db.storageBuilder()
                .clock(clock)
                .changeRetention(Duration.ofDays(2))
                .build();
        try (SimulatedHost host = new SimulatedHost(storage, clock, clock)) {
            SimulatedTenant simulated = contoso(host);
            TenantId tenant = TenantId.of(simulated.id());
            JdbcQueries queries = storage.queries();
            RecordingSink dying = new RecordingSink(storage.datasetSink());
            try (SyncEngine engine =
                    host.engine().sink(dying).listener(listener).build()) {
                engine.sync("msp", tenant, ALL);
                ChangeScenario.apply(simulated, d -> stored(queries, tenant, d));
                clock.advance(Duration.ofHours(1));
                host.cloud.deltaPageSize(1);
                dying.afterFirstWrite(
                        Dataset.USERS,
                        () -> host.cloud
                                .faults()
                                .forPath("/v1.0/users/delta")
                                .failNext(GraphLimits.ofDefaults().maxAttempts(), 500));

                DatasetResult users = engine.sync("msp", tenant, Set.of(Dataset.USERS))
                        .dataset(Dataset.USERS)
                        .orElseThrow();

                assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
                assertThat(heard).isEmpty();
                assertThat(queries.changes(tenant, EPOCH, FAR)).isEmpty();

                engine.sync("msp", tenant, Set.of(Dataset.USERS));
                List<Change> first = queries.changes(tenant, EPOCH, FAR);
                assertThat(first).isNotEmpty().hasSameSizeAs(heard);

                clock.advance(Duration.ofDays(3));
                String renamed = queries.records(tenant, EntraUser.class).get(0).id();
                simulated.users().update(renamed, Map.of("displayName", "Renamed Person"));
                engine.sync("msp", tenant, Set.of(Dataset.USERS));

                assertThat(ChangeScenario.lines(queries.changes(tenant, EPOCH, FAR)))
                        .singleElement()
                        .satisfies(line -> assertThat(line)
                                .startsWith("users CHANGED " + renamed + " displayName: ")
                                .endsWith(" -> Renamed Person"));
            }
        }
    }

    @DatabaseTest
    void readingChangesChecksItsArguments(TestDatabase db) {
        JdbcQueries queries = db.storageBuilder().build().queries();
        TenantId tenant = TenantId.of(SimulatedHost.HOME_TENANT);

        assertThatThrownBy(() -> queries.changes(tenant, FAR, EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is after");
        assertThatThrownBy(() -> db.storageBuilder().changeRetention(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("changeRetention");
    }

    private static SimulatedTenant contoso(SimulatedHost host) {
        SimulatedTenant tenant = host.cloud.addTenant(ContosoFixture.build());
        tenant.consent(host.app, Permissions.allRead());
        return tenant;
    }

    private static List<? extends dev.entrasync.model.EntraRecord> stored(
            JdbcQueries queries, TenantId tenant, Dataset dataset) {
        return switch (dataset) {
            case USERS -> queries.records(tenant, EntraUser.class);
            case DEVICES -> queries.records(tenant, EntraDevice.class);
            case LICENSES -> queries.records(tenant, EntraLicense.class);
            default -> throw new IllegalArgumentException(dataset.key());
        };
    }
}
