package dev.entrasync.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One administrator's visit to a page that grants admin consent: what {@link AdminConsentEndpoint}
 * and {@link AuthorizeEndpoint} share. {@link #open} checks the client id, the redirect URI and the
 * path's tenant as Entra does (an error page, no redirect); {@link #answer} applies the next queued
 * {@link ConsentAnswer} (decline, cancel, an administrator of another tenant than the path's, or an
 * approval that records the consent); {@link #redirect} sends the browser back with the parameters
 * gathered and the request's {@code state}. Not thread-safe: one per request.
 */
final class ConsentVisit {
    static final String DECLINED = "AADSTS65004: User declined to consent to access the app.";

    private final SimRequest request;
    private final AppState app;
    private final String redirectUri;
    private final TenantData pathTenant;
    private final SimServer.Handled errorPage;
    private final Map<String, String> back = new LinkedHashMap<>();
    private ConsentAnswer answer;

    private ConsentVisit(
            SimRequest request, AppState app, String redirectUri, TenantData pathTenant, SimServer.Handled errorPage) {
        this.request = request;
        this.app = app;
        this.redirectUri = redirectUri;
        this.pathTenant = pathTenant;
        this.errorPage = errorPage;
    }

    /**
     * The visit; when Entra would show an error page instead of redirecting (an unknown client id, an
     * unregistered redirect URI, an unknown tenant), a visit whose {@link #errorPage()} is that page,
     * named {@code errorName}.
     */
    static ConsentVisit open(CloudState cloud, SimRequest request, String segment, String errorName) {
        AppState app =
                cloud.apps().get(String.valueOf(request.param("client_id")).toLowerCase());
        if (app == null) {
            return refused(
                    request,
                    page(
                            errorName,
                            400,
                            "AADSTS700016: Application with identifier '" + request.param("client_id")
                                    + "' was not found in the directory.",
                            null));
        }
        String redirectUri = request.param("redirect_uri");
        if (redirectUri == null || !app.redirectUris().contains(redirectUri)) {
            return refused(
                    request,
                    page(
                            errorName,
                            400,
                            "AADSTS50011: The redirect URI '" + redirectUri + "' specified in"
                                    + " the request does not match the redirect URIs configured for the application '"
                                    + app.clientId() + "'.",
                            null));
        }
        boolean anyTenant = segment.equalsIgnoreCase("organizations") || segment.equalsIgnoreCase("common");
        TenantData pathTenant = anyTenant ? null : cloud.tenant(segment);
        if (!anyTenant && pathTenant == null) {
            return refused(request, page(errorName, 400, "AADSTS90002: Tenant '" + segment + "' not found.", segment));
        }
        return new ConsentVisit(request, app, redirectUri, pathTenant, null);
    }

    private static ConsentVisit refused(SimRequest request, SimServer.Handled errorPage) {
        return new ConsentVisit(request, null, null, null, errorPage);
    }

    /** The error page to answer with instead of a redirect, or null when the visit may go on. */
    SimServer.Handled errorPage() {
        return errorPage;
    }

    AppState app() {
        return app;
    }

    /** Adds a parameter to the redirect back (an error, or what an approval carries). */
    ConsentVisit put(String name, String value) {
        back.put(name, value);
        return this;
    }

    boolean failed() {
        return back.containsKey("error");
    }

    /**
     * Applies the administrator's answer: a decline, a cancel or another tenant's administrator put
     * the error Entra sends; an approval records the consent and returns true.
     */
    boolean answer(ConsentAnswer next, AdminConsentEndpoint.Recorder recorder, CloudState cloud) {
        this.answer = next;
        if (next.kind() == ConsentAnswer.Kind.DECLINE) {
            put("error", "access_denied").put("error_description", DECLINED);
        } else if (next.kind() == ConsentAnswer.Kind.CANCEL) {
            put("error", "access_denied").put("error_subcode", "cancel").put("error_description", DECLINED);
        } else if (pathTenant != null && !pathTenant.id().equals(next.tenant().id())) {
            put("error", "access_denied")
                    .put(
                            "error_description",
                            "AADSTS50020: User account from identity"
                                    + " provider does not exist in tenant '" + pathTenant.displayName()
                                    + "' and cannot access the"
                                    + " application '" + app.clientId() + "' in that tenant.");
        } else {
            recorder.record(next.tenant(), app.clientId(), cloud.now().plus(next.propagationDelay()));
            return true;
        }
        return false;
    }

    /** The tenant the administrator who approved belongs to. */
    TenantData approvedTenant() {
        return answer.tenant();
    }

    String redirectUri() {
        return redirectUri;
    }

    /** The 302 back to the redirect URI with what was gathered and the request's {@code state}. */
    SimServer.Handled redirect() {
        if (request.param("state") != null) {
            back.put("state", request.param("state"));
        }
        return new SimServer.Handled(
                SimResponse.empty(302).withHeader("Location", Links.url("", redirectUri, back)),
                answer != null && answer.tenant() != null
                        ? answer.tenant().id()
                        : pathTenant != null ? pathTenant.id() : null);
    }

    /** An error page of this visit's kind (no redirect), attributed to the path's tenant. */
    static SimServer.Handled page(String errorName, int status, String error, String tenant) {
        return new SimServer.Handled(
                SimResponse.json(status, Map.of("error", errorName, "error_description", error)), tenant);
    }
}
