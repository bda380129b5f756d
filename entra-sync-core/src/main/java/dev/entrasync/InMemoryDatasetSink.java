package dev.entrasync;

import dev.entrasync.model.EntraRecord;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link DatasetSink} in memory, for tests, demos and hosts that read the records right after a
 * sync. Keeps the {@link DatasetSink contract}: a session's writes are staged and applied only on
 * {@code complete()}; an aborted session changes nothing. Thread-safe.
 */
public final class InMemoryDatasetSink implements DatasetSink {

    private final ConcurrentHashMap<Key, Map<String, EntraRecord>> committed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Integer> completedRuns = new ConcurrentHashMap<>();

    private record Key(TenantId tenant, Dataset dataset) {
    }

    @Override
    public Session open(SinkContext context) {
        return new Session() {
            private final Map<String, EntraRecord> upserts = new LinkedHashMap<>();
            private final Set<String> removals = new LinkedHashSet<>();

            @Override
            public void upsert(List<? extends EntraRecord> batch) {
                for (EntraRecord r : batch) {
                    upserts.put(r.id(), r);
                    removals.remove(r.id());
                }
            }

            @Override
            public void remove(Collection<String> ids) {
                for (String id : ids) {
                    upserts.remove(id);
                    removals.add(id);
                }
            }

            @Override
            public void complete() {
                Key key = new Key(context.tenant(), context.dataset());
                committed.compute(key, (k, current) -> {
                    Map<String, EntraRecord> next = context.fullRun() || current == null
                            ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
                    next.putAll(upserts);
                    removals.forEach(next::remove);
                    return next;
                });
                completedRuns.merge(key, 1, Integer::sum);
            }

            @Override
            public void abort(Throwable cause) {
                upserts.clear();
                removals.clear();
            }
        };
    }

    /** The records of a tenant's dataset as of the last completed session, in delivery order. */
    @SuppressWarnings("unchecked")
    public <R extends EntraRecord> List<R> records(TenantId tenant, Dataset dataset) {
        Map<String, EntraRecord> rows = committed.get(new Key(tenant, dataset));
        return rows == null ? List.of() : (List<R>) List.copyOf(rows.values());
    }

    /** How many sessions completed for the tenant's dataset. */
    public int completedRuns(TenantId tenant, Dataset dataset) {
        return completedRuns.getOrDefault(new Key(tenant, dataset), 0);
    }
}
