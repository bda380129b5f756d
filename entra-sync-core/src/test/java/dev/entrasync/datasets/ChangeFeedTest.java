package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Change;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetSink;
import dev.entrasync.GraphLimits;
import dev.entrasync.SinkContext;
import dev.entrasync.SyncConfig;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.RecordPatch;
import dev.entrasync.testing.ChangeScenario;
import dev.entrasync.testing.RecordingSink;
import dev.entrasync.testkit.ContosoFixture;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The change feed on the simulated cloud: the first run is a baseline, and a changed tenant yields exactly its
 * changes through the listener, for delta runs and full runs alike, without another Graph request.
 */
class ChangeFeedTest {

    private final DatasetsFixture fx = new DatasetsFixture();
    private final List<Change> heard = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void listen() {
        fx.listener = new SyncListener() {
            @Override
            public void changes(SyncJob job, Dataset dataset, List<Change> changes) {
                assertThat(changes).isNotEmpty().allMatch(c -> c.dataset() == dataset);
                heard.addAll(changes);
            }
        };
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void theFirstSyncOfAThousandUsersIsABaselineWithoutChanges() {
        SimulatedTenant tenant = fx.tenant("Fabrikam", 1000, 120, 30);

        SyncResult first = fx.syncAll(tenant);

        assertThat(first.datasets()).allMatch(r -> r.status() == DatasetResult.Status.SUCCEEDED);
        assertThat(fx.<EntraUser>records(tenant, Dataset.USERS)).hasSize(1000);
        assertThat(heard).isEmpty();
    }

    @ParameterizedTest(name = "full run: {0}")
    @ValueSource(booleans = {false, true})
    void aChangedTenantYieldsExactlyItsChanges(boolean fullRun) {
        SimulatedTenant tenant = fx.tenant(ContosoFixture.build());
        fx.syncAll(tenant);
        assertThat(heard).isEmpty();
        Mutations m = mutate(tenant);
        if (fullRun) {
            fx.config = SyncConfig.custom().deltaMaxAge(Duration.ofMinutes(1)).build();
        }
        fx.sim.time.advance(Duration.ofHours(1));

        SyncResult second = fx.syncAll(tenant);

        DatasetResult users = second.dataset(Dataset.USERS).orElseThrow();
        assertThat(users.mode()).isEqualTo(fullRun ? DatasetResult.Mode.FULL : DatasetResult.Mode.DELTA);
        assertThat(lines(heard)).containsExactlyInAnyOrderElementsOf(m.expected);
    }

    @Test
    void tellingChangesCostsNoGraphRequest() {
        SimulatedTenant tenant = fx.tenant(ContosoFixture.build());
        fx.syncAll(tenant);
        mutate(tenant);
        fx.sim.time.advance(Duration.ofHours(1));
        fx.sim.cloud.clearCalls();
        fx.syncAll(tenant);
        int withChanges = fx.httpCalls().size();
        assertThat(heard).isNotEmpty();

        try (DatasetsFixture plain = new DatasetsFixture()) {
            SimulatedTenant twin = plain.tenant(ContosoFixture.build());
            DatasetSink untracked = new WithoutChanges(plain.sim.sink);
            plain.sync(twin, DatasetsFixture.ALL, untracked);
            new ChangeFeedTest().mutate(twin, plain);
            plain.sim.time.advance(Duration.ofHours(1));
            plain.sim.cloud.clearCalls();
            plain.sync(twin, DatasetsFixture.ALL, untracked);

            assertThat(withChanges).isEqualTo(plain.httpCalls().size());
        }
    }

    @Test
    void aFailedRunYieldsNoChangesAndTheNextRunYieldsThem() {
        SimulatedTenant tenant = fx.tenant(ContosoFixture.build());
        fx.syncAll(tenant);
        Mutations m = mutate(tenant);
        fx.sim.time.advance(Duration.ofHours(1));
        RecordingSink dying = new RecordingSink(fx.sim.sink)
                .afterFirstWrite(
                        Dataset.USERS,
                        () -> fx.sim
                                .cloud
                                .faults()
                                .forPath("/v1.0/users/delta")
                                .failNext(GraphLimits.ofDefaults().maxAttempts(), 500));
        fx.sim.cloud.deltaPageSize(1);

        DatasetResult users = fx.sync(tenant, Set.of(Dataset.USERS), dying)
                .dataset(Dataset.USERS)
                .orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(heard).isEmpty();

        fx.syncAll(tenant);
        assertThat(lines(heard)).containsExactlyInAnyOrderElementsOf(m.expected);
    }

    @Test
    void aReplayedRunYieldsNoChangesTheSecondTime() {
        SimulatedTenant tenant = fx.tenant(ContosoFixture.build());
        fx.syncAll(tenant);
        Mutations m = mutate(tenant);
        fx.sim.time.advance(Duration.ofHours(1));
        TenantId id = TenantId.of(tenant.id());
        Map<Dataset, Checkpoint> saved = new EnumMap<>(Dataset.class);
        DatasetsFixture.ALL.forEach(d -> fx.checkpoints.load(id, d).ifPresent(c -> saved.put(d, c)));
        fx.syncAll(tenant);
        assertThat(lines(heard)).containsExactlyInAnyOrderElementsOf(m.expected);
        heard.clear();
        saved.forEach((d, c) -> fx.checkpoints.save(id, d, c)); // the same delta pages are delivered again

        SyncResult replay = fx.syncAll(tenant);

        assertThat(replay.dataset(Dataset.USERS).orElseThrow().rowsUpserted()).isPositive();
        assertThat(heard).isEmpty();
    }

    /** Passes every call on, but reports no changes: a sink that does not track them. */
    private record WithoutChanges(DatasetSink inner) implements DatasetSink {
        @Override
        public Session open(SinkContext context) {
            Session session = inner.open(context);
            return new Session() {
                @Override
                public void upsert(List<? extends EntraRecord> batch) {
                    session.upsert(batch);
                }

                @Override
                public void merge(List<? extends RecordPatch<?>> patches) {
                    session.merge(patches);
                }

                @Override
                public void remove(Collection<String> ids) {
                    session.remove(ids);
                }

                @Override
                public void complete() {
                    session.complete();
                }

                @Override
                public void abort(Throwable cause) {
                    session.abort(cause);
                }
            };
        }
    }

    private static Set<String> lines(Collection<Change> changes) {
        return ChangeScenario.lines(changes);
    }

    private Mutations mutate(SimulatedTenant tenant) {
        return mutate(tenant, fx);
    }

    private Mutations mutate(SimulatedTenant tenant, DatasetsFixture fx) {
        return new Mutations(
                ChangeScenario.apply(tenant, d -> fx.records(tenant, d)).expected());
    }

    private record Mutations(List<String> expected) {}
}
