package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.CloudState;
import dev.entrasync.testkit.internal.ConsentDesk;
import java.util.Objects;

/**
 * The simulated administrator behind {@code GET {login}/{tenant|organizations}/v2.0/adminconsent}:
 * each visit takes the next queued {@link ConsentAnswer}; with none queued the administrator
 * cancels. Obtained from {@link SimulatedCloud#consentPrompts()}. Thread-safe.
 */
public final class ConsentPrompts {
  private final CloudState cloud;

  ConsentPrompts(CloudState cloud) {
    this.cloud = cloud;
  }

  /** Queues the answer for the next admin-consent visit. */
  public ConsentPrompts nextAnswer(ConsentAnswer answer) {
    Objects.requireNonNull(answer, "answer");
    String tenantId = answer.tenant() == null ? null : answer.tenant().id();
    cloud.consentDesk().enqueue(new ConsentDesk.Answer(answer.kind().name(), tenantId,
        answer.permissions(), answer.delay(), answer.hiddenTokenRequests()));
    return this;
  }

  /** Forgets queued answers. */
  public ConsentPrompts clear() {
    cloud.consentDesk().clear();
    return this;
  }
}
