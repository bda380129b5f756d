package dev.entrasync.testing;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A {@link DatasetSink} for tests that records every session the engine opens (tenant, dataset, run, the records,
 * patches and removals it wrote, whether it completed or aborted) and keeps the records as an
 * {@link InMemoryDatasetSink} would ({@link #records}), so a test asserts both what was written and what is
 * stored. Built with a delegate (a JDBC sink, the host's own sink), it hands every call to the delegate first
 * and records only what the delegate accepted: the recorded state is then the reference the delegate's storage
 * must equal.
 *
 * <p>Hooks let a test catch a run in the middle: {@link #afterFirstWrite} runs an action once, right after the
 * first write of a dataset (to break Graph halfway, or to stop the "process" there); {@link #holdUpserts} and
 * {@link #holdCompletions} return a {@link Gate} where matching sessions wait until the test releases it.
 *
 * <p>Thread-safe: sessions of different tenants run on the engine's worker threads while the test thread reads
 * the recordings. Hook actions and gates run on the worker thread that wrote. No method accepts or returns null.
 */
public final class RecordingSink implements DatasetSink {

    /** How long a session waits at a {@link Gate} before it fails with {@link IllegalStateException}. */
    public static final Duration HOLD_LIMIT = Duration.ofMinutes(2);

    private final DatasetSink delegate;
    private final InMemoryDatasetSink stored = new InMemoryDatasetSink();
    private final List<RecordedSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Trigger> triggers = new CopyOnWriteArrayList<>();
    private final List<Gate> upsertGates = new CopyOnWriteArrayList<>();
    private final List<Gate> completionGates = new CopyOnWriteArrayList<>();
    private final Map<Key, Integer> open = new ConcurrentHashMap<>();
    private final Map<Key, Integer> mostOpen = new ConcurrentHashMap<>();

    private record Key(TenantId tenant, Dataset dataset) {}

    /** A sink that only records. */
    public RecordingSink() {
        this.delegate = null;
    }

    /** A sink that hands every call to {@code delegate} first, and records what it accepted. */
    public RecordingSink(DatasetSink delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Runs {@code action} once, right after the first upsert, merge or remove of {@code dataset} (any tenant)
     * reached the sink, on the writing thread; what it throws propagates to the engine as the sink's failure.
     *
     * @return this sink
     */
    public RecordingSink afterFirstWrite(Dataset dataset, Runnable action) {
        triggers.add(new Trigger(Objects.requireNonNull(dataset, "dataset"), Objects.requireNonNull(action, "action")));
        return this;
    }

    /** A gate where every upsert of a matching session waits, before it is written, until released. */
    public Gate holdUpserts(Predicate<SinkContext> which) {
        Gate gate = new Gate(which);
        upsertGates.add(gate);
        return gate;
    }

    /** A gate where {@code complete()} of every matching session waits, before it is applied, until released. */
    public Gate holdCompletions(Predicate<SinkContext> which) {
        Gate gate = new Gate(which);
        completionGates.add(gate);
        return gate;
    }

    /** Every session opened so far, in the order they were opened. */
    public List<RecordedSession> sessions() {
        return List.copyOf(sessions);
    }

    /** The sessions opened for a tenant, in the order they were opened. */
    public List<RecordedSession> sessions(TenantId tenant) {
        return sessions.stream().filter(s -> s.tenant().equals(tenant)).toList();
    }

    /** The sessions opened for a tenant's dataset, in the order they were opened. */
    public List<RecordedSession> sessions(TenantId tenant, Dataset dataset) {
        return sessions.stream()
                .filter(s -> s.tenant().equals(tenant) && s.dataset() == dataset)
                .toList();
    }

    /** The most sessions of a tenant's dataset that were open at the same time (0 if none was opened). */
    public int mostOpenAtOnce(TenantId tenant, Dataset dataset) {
        return mostOpen.getOrDefault(new Key(tenant, dataset), 0);
    }

    /** The records of a tenant's dataset as of the last completed session, as {@link InMemoryDatasetSink} has them. */
    public <R extends EntraRecord> List<R> records(TenantId tenant, Dataset dataset) {
        return stored.records(tenant, dataset);
    }

    /** One record of a tenant's dataset by id, as of the last completed session. */
    public <R extends EntraRecord> Optional<R> record(TenantId tenant, Dataset dataset, String id) {
        return stored.record(tenant, dataset, id);
    }

    /** How many sessions completed for the tenant's dataset. */
    public int completedRuns(TenantId tenant, Dataset dataset) {
        return stored.completedRuns(tenant, dataset);
    }

    @Override
    public Session open(SinkContext context) {
        Session inner = delegate == null ? null : delegate.open(context);
        Session reference = stored.open(context);
        RecordedSession recorded = new RecordedSession(context);
        Key key = new Key(context.tenant(), context.dataset());
        int now = open.merge(key, 1, Integer::sum);
        mostOpen.merge(key, now, Math::max);
        sessions.add(recorded);
        return new Recording(context, key, inner, reference, recorded);
    }

    private final class Recording implements Session {
        private final SinkContext context;
        private final Key key;
        private final Session inner;
        private final Session reference;
        private final RecordedSession recorded;
        private boolean closed;

        Recording(SinkContext context, Key key, Session inner, Session reference, RecordedSession recorded) {
            this.context = context;
            this.key = key;
            this.inner = inner;
            this.reference = reference;
            this.recorded = recorded;
        }

        @Override
        public void upsert(List<? extends EntraRecord> batch) {
            upsertGates.forEach(g -> g.pass(context));
            if (inner != null) {
                inner.upsert(batch);
            }
            reference.upsert(batch);
            recorded.upserted.addAll(batch);
            fire();
        }

        @Override
        public void merge(List<? extends RecordPatch<?>> patches) {
            if (inner != null) {
                inner.merge(patches);
            }
            reference.merge(patches);
            recorded.patches.addAll(patches);
            fire();
        }

        @Override
        public void remove(Collection<String> ids) {
            if (inner != null) {
                inner.remove(ids);
            }
            reference.remove(ids);
            recorded.removed.addAll(ids);
            fire();
        }

        @Override
        public void complete() {
            completionGates.forEach(g -> g.pass(context));
            if (inner != null) {
                inner.complete();
            }
            reference.complete();
            recorded.state = RecordedSession.State.COMPLETED;
            close();
        }

        /** The changes of the wrapped sink's session, or of the reference copy when there is no wrapped sink. */
        @Override
        public java.util.List<dev.entrasync.Change> changes() {
            return inner != null ? inner.changes() : reference.changes();
        }

        @Override
        public void abort(Throwable cause) {
            try {
                if (inner != null) {
                    inner.abort(cause);
                }
            } finally {
                reference.abort(cause);
                recorded.abortCause = cause;
                recorded.state = RecordedSession.State.ABORTED;
                close();
            }
        }

        private void close() {
            if (!closed) {
                closed = true;
                open.merge(key, -1, Integer::sum);
            }
        }

        private void fire() {
            for (Trigger trigger : triggers) {
                if (trigger.dataset == context.dataset() && trigger.fired.compareAndSet(false, true)) {
                    trigger.action.run();
                }
            }
        }
    }

    private record Trigger(Dataset dataset, Runnable action, AtomicBoolean fired) {
        Trigger(Dataset dataset, Runnable action) {
            this(dataset, action, new AtomicBoolean());
        }
    }

    /**
     * Where sessions wait until the test {@linkplain #release() releases} them; once released, every later call
     * passes at once. A session that waits longer than {@link #HOLD_LIMIT} fails with
     * {@link IllegalStateException} (so a forgotten release fails the run instead of hanging the build); an
     * interrupted one fails the same way, with the interrupt flag kept. Thread-safe.
     */
    public static final class Gate {
        private final Predicate<SinkContext> which;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Gate(Predicate<SinkContext> which) {
            this.which = Objects.requireNonNull(which, "which");
        }

        /** Waits until a session reached the gate; false if none did within the timeout. */
        public boolean awaitReached(Duration timeout) throws InterruptedException {
            return reached.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        /** Whether a session reached the gate (waiting there, or passed after the release). */
        public boolean reached() {
            return reached.getCount() == 0;
        }

        /** Lets every waiting and later session through. Idempotent. */
        public void release() {
            released.countDown();
        }

        private void pass(SinkContext context) {
            if (!which.test(context)) {
                return;
            }
            reached.countDown();
            try {
                if (!released.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(
                            "held for " + HOLD_LIMIT + " at a RecordingSink gate: the test" + " never released it ("
                                    + context.tenant() + " " + context.dataset().key() + ")");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held at a RecordingSink gate", e);
            }
        }
    }
}
