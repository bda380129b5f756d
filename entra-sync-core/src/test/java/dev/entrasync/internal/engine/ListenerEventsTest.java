package dev.entrasync.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantId;
import dev.entrasync.TokenException;
import dev.entrasync.TokenFailure;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.AadError;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listener events a metrics or tracing binding needs, through the real engine against the simulated cloud:
 * {@code datasetStarted} once per dataset before its progress and end, {@code tokenFailed} wherever a token is
 * refused, the 503 count of {@link DatasetResult}, and {@link SyncEngine#blockedTenants()}.
 */
class ListenerEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<TokenException> tokenFailures = new CopyOnWriteArrayList<>();

    /** Writes down every event in order, the datasets by key. */
    private final SyncListener recorder = new SyncListener() {
        @Override
        public void jobStarted(SyncJob job) {
            events.add("job started");
        }

        @Override
        public void datasetStarted(SyncJob job, Dataset dataset) {
            events.add("started " + dataset.key());
        }

        @Override
        public void datasetProgress(SyncJob job, Dataset dataset, long rowsSoFar, long pages) {
            if (!events.get(events.size() - 1).equals("progress " + dataset.key())) {
                events.add("progress " + dataset.key());
            }
        }

        @Override
        public void datasetFinished(SyncJob job, DatasetResult result) {
            events.add("finished " + result.dataset().key() + " " + result.status());
        }

        @Override
        public void tokenFailed(TenantId tenant, TokenException failure) {
            events.add("token failed " + failure.failure());
            tokenFailures.add(failure);
        }

        @Override
        public void tenantBlocked(TenantId tenant, TokenException cause) {
            events.add("blocked " + cause.failure());
        }

        @Override
        public void jobFinished(SyncJob job) {
            events.add("job finished " + job.status());
        }
    };

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void eachDatasetIsToldStartedOnceBeforeItsProgressAndItsEndAndCounts503s() throws Exception {
        SimulatedTenant tenant = sim.tenant("Contoso", 1500);
        sim.map("contoso", tenant, Dataset.USERS, Dataset.DEVICES);
        sim.cloud.faults().throttleNext(1, 2).unavailableNext(2, 1);

        try (SyncEngine engine = sim.builder().listener(recorder).build()) {
            SyncJob job = engine.await(engine.syncNow(TenantId.of(tenant.id())).id(), WAIT);

            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(events)
                    .containsExactly(
                            "job started",
                            "started users",
                            "progress users",
                            "finished users SUCCEEDED",
                            "started devices",
                            "progress devices",
                            "finished devices SUCCEEDED",
                            "job finished SUCCEEDED");
            long served503 = sim.cloud.graphCalls().stream()
                    .filter(c -> c.status() == 503)
                    .count();
            assertThat(served503).isEqualTo(2);
            assertThat(job.results().stream()
                            .mapToLong(DatasetResult::unavailableResponses)
                            .sum())
                    .isEqualTo(served503);
            assertThat(job.results().stream()
                            .mapToLong(DatasetResult::throttledResponses)
                            .sum())
                    .isEqualTo(1);
            assertThat(job.results().stream().mapToLong(DatasetResult::requests).sum())
                    .isEqualTo(sim.cloud.graphCalls().stream()
                            .filter(c -> !c.batchItem())
                            .count());
        }
    }

    @Test
    void aDatasetThatFailsBeforeItsFirstRequestIsStillToldStartedFirst() throws Exception {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.map("contoso", tenant, Dataset.USERS);
        // A host's checkpoint store whose database is down: the dataset fails before its first request.
        dev.entrasync.CheckpointStore broken = new dev.entrasync.CheckpointStore() {
            @Override
            public java.util.Optional<dev.entrasync.Checkpoint> load(TenantId t, Dataset dataset) {
                throw new IllegalStateException("the checkpoint store is down");
            }

            @Override
            public void save(TenantId t, Dataset dataset, dev.entrasync.Checkpoint checkpoint) {
                throw new IllegalStateException("the checkpoint store is down");
            }

            @Override
            public void delete(TenantId t, Dataset dataset) {
                throw new IllegalStateException("the checkpoint store is down");
            }
        };

        try (SyncEngine engine =
                sim.builder().checkpoints(broken).listener(recorder).build()) {
            SyncJob job = engine.await(engine.syncNow(TenantId.of(tenant.id())).id(), WAIT);

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(events)
                    .containsExactly("job started", "started users", "finished users FAILED", "job finished FAILED");
        }
    }

    @Test
    void aWrongSecretIsToldAsATokenFailureThenAsABlockAndTheTenantIsListedBlocked() throws Exception {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.map("contoso", tenant, Dataset.USERS);
        sim.credentials.save(sim.credential("not-the-secret"));

        try (SyncEngine engine = sim.builder().listener(recorder).build()) {
            assertThat(engine.blockedTenants()).isEmpty();
            SyncJob job = engine.await(engine.syncNow(TenantId.of(tenant.id())).id(), WAIT);

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(events)
                    .containsExactly(
                            "job started",
                            "token failed INVALID_SECRET",
                            "blocked INVALID_SECRET",
                            "job finished FAILED");
            assertThat(tokenFailures).singleElement().satisfies(e -> {
                assertThat(e.aadstsCode()).contains(7000215);
                assertThat(e.tenant()).isEqualTo(TenantId.of(tenant.id()));
            });
            assertThat(engine.blockedTenants()).containsExactly(TenantId.of(tenant.id()));

            engine.resume(TenantId.of(tenant.id()));
            assertThat(engine.blockedTenants()).isEmpty();
        }
    }

    @Test
    void syncToldOfTheRefusedTokenBeforeItThrows() {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.cloud.faults().failTokens(tenant.id(), AadError.APP_NOT_FOUND_IN_TENANT);

        try (SyncEngine engine = sim.builder().listener(recorder).build()) {
            assertThatThrownBy(() -> engine.sync("msp", TenantId.of(tenant.id()), Set.of(Dataset.USERS)))
                    .isInstanceOf(TokenException.class);

            assertThat(events).containsExactly("token failed " + TokenFailure.APP_NOT_IN_TENANT);
            assertThat(tokenFailures)
                    .singleElement()
                    .satisfies(e -> assertThat(e.aadstsCode()).contains(700016));
        }
    }

    @Test
    void aTokenRefusedWhileADatasetRunsIsToldAndFailsTheDataset() throws Exception {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.map("contoso", tenant, Dataset.USERS);
        SyncListener expireOnStart = new SyncListener() {
            @Override
            public void datasetStarted(SyncJob job, Dataset dataset) {
                // After the job's own token check: the cached token runs out and the next one is refused.
                sim.cloud.faults().failTokens(tenant.id(), AadError.BLOCKED_BY_CONDITIONAL_ACCESS);
                sim.time.advance(Duration.ofHours(2));
            }
        };

        try (SyncEngine engine =
                sim.builder().listener(expireOnStart).listener(recorder).build()) {
            SyncJob job = engine.await(engine.syncNow(TenantId.of(tenant.id())).id(), WAIT);

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(events)
                    .containsExactly(
                            "job started",
                            "started users",
                            "token failed " + TokenFailure.BLOCKED_BY_CONDITIONAL_ACCESS,
                            "finished users FAILED",
                            "job finished FAILED");
            assertThat(sim.cloud.graphCalls()).extracting(RecordedCall::status).isEmpty();
        }
    }

    @Test
    void theRuntimeShowsItsCredentialsAndClock() {
        EntraSync runtime = sim.runtime(dev.entrasync.GraphLimits.ofDefaults());

        assertThat(runtime.credentials()).isSameAs(sim.credentials);
        assertThat(runtime.clock()).isSameAs(sim.time);
        runtime.close();
        assertThatThrownBy(runtime::credentials).isInstanceOf(IllegalStateException.class);
    }
}
