package dev.entrasync.testing;

import dev.entrasync.Dataset;
import dev.entrasync.SinkContext;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One sink session as a {@link RecordingSink} saw it: what it was for, what it wrote, and how it ended. Read by
 * tests on their own thread while the engine's worker may still write to it: the lists returned are copies of
 * what was written so far, and {@link #state()} moves from {@code OPEN} to {@code COMPLETED} or {@code ABORTED}
 * once. No method returns null.
 */
public final class RecordedSession {

    /** How far a session got. */
    public enum State {
        /** Neither completed nor aborted yet (or never will be: the run stopped). */
        OPEN,
        /** {@code complete()} returned. */
        COMPLETED,
        /** {@code abort(cause)} was called. */
        ABORTED
    }

    private final SinkContext context;
    final List<EntraRecord> upserted = new CopyOnWriteArrayList<>();
    final List<RecordPatch<?>> patches = new CopyOnWriteArrayList<>();
    final List<String> removed = new CopyOnWriteArrayList<>();
    volatile State state = State.OPEN;
    volatile Throwable abortCause;

    RecordedSession(SinkContext context) {
        this.context = context;
    }

    /** What the engine opened the session for. */
    public SinkContext context() {
        return context;
    }

    public TenantId tenant() {
        return context.tenant();
    }

    public Dataset dataset() {
        return context.dataset();
    }

    /** The run (job) id; replays of a run carry the same one. */
    public String runId() {
        return context.runId();
    }

    /** True for a full run, false for a delta or append run. */
    public boolean fullRun() {
        return context.fullRun();
    }

    /** The records upserted, in order. */
    @SuppressWarnings("unchecked")
    public <R extends EntraRecord> List<R> upserted() {
        return (List<R>) List.copyOf(upserted);
    }

    /** The patches merged, in order. */
    public List<RecordPatch<?>> patches() {
        return List.copyOf(patches);
    }

    /** The ids removed, in order. */
    public List<String> removed() {
        return List.copyOf(removed);
    }

    public State state() {
        return state;
    }

    public boolean completed() {
        return state == State.COMPLETED;
    }

    public boolean aborted() {
        return state == State.ABORTED;
    }

    /** Why the session was aborted; empty unless {@link #aborted()}. */
    public Optional<Throwable> abortCause() {
        return Optional.ofNullable(abortCause);
    }

    @Override
    public String toString() {
        return "RecordedSession[" + context.tenant() + " " + context.dataset().key() + " run " + context.runId()
                + (context.fullRun() ? " full" : " delta") + ", " + upserted.size() + " upserted, " + patches.size()
                + " patched, " + removed.size() + " removed, " + state + "]";
    }
}
