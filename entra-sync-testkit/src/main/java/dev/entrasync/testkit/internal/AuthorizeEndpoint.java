package dev.entrasync.testkit.internal;

/**
 * {@code GET /{tenant|organizations}/oauth2/v2.0/authorize}: an administrator signs in with OpenID
 * Connect and grants admin consent ({@code scope=openid profile {graph}/.default}, usually with
 * {@code prompt=consent}), answered by the next queued {@link ConsentAnswer}. Like Entra, an unknown
 * client id or an unregistered redirect URI gets an error page (no redirect). An approval records
 * the consent as {@code /adminconsent} does and redirects (302) with {@code code} and {@code state}
 * only (this flow's success response has no {@code tenant} or {@code admin_consent}); the code
 * remembers the request's {@code nonce} and PKCE challenge for the token endpoint. Failures
 * redirect with {@code error}, {@code error_description} (and {@code error_subcode=cancel}) and
 * {@code state}. Only {@code response_mode=query} is simulated.
 */
final class AuthorizeEndpoint {
    private static final String ERROR = "sign_in_page_error";

    private final CloudState cloud;
    private final AdminConsentEndpoint.Recorder recorder;

    AuthorizeEndpoint(CloudState cloud, AdminConsentEndpoint.Recorder recorder) {
        this.cloud = cloud;
        this.recorder = recorder;
    }

    SimServer.Handled handle(SimRequest request, String segment) {
        ConsentVisit visit = ConsentVisit.open(cloud, request, segment, ERROR);
        if (visit.errorPage() != null) {
            return visit.errorPage();
        }
        String mode = request.param("response_mode");
        if (mode != null && !mode.equals("query")) {
            return ConsentVisit.page(ERROR, 400, "testkit: only response_mode=query is simulated, not " + mode, null);
        }
        String scope = request.param("scope");
        String method = request.param("code_challenge_method");
        String challenge = request.param("code_challenge");
        if (!"code".equals(request.param("response_type"))) {
            visit.put("error", "unsupported_response_type")
                    .put(
                            "error_description",
                            "AADSTS700054: response_type '" + request.param("response_type")
                                    + "' is not enabled for the application.");
        } else if (!validScope(scope)) {
            visit.put("error", "invalid_request")
                    .put(
                            "error_description",
                            "AADSTS70011: The provided value for"
                                    + " the input parameter 'scope' is not valid. The scope " + scope
                                    + " is not valid.");
        } else if (method != null && !method.equals("S256") && !method.equals("plain")) {
            visit.put("error", "invalid_request")
                    .put(
                            "error_description",
                            "AADSTS501491: Invalid size of"
                                    + " Code_Challenge parameter or unsupported code_challenge_method '" + method
                                    + "'.");
        } else {
            ConsentAnswer answer = cloud.nextConsentAnswer();
            if (answer == null) {
                return ConsentVisit.page(
                        ERROR,
                        409,
                        "testkit: no administrator is waiting at the sign-in page;"
                                + " queue one with SimulatedCloud.consentPage().approveAs(...), decline() or cancel()",
                        segment);
            }
            if (visit.answer(answer, recorder, cloud)) {
                visit.put(
                        "code",
                        cloud.signIns()
                                .issue(
                                        visit.app().clientId(),
                                        visit.redirectUri(),
                                        segment,
                                        visit.approvedTenant(),
                                        scope,
                                        request.param("nonce"),
                                        challenge,
                                        challenge == null ? null : method == null ? "plain" : method,
                                        cloud.now()));
            }
        }
        return visit.redirect();
    }

    /** OpenID scopes plus exactly one {@code {graph}/.default}, as a consent for the app's configured permissions needs. */
    private boolean validScope(String scope) {
        if (scope == null) {
            return false;
        }
        int resources = 0;
        for (String item : scope.trim().split("\\s+")) {
            if (item.equals("openid")
                    || item.equals("profile")
                    || item.equals("email")
                    || item.equals("offline_access")) {
                continue;
            }
            if (!item.equals(cloud.graphUrl() + "/.default")) {
                return false;
            }
            resources++;
        }
        return resources == 1;
    }
}
