package dev.entrasync.findings;

import dev.entrasync.Dataset;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A read-only view of one tenant's stored records, what a {@link FindingRule} evaluates. Implemented over the host's
 * storage (for example over {@code JdbcQueries} in entra-sync-jdbc, or {@link #of(TenantId, Instant, InMemoryDatasetSink)}
 * over the in-memory sink), or over a fixed list of records in a rule's unit test with {@link #of(TenantId, Instant,
 * Collection)}. Rules call it from the evaluating thread only; implementations need not be thread-safe.
 */
public interface TenantData {

    /**
     * The tenant the data belongs to.
     *
     * @return the tenant; never null
     */
    TenantId tenant();

    /**
     * The instant the evaluation is for: what "expires within 30 days" or "no sign-in for 90 days" counts from.
     *
     * @return the evaluation's instant; never null
     */
    Instant now();

    /**
     * The tenant's stored records of one type, such as {@code EntraUser.class}.
     *
     * @param <R> the record type
     * @param type the record type; never null
     * @return the records, in a stable order; empty when none are stored; never null
     */
    <R extends EntraRecord> List<R> records(Class<R> type);

    /**
     * A view over a fixed collection of records: what a rule's unit test evaluates.
     *
     * @param tenant the tenant; never null
     * @param now the evaluation's instant; never null
     * @param records the tenant's records of any types; never null, no null element
     * @return a view returning, for each type, the records of that type in the collection's order; never null
     * @throws NullPointerException if an argument or an element is null
     */
    static TenantData of(TenantId tenant, Instant now, Collection<? extends EntraRecord> records) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(now, "now");
        List<EntraRecord> copy = List.copyOf(records);
        return new TenantData() {
            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Instant now() {
                return now;
            }

            @Override
            public <R extends EntraRecord> List<R> records(Class<R> type) {
                List<R> out = new ArrayList<>();
                for (EntraRecord r : copy) {
                    if (type.isInstance(r)) {
                        out.add(type.cast(r));
                    }
                }
                return List.copyOf(out);
            }
        };
    }

    /**
     * A view over what an {@link InMemoryDatasetSink} holds for the tenant (its last completed session of each
     * dataset).
     *
     * @param tenant the tenant; never null
     * @param now the evaluation's instant; never null
     * @param sink the sink the engine wrote to; never null
     * @return a view of a snapshot of the sink's records taken by this call; never null
     * @throws NullPointerException if an argument is null
     */
    static TenantData of(TenantId tenant, Instant now, InMemoryDatasetSink sink) {
        Objects.requireNonNull(sink, "sink");
        List<EntraRecord> all = new ArrayList<>();
        for (Dataset d : Dataset.values()) {
            all.addAll(sink.records(tenant, d));
        }
        return of(tenant, now, all);
    }
}
