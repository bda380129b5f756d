package dev.entrasync;

import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link DatasetSink} in memory, for tests, demos and hosts that read the records right after a
 * sync. Keeps the {@link DatasetSink contract}: a session's operations are staged in order and
 * applied only on {@code complete()} (merges onto the stored records, a full run then drops what it
 * did not deliver); an aborted or abandoned session changes nothing. A completed session reports the
 * {@link Change}s it made ({@link Session#changes()}, computed by {@link ChangeDetector}); the first completed
 * session of a tenant's dataset is a baseline and reports none. Thread-safe.
 */
public final class InMemoryDatasetSink implements DatasetSink {

    private final ConcurrentHashMap<Key, Map<String, EntraRecord>> committed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Integer> completedRuns = new ConcurrentHashMap<>();
    private final Clock clock;

    /** A sink that times changes by the system clock. */
    public InMemoryDatasetSink() {
        this(Clock.systemUTC());
    }

    /**
     * A sink that times changes ({@link Change#at()}) by this clock.
     *
     * @param clock the clock; never null
     * @throws NullPointerException if {@code clock} is null
     */
    public InMemoryDatasetSink(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

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
        private List<Change> changes = List.of();

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
                boolean baseline = completedRuns.getOrDefault(key, 0) == 0;
                changes = baseline
                        ? List.of()
                        : ChangeDetector.changes(context, current == null ? Map.of() : current, next, clock.instant());
                completedRuns.merge(key, 1, Integer::sum);
                return next;
            });
            operations.clear();
        }

        @Override
        public List<Change> changes() {
            return changes;
        }

        @Override
        public void abort(Throwable cause) {
            operations.clear();
            delivered.clear();
        }
    }
}
