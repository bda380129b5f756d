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
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a host with Micrometer Tracing sees: the observations turned into spans by Micrometer Tracing's own handler,
 * a span per job and a child span per dataset in the same trace, though the engine tells each event on a worker
 * thread with no span in scope.
 */
@EntraSyncTest(
        users = 1200,
        datasets = {Dataset.USERS, Dataset.GROUPS})
class EntraSyncTracingTest {

    @Test
    void aJobIsOneTraceWithAChildSpanPerDataset(TestHost host) throws Exception {
        SimpleTracer tracer = new SimpleTracer();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
        EntraSyncMetrics metrics = EntraSyncMetrics.builder(new SimpleMeterRegistry())
                .observations(observations)
                .build();
        SyncEngine engine = host.engineBuilder().listener(metrics.listener()).build();
        metrics.bind(host.runtime(), engine);

        SyncJob job = engine.await(engine.syncNow(host.tenantId()).id(), Duration.ofSeconds(30));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        List<SimpleSpan> spans = List.copyOf(tracer.getSpans());
        assertThat(spans).hasSize(3);
        SimpleSpan jobSpan = spans.stream()
                .filter(s -> s.getName().equals("entrasync job"))
                .findFirst()
                .orElseThrow();
        assertThat(jobSpan.context().parentId()).as("a root span").isNullOrEmpty();
        assertThat(jobSpan.getTags())
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("tenant", host.tenantId().value())
                .containsEntry("graph.requests", Long.toString(job.requests()));
        for (DatasetResult result : job.results()) {
            SimpleSpan span = spans.stream()
                    .filter(s -> s.getName()
                            .equals("entrasync dataset " + result.dataset().key()))
                    .findFirst()
                    .orElseThrow();
            assertThat(span.context().traceId()).isEqualTo(jobSpan.context().traceId());
            assertThat(span.context().parentId()).isEqualTo(jobSpan.context().spanId());
            assertThat(span.getTags())
                    .containsEntry("dataset", result.dataset().key())
                    .containsEntry("status", "SUCCEEDED")
                    .containsEntry("graph.requests", Long.toString(result.requests()));
        }
    }
}
