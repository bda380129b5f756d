package dev.entrasync.testkit.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The queue of programmed administrator answers for the admin-consent endpoint. Thread-safe. */
public final class ConsentDesk {
  /** One answer: kind GRANT, DECLINE or CANCEL, and for grants the tenant, roles and delay. */
  public record Answer(String kind, String tenantId, Set<String> roles, Duration delay,
      int hiddenTokenRequests) {}

  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

  public void enqueue(Answer answer) {
    answers.add(answer);
  }

  /** Returns the next answer; a cancel when none is queued. */
  public Answer next() {
    Answer answer = answers.poll();
    return answer != null ? answer : new Answer("CANCEL", null, Set.of(), Duration.ZERO, 0);
  }

  public void clear() {
    answers.clear();
  }
}
