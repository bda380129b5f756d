package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.CloudState;
import dev.entrasync.testkit.internal.ConsentAnswer;
import java.time.Duration;
import java.util.Objects;

/**
 * The simulated consent pages, where a tenant's administrator signs in and grants the app admin
 * consent. A test queues what the next administrator does; each visit to either page takes one
 * answer, in order, and redirects (302) to the request's {@code redirect_uri}:
 *
 * <ul>
 *   <li>{@code GET {loginUrl}/{tenant|organizations}/oauth2/v2.0/authorize} (OpenID Connect sign-in
 *       with consent, {@code response_type=code}, {@code scope=openid profile {graphUrl}/.default},
 *       PKCE and {@code nonce}; what entra-sync's {@code ConsentFlow} uses). Approve:
 *       {@code code=...&state=...}, nothing else, as Entra answers this flow. The code is redeemed once,
 *       within 10 minutes, at {@code POST .../oauth2/v2.0/token} ({@code grant_type=authorization_code},
 *       the client's secret, the same redirect URI, the PKCE verifier) for an {@code id_token} signed
 *       RS256 with a key published at {@code {loginUrl}/{tenant}/discovery/v2.0/keys} (the
 *       discovery document's {@code jwks_uri}), carrying the approving administrator's {@code tid}
 *       and the sign-in's {@code nonce}. See {@link #forgeNextIdToken} and {@link #rotateSigningKey}.
 *   <li>{@code GET {loginUrl}/{tenant|organizations}/v2.0/adminconsent}, Microsoft's admin-consent
 *       endpoint. Approve: {@code admin_consent=True&tenant={tenant id}&scope=...&state=...}.
 * </ul>
 *
 * <p>On approval the app's service principal is created in the administrator's tenant with the app's
 * {@link SimulatedApp#configuredPermissions() configured permissions}, visible to the token endpoint
 * after the propagation delay (by the cloud's clock). On a link for another tenant the answer is
 * {@code error=access_denied} with AADSTS50020. Decline:
 * {@code error=access_denied&error_description=AADSTS65004: ...&state=...} (plus
 * {@code admin_consent=True} on {@code /adminconsent}); cancel: as decline, plus
 * {@code error_subcode=cancel}.
 *
 * <p>Like Entra, an unknown client id or a redirect URI not {@link SimulatedApp#addRedirectUri
 * registered} on the app gets an error page (400, no redirect), and a scope other than
 * {@code {graphUrl}/.default} (with OpenID scopes on the sign-in) redirects with AADSTS70011. With
 * no answer queued the page answers 409. Obtained from {@link SimulatedCloud#consentPage()}.
 * Thread-safe.
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

    /**
     * Spoils the next ID token the token endpoint issues for a redeemed code, as {@code forgery}
     * says; later ones are honest again unless more are queued (they apply in order).
     */
    public ConsentPage forgeNextIdToken(IdTokenForgery forgery) {
        cloud.signIns().forgeNext(Objects.requireNonNull(forgery, "forgery"));
        return this;
    }

    /**
     * Rolls the ID-token signing key over: later ID tokens carry a new {@code kid}, which the JWKS
     * lists from now on (next to the older keys), so a client that cached the keys must fetch them
     * again.
     */
    public ConsentPage rotateSigningKey() {
        cloud.signIns().keys().rotate();
        return this;
    }
}
