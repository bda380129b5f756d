package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.RecordedCall;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The recorded calls of one cloud, in arrival order of their completion. Thread-safe. */
public final class CallLog {
  private final ConcurrentLinkedQueue<RecordedCall> calls = new ConcurrentLinkedQueue<>();

  public void add(RecordedCall call) {
    calls.add(call);
  }

  /** Returns a snapshot. */
  public List<RecordedCall> all() {
    return List.copyOf(calls);
  }

  public void clear() {
    calls.clear();
  }
}
