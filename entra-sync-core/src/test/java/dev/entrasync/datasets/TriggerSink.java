package dev.entrasync.datasets;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import java.util.Collection;
import java.util.List;

/**
 * Passes everything to another sink, and runs an action right after the first write of one dataset
 * (once): tests use it to break Graph halfway through a run, or to stop the "process" there.
 */
final class TriggerSink implements DatasetSink {

    private final DatasetSink delegate;
    private final Dataset dataset;
    private final Runnable action;
    private boolean fired;

    TriggerSink(DatasetSink delegate, Dataset dataset, Runnable action) {
        this.delegate = delegate;
        this.dataset = dataset;
        this.action = action;
    }

    @Override
    public Session open(SinkContext context) {
        Session inner = delegate.open(context);
        boolean watched = context.dataset() == dataset;
        return new Session() {
            @Override
            public void upsert(List<? extends EntraRecord> batch) {
                inner.upsert(batch);
                fire();
            }

            @Override
            public void merge(List<? extends RecordPatch<?>> patches) {
                inner.merge(patches);
                fire();
            }

            @Override
            public void remove(Collection<String> ids) {
                inner.remove(ids);
                fire();
            }

            @Override
            public void complete() {
                inner.complete();
            }

            @Override
            public void abort(Throwable cause) {
                inner.abort(cause);
            }

            private void fire() {
                if (watched && !fired) {
                    fired = true;
                    action.run();
                }
            }
        };
    }
}
