package dev.entrasync;

import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link DatasetSink} in memory, for tests, demos and hosts that read the records right after a
 * sync. Keeps the {@link DatasetSink contract}: a session's operations are staged in order and
 * applied only on {@code complete()} (merges onto the stored records, a full run then drops what it
 * did not deliver); an aborted or abandoned session changes nothing. Thread-safe.
 */
public final class InMemoryDatasetSink implements DatasetSink {

    private final ConcurrentHashMap<Key, Map<String, EntraRecord>> committed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Integer> completedRuns = new ConcurrentHashMap<>();

    private record Key(TenantId tenant, Dataset dataset) {}

    @Override
    public Session open(SinkContext context) {
        return new StagedSession(context);
    }

    /**
     * The records of a tenant's dataset as of the last completed session, in first-delivery order.
     *
     * @param <R> the record type of the dataset
     * @param tenant the tenant; never null
     * @param dataset the dataset; never null
     * @return an unmodifiable copy of the stored records; empty when no session of the dataset completed
     */
    @SuppressWarnings("unchecked")
    public <R extends EntraRecord> List<R> records(TenantId tenant, Dataset dataset) {
        Map<String, EntraRecord> rows = committed.get(new Key(tenant, dataset));
        return rows == null ? List.of() : (List<R>) List.copyOf(rows.values());
    }

    /**
     * One record of a tenant's dataset by id, as of the last completed session.
     *
     * @param <R> the record type of the dataset
     * @param tenant the tenant; never null
     * @param dataset the dataset; never null
     * @param id the record's object id; never null
     * @return the stored record; empty when there is none with this id
     */
    @SuppressWarnings("unchecked")
    public <R extends EntraRecord> Optional<R> record(TenantId tenant, Dataset dataset, String id) {
        Map<String, EntraRecord> rows = committed.get(new Key(tenant, dataset));
        return rows == null ? Optional.empty() : Optional.ofNullable((R) rows.get(id));
    }

    /**
     * How many sessions completed for the tenant's dataset.
     *
     * @param tenant the tenant; never null
     * @param dataset the dataset; never null
     * @return the number of completed sessions; zero when none completed
     */
    public int completedRuns(TenantId tenant, Dataset dataset) {
        return completedRuns.getOrDefault(new Key(tenant, dataset), 0);
    }

    private final class StagedSession implements Session {
        private final SinkContext context;
        private final List<Consumer<Map<String, EntraRecord>>> operations = new ArrayList<>();
        private final Set<String> delivered = new LinkedHashSet<>();

        StagedSession(SinkContext context) {
            this.context = context;
        }

        @Override
        public void upsert(List<? extends EntraRecord> batch) {
            List<EntraRecord> copy = List.copyOf(batch);
            copy.forEach(r -> delivered.add(r.id()));
            operations.add(rows -> copy.forEach(r -> rows.put(r.id(), r)));
        }

        @Override
        public void merge(List<? extends RecordPatch<?>> patches) {
            List<RecordPatch<?>> copy = List.copyOf(patches);
            copy.forEach(p -> delivered.add(p.id()));
            operations.add(rows -> copy.forEach(p -> {
                EntraRecord merged = p.applyTo(rows.get(p.id()));
                if (merged != null) {
                    rows.put(p.id(), merged);
                }
            }));
        }

        @Override
        public void remove(Collection<String> ids) {
            List<String> copy = List.copyOf(ids);
            copy.forEach(delivered::remove);
            operations.add(rows -> copy.forEach(rows::remove));
        }

        @Override
        public void complete() {
            Key key = new Key(context.tenant(), context.dataset());
            committed.compute(key, (k, current) -> {
                Map<String, EntraRecord> next = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
                operations.forEach(op -> op.accept(next));
                if (context.fullRun()) {
                    next.keySet().retainAll(delivered);
                }
                return next;
            });
            completedRuns.merge(key, 1, Integer::sum);
            operations.clear();
        }

        @Override
        public void abort(Throwable cause) {
            operations.clear();
            delivered.clear();
        }
    }
}
