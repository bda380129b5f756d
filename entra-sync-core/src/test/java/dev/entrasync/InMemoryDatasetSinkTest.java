package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.RecordPatch;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryDatasetSinkTest {

    private static final TenantId TENANT = TenantId.of("00000000-0000-0000-0000-0000000000aa");
    private final InMemoryDatasetSink sink = new InMemoryDatasetSink();

    private static EntraDevice device(String id, String name) {
        return new EntraDevice(id, "dev-" + id, name, "Windows", "10.0", "AzureAd", true, true, null, null, null);
    }

    private DatasetSink.Session session(boolean full) {
        return sink.open(new SinkContext(TENANT, Dataset.DEVICES, "run", full));
    }

    private List<String> names() {
        return sink.<EntraDevice>records(TENANT, Dataset.DEVICES).stream()
                .map(EntraDevice::displayName)
                .toList();
    }

    @Test
    void fullRunRemovesWhatItDidNotDeliverOnlyOnComplete() {
        DatasetSink.Session first = session(true);
        first.upsert(List.of(device("a", "A"), device("b", "B")));
        first.complete();
        DatasetSink.Session second = session(true);
        second.upsert(List.of(device("b", "B2")));

        assertThat(names()).containsExactly("A", "B");
        second.complete();
        assertThat(names()).containsExactly("B2");
    }

    @Test
    void abortedSessionChangesNothing() {
        DatasetSink.Session first = session(true);
        first.upsert(List.of(device("a", "A")));
        first.complete();
        DatasetSink.Session failed = session(false);
        failed.upsert(List.of(device("c", "C")));
        failed.remove(List.of("a"));

        failed.abort(new IllegalStateException("page 2 was malformed"));

        assertThat(names()).containsExactly("A");
    }

    @Test
    void deltaRunMergesNamedFieldsAndRemoves() {
        DatasetSink.Session first = session(true);
        first.upsert(List.of(device("a", "A"), device("b", "B")));
        first.complete();
        DatasetSink.Session delta = session(false);
        EntraDevice partial = new EntraDevice("a", null, "A2", null, null, null, null, null, null, null, null);
        delta.merge(List.of(RecordPatch.upsert(partial, Set.of("displayName"))));
        delta.remove(List.of("b"));

        delta.complete();

        EntraDevice a = sink.<EntraDevice>record(TENANT, Dataset.DEVICES, "a").orElseThrow();
        assertThat(a.displayName()).isEqualTo("A2");
        assertThat(a.operatingSystem()).isEqualTo("Windows");
        assertThat(names()).containsExactly("A2");
    }

    @Test
    void updatePatchForAnUnknownObjectIsDropped() {
        DatasetSink.Session delta = session(false);
        EntraDevice stub = new EntraDevice("zz", null, "ghost", null, null, null, null, null, null, null, null);

        delta.merge(List.of(RecordPatch.update(stub, Set.of("displayName"))));
        delta.complete();

        assertThat(sink.records(TENANT, Dataset.DEVICES)).isEmpty();
    }

    @Test
    void replayingADeltaPageChangesNothing() {
        DatasetSink.Session first = session(true);
        first.upsert(List.of(device("a", "A")));
        first.complete();
        EntraDevice partial = new EntraDevice("a", null, "A2", null, null, null, null, null, null, null, null);
        for (int run = 0; run < 2; run++) {
            DatasetSink.Session delta = session(false);
            delta.merge(List.of(RecordPatch.upsert(partial, Set.of("displayName"))));
            delta.merge(List.of(RecordPatch.upsert(partial, Set.of("displayName"))));
            delta.complete();
        }

        assertThat(sink.<EntraDevice>records(TENANT, Dataset.DEVICES))
                .containsExactly(new EntraDevice(
                        "a", "dev-a", "A2", "Windows", "10.0", "AzureAd", true, true, null, null, null));
    }

    @Test
    void laterOperationsWinWithinASession() {
        DatasetSink.Session delta = session(false);
        delta.upsert(List.of(device("a", "A")));
        delta.remove(List.of("a"));
        delta.upsert(List.of(device("b", "B")));
        delta.remove(List.of("b"));
        delta.upsert(List.of(device("b", "B again")));

        delta.complete();

        assertThat(names()).containsExactly("B again");
    }
}
