package dev.entrasync.internal.engine;

import dev.entrasync.DatasetSink;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import java.util.Collection;
import java.util.List;

/** A sink session that forwards every call; test sinks override the one they intercept. */
class ForwardingSession implements DatasetSink.Session {

    private final DatasetSink.Session inner;

    ForwardingSession(DatasetSink.Session inner) {
        this.inner = inner;
    }

    @Override
    public void upsert(List<? extends EntraRecord> batch) {
        inner.upsert(batch);
    }

    @Override
    public void merge(List<? extends RecordPatch<?>> patches) {
        inner.merge(patches);
    }

    @Override
    public void remove(Collection<String> ids) {
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
}
