package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.CloudState;
import dev.entrasync.testkit.internal.ConsentAnswer;
import java.time.Duration;
import java.util.Objects;

/**
 * The simulated admin-consent page, {@code GET {loginUrl}/{tenant|organizations}/v2.0/adminconsent}.
 * A test queues what the next administrator does; each visit takes one answer, in order, and
 * redirects (302) to the request's {@code redirect_uri} with the parameters Microsoft sends:
 *
 * <ul>
 *   <li>approve: {@code admin_consent=True&tenant={tenant id}&scope=...&state=...}; the app's
 *       service principal is created in the tenant with the app's
 *       {@link SimulatedApp#configuredPermissions() configured permissions}, visible to the token
 *       endpoint after the propagation delay (by the cloud's clock). On a link for another tenant
 *       the answer is {@code error=access_denied} with AADSTS50020.
 *   <li>decline: {@code error=access_denied&error_description=AADSTS65004: ...&admin_consent=True&state=...}
 *   <li>cancel: as decline, plus {@code error_subcode=cancel}
 * </ul>
 *
 * <p>Like Entra, an unknown client id or a redirect URI not {@link SimulatedApp#addRedirectUri
 * registered} on the app gets an error page (400, no redirect), and a scope other than
 * {@code {graphUrl}/.default} redirects with AADSTS70011. With no answer queued the page answers
 * 409. Obtained from {@link SimulatedCloud#consentPage()}. Thread-safe.
 */
public final class ConsentPage {
  private final CloudState cloud;

  ConsentPage(CloudState cloud) {
    this.cloud = cloud;
  }

  /** The next administrator, of {@code tenant}, approves; the consent is visible at once. */
  public ConsentPage approveAs(SimulatedTenant tenant) {
    return approveAs(tenant, Duration.ZERO);
  }

  /**
   * The next administrator, of {@code tenant}, approves; the token endpoint keeps answering
   * AADSTS700016 for the app in that tenant until {@code propagationDelay} has passed on the
   * cloud's clock.
   */
  public ConsentPage approveAs(SimulatedTenant tenant, Duration propagationDelay) {
    Objects.requireNonNull(tenant, "tenant");
    if (propagationDelay.isNegative()) {
      throw new IllegalArgumentException("propagationDelay must not be negative, was " + propagationDelay);
    }
    cloud.queueConsentAnswer(new ConsentAnswer(ConsentAnswer.Kind.APPROVE, tenant.data(), propagationDelay));
    return this;
  }

  /** The next administrator declines (AADSTS65004). */
  public ConsentPage decline() {
    cloud.queueConsentAnswer(new ConsentAnswer(ConsentAnswer.Kind.DECLINE, null, Duration.ZERO));
    return this;
  }

  /** The next administrator cancels ({@code error_subcode=cancel}). */
  public ConsentPage cancel() {
    cloud.queueConsentAnswer(new ConsentAnswer(ConsentAnswer.Kind.CANCEL, null, Duration.ZERO));
    return this;
  }
}
