package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.GraphTraffic;
import dev.entrasync.testkit.RecordedCall;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The recorded calls of one cloud, in arrival order of their completion, and counts of the Graph
 * traffic that go on when recording is off (load runs). Thread-safe.
 */
public final class CallLog {
    private final ConcurrentLinkedQueue<RecordedCall> calls = new ConcurrentLinkedQueue<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder batchItems = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder heldBackNanos = new LongAdder();
    private volatile boolean recording = true;

    public void add(RecordedCall call) {
        if (call.server() == RecordedCall.Server.GRAPH) {
            (call.batchItem() ? batchItems : requests).increment();
            if (call.status() == 429) {
                throttled.increment();
            }
        }
        if (recording) {
            calls.add(call);
        }
    }

    /** Adds the latency a Graph answer was held back. */
    public void heldBack(long nanos) {
        heldBackNanos.add(nanos);
    }

    /** Turns keeping calls on or off; counting goes on either way. */
    public void recording(boolean enabled) {
        recording = enabled;
    }

    /** Returns the Graph traffic counted since the start or the last {@link #clear()}. */
    public GraphTraffic traffic() {
        return new GraphTraffic(
                requests.sum(), batchItems.sum(), throttled.sum(), java.time.Duration.ofNanos(heldBackNanos.sum()));
    }

    /** Returns a snapshot. */
    public List<RecordedCall> all() {
        return List.copyOf(calls);
    }

    /** Forgets the calls and resets the counts. */
    public void clear() {
        calls.clear();
        requests.reset();
        batchItems.reset();
        throttled.reset();
        heldBackNanos.reset();
    }
}
