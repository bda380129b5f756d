package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.RecordedCall;
import java.util.Map;

/**
 * The simulated login server: token endpoint, instance discovery, OpenID metadata and signing
 * keys, the sign-in ({@code authorize}) page and admin consent. Called by MockWebServer on its threads.
 */
public final class LoginDispatcher extends SimServer {
    private final TokenEndpoint tokens;
    private final OpenIdEndpoints openId;
    private final AdminConsentEndpoint adminConsent;
    private final AuthorizeEndpoint authorize;

    public LoginDispatcher(CloudState cloud, AdminConsentEndpoint.Recorder consents) {
        super(cloud, RecordedCall.Server.LOGIN);
        this.tokens = new TokenEndpoint(cloud);
        this.openId = new OpenIdEndpoints(cloud);
        this.adminConsent = new AdminConsentEndpoint(cloud, consents);
        this.authorize = new AuthorizeEndpoint(cloud, consents);
    }

    @Override
    protected Handled handle(SimRequest request) {
        String[] segments = request.path().substring(1).split("/");
        String tenantSegment = segments[0];
        String rest = request.path().substring(Math.min(request.path().length(), tenantSegment.length() + 1));
        TenantData tenant = tenantSegment.isEmpty() ? null : cloud.tenant(tenantSegment);
        String tenantId = tenant != null ? tenant.id() : (tenantSegment.isEmpty() ? null : tenantSegment);
        if (request.method().equals("POST") && rest.equals("/oauth2/v2.0/token")) {
            return tokens.handle(request, tenantSegment);
        }
        if (request.method().equals("GET")) {
            if (rest.equals("/v2.0/adminconsent")) {
                return adminConsent.handle(request, tenantSegment);
            }
            if (rest.equals("/oauth2/v2.0/authorize")) {
                return authorize.handle(request, tenantSegment);
            }
            if (rest.equals("/discovery/v2.0/keys")) {
                return new Handled(openId.keys(tenantSegment, tenant), tenantId);
            }
            if (tenantSegment.equals("common") && rest.equals("/discovery/instance")) {
                return new Handled(openId.instanceDiscovery(request), null);
            }
            if (rest.equals("/v2.0/.well-known/openid-configuration")
                    || rest.equals("/.well-known/openid-configuration")) {
                return new Handled(openId.configuration(tenantSegment, tenant), tenantId);
            }
        }
        return new Handled(
                SimResponse.json(
                        404,
                        Map.of(
                                "error",
                                "not_found",
                                "error_description",
                                "The simulated login server has no endpoint " + request.method() + " "
                                        + request.path())),
                tenantId);
    }
}
