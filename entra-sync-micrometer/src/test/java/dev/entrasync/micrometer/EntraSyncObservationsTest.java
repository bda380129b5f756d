package dev.entrasync.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.testing.EntraSyncTest;
import dev.entrasync.testing.TestHost;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The observations (spans, with Micrometer Tracing) through the real engine against the simulated cloud: one
 * {@code entrasync.job} per job with one child {@code entrasync.dataset} per dataset, read from a
 * {@link TestObservationRegistry}, which also checks that each is started and stopped once.
 */
@EntraSyncTest(
        users = 1200,
        datasets = {Dataset.USERS, Dataset.GROUPS, Dataset.DEVICES})
class EntraSyncObservationsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final TestObservationRegistry observations = TestObservationRegistry.create();

    private SyncJob sync(TestHost host) throws InterruptedException {
        EntraSyncMetrics metrics = EntraSyncMetrics.builder(new SimpleMeterRegistry())
                .observations(observations)
                .build();
        SyncEngine engine = host.engineBuilder().listener(metrics.listener()).build();
        metrics.bind(host.runtime(), engine);
        return engine.await(engine.syncNow(host.tenantId()).id(), WAIT);
    }

    @Test
    void aJobIsObservedWithOneChildObservationPerDatasetCarryingItsRequestCount(TestHost host) throws Exception {
        host.cloud().faults().throttleNext(1, 2);

        SyncJob job = sync(host);

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        String tenant = host.tenantId().value();
        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsEqualTo(1 + job.results().size())
                .hasNumberOfObservationsWithNameEqualTo("entrasync.job", 1)
                .hasNumberOfObservationsWithNameEqualTo(
                        "entrasync.dataset", job.results().size())
                .hasObservationWithNameEqualTo("entrasync.job")
                .that()
                .hasBeenStarted()
                .hasBeenStopped()
                .doesNotHaveParentObservation()
                .hasContextualNameEqualTo("entrasync job")
                .hasLowCardinalityKeyValue("status", "SUCCEEDED")
                .hasLowCardinalityKeyValue("trigger", "MANUAL")
                .hasHighCardinalityKeyValue("tenant", tenant)
                .hasHighCardinalityKeyValue("job.id", job.id())
                .hasHighCardinalityKeyValue("graph.requests", Long.toString(job.requests()))
                .doesNotHaveError();

        TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts -> {
            Observation.Context jobContext = contexts.stream()
                    .filter(c -> c.getName().equals("entrasync.job"))
                    .findFirst()
                    .orElseThrow();
            List<Observation.Context> datasetContexts = contexts.stream()
                    .filter(c -> c.getName().equals("entrasync.dataset"))
                    .toList();
            assertThat(datasetContexts)
                    .extracting(c -> c.getLowCardinalityKeyValue("dataset").getValue())
                    .containsExactlyInAnyOrder("users", "groups", "devices");
            for (Observation.Context dataset : datasetContexts) {
                String key = dataset.getLowCardinalityKeyValue("dataset").getValue();
                DatasetResult result = job.results().stream()
                        .filter(r -> r.dataset().key().equals(key))
                        .findFirst()
                        .orElseThrow();
                assertThat(dataset.getParentObservation()).as(key).isNotNull();
                assertThat(dataset.getParentObservation().getContextView())
                        .as("the parent of " + key)
                        .isSameAs(jobContext);
                assertThat(dataset.getContextualName()).isEqualTo("entrasync dataset " + key);
                assertThat(dataset.getLowCardinalityKeyValue("status").getValue())
                        .isEqualTo("SUCCEEDED");
                assertThat(dataset.getLowCardinalityKeyValue("mode").getValue()).isEqualTo("FULL");
                assertThat(dataset.getHighCardinalityKeyValue("tenant").getValue())
                        .isEqualTo(tenant);
                assertThat(dataset.getHighCardinalityKeyValue("graph.requests").getValue())
                        .as(key)
                        .isEqualTo(Long.toString(result.requests()))
                        .isNotEqualTo("0");
                assertThat(dataset.getHighCardinalityKeyValue("graph.throttled").getValue())
                        .isEqualTo(Long.toString(result.throttledResponses()));
            }
            assertThat(datasetContexts.stream()
                            .mapToLong(c -> Long.parseLong(c.getHighCardinalityKeyValue("graph.throttled")
                                    .getValue()))
                            .sum())
                    .isEqualTo(1);
        });
    }

    @Test
    void aFailedDatasetAndItsJobCarryTheErrorAndTheirStatus(TestHost host) throws Exception {
        host.tenant().revoke(host.app(), "Device.Read.All");
        host.tenant().revoke(host.app(), "Directory.Read.All");

        SyncJob job = sync(host);

        assertThat(job.result(Dataset.DEVICES).orElseThrow().status()).isEqualTo(DatasetResult.Status.FAILED);
        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo("entrasync.dataset", 3)
                .hasObservationWithNameEqualTo("entrasync.job")
                .that()
                .hasLowCardinalityKeyValue("status", job.status().name());
        TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts -> {
            Observation.Context devices = contexts.stream()
                    .filter(c -> c.getName().equals("entrasync.dataset")
                            && c.getLowCardinalityKeyValue("dataset").getValue().equals("devices"))
                    .findFirst()
                    .orElseThrow();
            assertThat(devices.getParentObservation().getContextView().getName())
                    .isEqualTo("entrasync.job");
            assertThat(devices.getLowCardinalityKeyValue("status").getValue()).isEqualTo("FAILED");
            assertThat(devices.getError())
                    .isNotNull()
                    .hasMessage(job.result(Dataset.DEVICES).orElseThrow().error());
        });
    }
}
