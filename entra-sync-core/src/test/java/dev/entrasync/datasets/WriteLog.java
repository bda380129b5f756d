package dev.entrasync.datasets;

import dev.entrasync.Change;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import dev.entrasync.testkit.RecordedCall;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A sink for the streaming tests: passes every call on to the fixture's {@code sim.sink} (changes included),
 * records each upsert of one dataset with the number of list pages Graph had been asked for since that dataset's
 * session opened, and remembers whether a session of that dataset was aborted. It can run an action once, right
 * after the first recorded upsert that a condition accepts, to break Graph in the middle of a run.
 *
 * <p>Sessions run on the engine's threads, the action too; the test thread reads {@link #upserts()} and
 * {@link #aborted()}. Unlike {@code dev.entrasync.testing.RecordingSink} it counts Graph requests between writes,
 * which is what shows that a page reached the sink before the next one was asked for.
 */
final class WriteLog implements DatasetSink {

    /**
     * One upsert of the recorded dataset.
     *
     * @param ids the ids of the records written, in order
     * @param listPagesRequested how many list pages Graph had been asked for since the session opened
     */
    record Upsert(List<String> ids, long listPagesRequested) {}

    private final DatasetsFixture fx;
    private final Dataset dataset;
    private final Predicate<RecordedCall> listPage;
    private final Predicate<Upsert> when;
    private final Runnable action;
    private final List<Upsert> upserts = new CopyOnWriteArrayList<>();
    private volatile boolean acted;
    private volatile boolean aborted;

    /** Records the upserts of {@code dataset}, counting the HTTP calls of {@code fx} that {@code listPage} accepts. */
    WriteLog(DatasetsFixture fx, Dataset dataset, Predicate<RecordedCall> listPage) {
        this(fx, dataset, listPage, upsert -> false, () -> {});
    }

    /**
     * Records as {@link #WriteLog(DatasetsFixture, Dataset, Predicate)} does, and runs {@code action} once, right
     * after the first recorded upsert that {@code when} accepts (on the engine's thread; what it throws fails the
     * write).
     */
    WriteLog(
            DatasetsFixture fx,
            Dataset dataset,
            Predicate<RecordedCall> listPage,
            Predicate<Upsert> when,
            Runnable action) {
        this.fx = fx;
        this.dataset = dataset;
        this.listPage = listPage;
        this.when = when;
        this.action = action;
    }

    /** The recorded upserts so far, in the order they were written. */
    List<Upsert> upserts() {
        return List.copyOf(upserts);
    }

    /** Whether a session of the recorded dataset was aborted. */
    boolean aborted() {
        return aborted;
    }

    private long listPages() {
        return fx.httpCalls().stream().filter(listPage).count();
    }

    @Override
    public Session open(SinkContext context) {
        Session session = fx.sim.sink.open(context);
        boolean recorded = context.dataset() == dataset;
        long earlier = recorded ? listPages() : 0;
        return new Session() {
            @Override
            public void upsert(List<? extends EntraRecord> batch) {
                session.upsert(batch);
                if (recorded) {
                    Upsert upsert =
                            new Upsert(batch.stream().map(EntraRecord::id).toList(), listPages() - earlier);
                    upserts.add(upsert);
                    if (!acted && when.test(upsert)) {
                        acted = true;
                        action.run();
                    }
                }
            }

            @Override
            public void merge(List<? extends RecordPatch<?>> patches) {
                session.merge(patches);
            }

            @Override
            public void remove(Collection<String> ids) {
                session.remove(ids);
            }

            @Override
            public void complete() {
                session.complete();
            }

            @Override
            public List<Change> changes() {
                return session.changes();
            }

            @Override
            public void abort(Throwable cause) {
                aborted |= recorded;
                session.abort(cause);
            }
        };
    }
}
