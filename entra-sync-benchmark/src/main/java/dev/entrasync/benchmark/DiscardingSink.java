package dev.entrasync.benchmark;

import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import java.util.Collection;
import java.util.List;

/**
 * A sink that drops every record, as a host's database sink hands rows on and keeps none, so a
 * run's heap is entra-sync's own. Rows are counted from the jobs' results. Thread-safe.
 */
final class DiscardingSink implements DatasetSink {

    @Override
    public Session open(SinkContext context) {
        return new Session() {
            @Override
            public void upsert(List<? extends EntraRecord> batch) {
                // dropped
            }

            @Override
            public void merge(List<? extends RecordPatch<?>> patches) {
                // dropped
            }

            @Override
            public void remove(Collection<String> ids) {
                // dropped
            }

            @Override
            public void complete() {
                // nothing to commit
            }

            @Override
            public void abort(Throwable cause) {
                // nothing to roll back
            }
        };
    }
}
