package dev.entrasync.testkit.internal;

import java.time.Instant;

/**
 * {@code GET /{tenant|organizations}/v2.0/adminconsent}: Microsoft's admin-consent page, answered
 * by the next queued {@link ConsentAnswer}. Like Entra, an unknown client id or an unregistered
 * redirect URI gets an error page (no redirect); everything else redirects (302) to the redirect
 * URI with {@code admin_consent}, {@code tenant}, {@code scope} and {@code state}, or with
 * {@code error}, {@code error_description} (and {@code error_subcode=cancel}) and {@code state}.
 */
final class AdminConsentEndpoint {
    private static final String ERROR = "consent_page_error";

    /** Records an approved consent: the app's service principal in the tenant, visible from {@code visibleAt}. */
    @FunctionalInterface
    public interface Recorder {
        void record(TenantData tenant, String clientId, Instant visibleAt);
    }

    private final CloudState cloud;
    private final Recorder recorder;

    AdminConsentEndpoint(CloudState cloud, Recorder recorder) {
        this.cloud = cloud;
        this.recorder = recorder;
    }

    SimServer.Handled handle(SimRequest request, String segment) {
        ConsentVisit visit = ConsentVisit.open(cloud, request, segment, ERROR);
        if (visit.errorPage() != null) {
            return visit.errorPage();
        }
        String scope = request.param("scope");
        if (scope == null || !scope.equals(cloud.graphUrl() + "/.default")) {
            visit.put("error", "invalid_request")
                    .put(
                            "error_description",
                            "AADSTS70011: The provided value for"
                                    + " the input parameter 'scope' is not valid. The scope " + scope
                                    + " is not valid.");
        } else {
            ConsentAnswer answer = cloud.nextConsentAnswer();
            if (answer == null) {
                return ConsentVisit.page(
                        ERROR,
                        409,
                        "testkit: no administrator is waiting at the consent page;"
                                + " queue one with SimulatedCloud.consentPage().approveAs(...), decline() or cancel()",
                        segment);
            }
            if (visit.answer(answer, recorder, cloud)) {
                visit.put("admin_consent", "True")
                        .put("tenant", visit.approvedTenant().id())
                        .put("scope", scope);
            }
        }
        if (visit.failed()) {
            visit.put("admin_consent", "True");
        }
        return visit.redirect();
    }
}
