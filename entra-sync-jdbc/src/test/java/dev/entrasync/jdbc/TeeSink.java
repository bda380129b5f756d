package dev.entrasync.jdbc;

import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import java.util.Collection;
import java.util.List;

/** Hands every session operation to two sinks: the one under test and the reference in-memory one. */
final class TeeSink implements DatasetSink {

    private final DatasetSink first;
    private final DatasetSink second;

    TeeSink(DatasetSink first, DatasetSink second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public Session open(SinkContext context) {
        Session a = first.open(context);
        Session b = second.open(context);
        return new Session() {
            @Override
            public void upsert(List<? extends EntraRecord> batch) {
                a.upsert(batch);
                b.upsert(batch);
            }

            @Override
            public void merge(List<? extends RecordPatch<?>> patches) {
                a.merge(patches);
                b.merge(patches);
            }

            @Override
            public void remove(Collection<String> ids) {
                a.remove(ids);
                b.remove(ids);
            }

            @Override
            public void complete() {
                a.complete();
                b.complete();
            }

            @Override
            public void abort(Throwable cause) {
                a.abort(cause);
                b.abort(cause);
            }
        };
    }
}
