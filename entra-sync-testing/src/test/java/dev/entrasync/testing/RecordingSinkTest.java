package dev.entrasync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.RecordPatch;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordingSinkTest {

    private static final TenantId TENANT = TenantId.of("00000000-0000-0000-0000-0000000000aa");
    private static final TenantId OTHER = TenantId.of("00000000-0000-0000-0000-0000000000bb");

    private static EntraDevice device(String id, String name) {
        return new EntraDevice(id, "dev-" + id, name, "Windows", "10.0", "AzureAd", true, true, null, null, null);
    }

    private static SinkContext context(TenantId tenant, Dataset dataset, boolean full) {
        return new SinkContext(tenant, dataset, "run-" + tenant.value().substring(34), full);
    }

    @Test
    void recordsEverySessionAndKeepsTheRecordsAsTheInMemorySinkDoes() {
        RecordingSink sink = new RecordingSink();
        DatasetSink.Session full = sink.open(context(TENANT, Dataset.DEVICES, true));
        full.upsert(List.of(device("a", "A"), device("b", "B")));
        full.complete();
        DatasetSink.Session delta = sink.open(context(TENANT, Dataset.DEVICES, false));
        delta.merge(List.of(new RecordPatch<>(device("a", "A2"), Set.of("displayName"), false)));
        delta.remove(List.of("b"));
        delta.complete();
        DatasetSink.Session failed = sink.open(context(OTHER, Dataset.DEVICES, true));
        failed.upsert(List.of(device("c", "C")));
        IllegalStateException cause = new IllegalStateException("page 2 was malformed");
        failed.abort(cause);

        assertThat(sink.sessions()).hasSize(3);
        assertThat(sink.sessions(TENANT, Dataset.DEVICES))
                .satisfiesExactly(
                        s -> {
                            assertThat(s.fullRun()).isTrue();
                            assertThat(s.completed()).isTrue();
                            assertThat(s.<EntraDevice>upserted())
                                    .extracting(EntraDevice::id)
                                    .containsExactly("a", "b");
                        },
                        s -> {
                            assertThat(s.fullRun()).isFalse();
                            assertThat(s.patches())
                                    .singleElement()
                                    .satisfies(p -> assertThat(p.id()).isEqualTo("a"));
                            assertThat(s.removed()).containsExactly("b");
                            assertThat(s.state()).isEqualTo(RecordedSession.State.COMPLETED);
                        });
        assertThat(sink.sessions(OTHER)).singleElement().satisfies(s -> {
            assertThat(s.aborted()).isTrue();
            assertThat(s.abortCause()).containsSame(cause);
            assertThat(s.runId()).isEqualTo("run-bb");
        });
        assertThat(sink.<EntraDevice>records(TENANT, Dataset.DEVICES))
                .extracting(EntraDevice::displayName)
                .containsExactly("A2");
        assertThat(sink.record(TENANT, Dataset.DEVICES, "b")).isEmpty();
        assertThat(sink.records(OTHER, Dataset.DEVICES)).isEmpty();
        assertThat(sink.completedRuns(TENANT, Dataset.DEVICES)).isEqualTo(2);
        assertThat(sink.mostOpenAtOnce(TENANT, Dataset.DEVICES)).isEqualTo(1);
    }

    @Test
    void aDelegateGetsEveryCallFirstAndOnlyWhatItAcceptedIsRecorded() {
        InMemoryDatasetSink delegate = new InMemoryDatasetSink();
        DatasetSink refusing = context -> {
            DatasetSink.Session inner = delegate.open(context);
            return new DatasetSink.Session() {
                @Override
                public void upsert(List<? extends dev.entrasync.model.EntraRecord> batch) {
                    if (batch.size() > 1) {
                        throw new IllegalArgumentException("batch too large");
                    }
                    inner.upsert(batch);
                }

                @Override
                public void merge(List<? extends RecordPatch<?>> patches) {
                    inner.merge(patches);
                }

                @Override
                public void remove(java.util.Collection<String> ids) {
                    inner.remove(ids);
                }

                @Override
                public void complete() {
                    inner.complete();
                }

                @Override
                public void abort(Throwable cause) {
                    inner.abort(cause);
                }
            };
        };
        RecordingSink sink = new RecordingSink(refusing);
        DatasetSink.Session session = sink.open(context(TENANT, Dataset.DEVICES, true));
        session.upsert(List.of(device("a", "A")));
        assertThatThrownBy(() -> session.upsert(List.of(device("b", "B"), device("c", "C"))))
                .hasMessage("batch too large");
        session.complete();

        assertThat(delegate.<EntraDevice>records(TENANT, Dataset.DEVICES))
                .extracting(EntraDevice::id)
                .containsExactly("a");
        assertThat(sink.records(TENANT, Dataset.DEVICES)).isEqualTo(delegate.records(TENANT, Dataset.DEVICES));
        assertThat(sink.sessions().get(0).upserted()).hasSize(1);
    }

    @Test
    void afterFirstWriteRunsOnceForTheDatasetAfterTheWriteLanded() {
        RecordingSink sink = new RecordingSink();
        AtomicInteger fired = new AtomicInteger();
        sink.afterFirstWrite(Dataset.DEVICES, () -> {
            assertThat(sink.sessions().get(sink.sessions().size() - 1).removed())
                    .containsExactly("x");
            fired.incrementAndGet();
        });
        DatasetSink.Session users = sink.open(context(TENANT, Dataset.USERS, false));
        users.remove(List.of("u"));
        assertThat(fired).hasValue(0);

        DatasetSink.Session devices = sink.open(context(TENANT, Dataset.DEVICES, false));
        devices.remove(List.of("x"));
        devices.upsert(List.of(device("a", "A")));
        sink.open(context(OTHER, Dataset.DEVICES, false)).remove(List.of("y"));

        assertThat(fired).hasValue(1);
    }

    @Test
    void aGateHoldsMatchingSessionsUntilReleased() throws Exception {
        RecordingSink sink = new RecordingSink();
        RecordingSink.Gate gate = sink.holdCompletions(c -> c.tenant().equals(TENANT));
        DatasetSink.Session other = sink.open(context(OTHER, Dataset.DEVICES, true));
        other.upsert(List.of(device("o", "O")));
        other.complete(); // not held
        assertThat(gate.reached()).isFalse();

        DatasetSink.Session held = sink.open(context(TENANT, Dataset.DEVICES, true));
        held.upsert(List.of(device("a", "A")));
        DatasetSink.Session second = sink.open(context(TENANT, Dataset.DEVICES, true));
        CompletableFuture<Void> completing = CompletableFuture.runAsync(held::complete);

        assertThat(gate.awaitReached(Duration.ofSeconds(30))).isTrue();
        Thread.sleep(50);
        assertThat(completing).isNotDone();
        assertThat(sink.records(TENANT, Dataset.DEVICES)).isEmpty();
        assertThat(sink.mostOpenAtOnce(TENANT, Dataset.DEVICES)).isEqualTo(2);
        gate.release();
        completing.get(30, TimeUnit.SECONDS);
        second.complete(); // released for good
        assertThat(sink.sessions(TENANT, Dataset.DEVICES))
                .allSatisfy(s -> assertThat(s.completed()).isTrue());
    }

    @Test
    void anInterruptedHoldFailsTheCallAndKeepsTheInterrupt() throws Exception {
        RecordingSink sink = new RecordingSink();
        sink.holdUpserts(c -> true);
        DatasetSink.Session session = sink.open(context(TENANT, Dataset.DEVICES, true));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> session.upsert(List.of(device("a", "A"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(sink.sessions().get(0).upserted()).isEmpty();
    }
}
