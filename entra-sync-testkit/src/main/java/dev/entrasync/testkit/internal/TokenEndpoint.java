package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.AadError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token} for the client-credentials grant: checks tenant, scope,
 * app, consent and the secret or client assertion ({@link ClientAssertions}) in Entra's order and issues a
 * signed JWT-shaped access token. The
 * authorization-code grant is {@link CodeGrant}'s.
 */
final class TokenEndpoint {
    private static final Pattern DOMAIN =
            Pattern.compile("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    private static final AadError SECRET_MISSING = AadError.custom(
            7000216,
            401,
            "invalid_client",
            "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials'"
                    + " grant type.");
    private static final AadError TRANSIENT =
            AadError.custom(90033, 503, "temporarily_unavailable", "A transient error has occurred. Please try again.");

    private final CloudState cloud;
    private final CodeGrant codeGrant;

    TokenEndpoint(CloudState cloud) {
        this.cloud = cloud;
        this.codeGrant = new CodeGrant(cloud);
    }

    SimServer.Handled handle(SimRequest request, String segment) {
        Map<String, String> form = Forms.parse(request.body());
        String correlation =
                request.header("client-request-id") != null ? request.header("client-request-id") : Ids.random();
        Map<String, String> values = new HashMap<>();
        values.put("tenant", segment);
        values.put("appId", form.getOrDefault("client_id", ""));
        values.put("scope", form.getOrDefault("scope", ""));
        Instant now = cloud.now();
        if ("authorization_code".equals(form.get("grant_type"))) {
            return codeGrant.handle(form, segment, correlation);
        }

        if (!Ids.isGuid(segment) && !DOMAIN.matcher(segment).matches()) {
            return fail(AadError.INVALID_TENANT_IDENTIFIER, values, correlation, now, segment);
        }
        TenantData tenant = cloud.tenant(segment);
        if (tenant == null) {
            return fail(AadError.TENANT_NOT_FOUND, values, correlation, now, segment);
        }
        String tenantId = tenant.id();
        FaultAction serverError = cloud.faults().nextToken(tenantId);
        if (serverError != null) {
            AadError transientError = AadError.custom(
                    90033,
                    serverError.status(),
                    serverError.status() == 503 ? "temporarily_unavailable" : "server_error",
                    TRANSIENT.description());
            return fail(transientError, values, correlation, now, tenantId);
        }
        AadError injected = cloud.faults().tokenFailure(tenantId);
        if (injected != null) {
            return fail(injected, values, correlation, now, tenantId);
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return fail(AadError.UNSUPPORTED_GRANT_TYPE, values, correlation, now, tenantId);
        }
        String resource = resource(form.getOrDefault("scope", ""));
        if (resource == null) {
            return fail(AadError.INVALID_SCOPE, values, correlation, now, tenantId);
        }
        if (!isGraph(resource)) {
            return fail(AadError.RESOURCE_NOT_FOUND, values, correlation, now, tenantId);
        }
        AppState app = cloud.apps().get(form.getOrDefault("client_id", "").toLowerCase());
        if (app == null) {
            return fail(AadError.APP_NOT_FOUND_IN_TENANT, values, correlation, now, tenantId);
        }
        if (app.disabled()) {
            return fail(AadError.APP_DISABLED, values, correlation, now, tenantId);
        }
        Consent consent = tenant.consents().get(app.clientId());
        if (consent == null || !consent.visibleToTokenRequest(now)) {
            return fail(AadError.APP_NOT_FOUND_IN_TENANT, values, correlation, now, tenantId);
        }
        if (form.containsKey("client_assertion") || form.containsKey("client_assertion_type")) {
            AadError refused = cloud.assertions()
                    .check(
                            form.get("client_assertion"),
                            form.get("client_assertion_type"),
                            app,
                            tenant,
                            segment,
                            cloud.loginUrl(),
                            now,
                            values);
            if (refused != null) {
                return fail(refused, values, correlation, now, tenantId);
            }
            return new SimServer.Handled(issue(tenant, app, consent, resource, now, "2"), tenantId);
        }
        if (!form.containsKey("client_secret")) {
            return fail(SECRET_MISSING, values, correlation, now, tenantId);
        }
        switch (app.check(form.get("client_secret"), now)) {
            case WRONG:
                return fail(AadError.INVALID_CLIENT_SECRET, values, correlation, now, tenantId);
            case EXPIRED:
                return fail(AadError.CLIENT_SECRET_EXPIRED, values, correlation, now, tenantId);
            default:
                break;
        }
        return new SimServer.Handled(issue(tenant, app, consent, resource, now, "1"), tenantId);
    }

    /** {@code appidacr}: 1 for a client secret, 2 for a certificate or client assertion (Microsoft's values). */
    private SimResponse issue(
            TenantData tenant, AppState app, Consent consent, String resource, Instant now, String appidacr) {
        long lifetime = cloud.tokenLifetime().getSeconds();
        String issuer = "https://sts.windows.net/" + tenant.id() + "/";
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", resource);
        claims.put("iss", issuer);
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + lifetime);
        claims.put("app_displayname", app.displayName());
        claims.put("appid", app.clientId());
        claims.put("appidacr", appidacr);
        claims.put("idp", issuer);
        claims.put("idtyp", "app");
        claims.put("oid", consent.servicePrincipalId());
        List<String> roles = new ArrayList<>(consent.roles());
        if (!roles.isEmpty()) {
            roles.sort(null);
            claims.put("roles", roles);
        }
        claims.put("sub", consent.servicePrincipalId());
        claims.put("tid", tenant.id());
        claims.put("uti", Ids.random().replace("-", "").substring(0, 22));
        claims.put("ver", "1.0");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime);
        body.put("ext_expires_in", lifetime);
        body.put("access_token", cloud.signer().sign(claims));
        return SimResponse.json(200, body)
                .withHeader("Cache-Control", "no-store, no-cache")
                .withHeader("Pragma", "no-cache");
    }

    /** Returns the resource of the one {@code /.default} scope, or null when there is none. */
    private static String resource(String scope) {
        String found = null;
        for (String item : scope.trim().split("\\s+")) {
            if (item.equals("openid") || item.equals("profile") || item.equals("offline_access") || item.isEmpty()) {
                continue;
            }
            if (!item.endsWith("/.default") || found != null) {
                return null;
            }
            found = item.substring(0, item.length() - "/.default".length());
        }
        return found;
    }

    private boolean isGraph(String resource) {
        return resource.equals(cloud.graphUrl())
                || resource.equals(GRAPH_APP_ID)
                || resource.equals(GraphAuth.PUBLIC_GRAPH);
    }

    private SimServer.Handled fail(
            AadError error, Map<String, String> values, String correlation, Instant now, String tenantId) {
        return new SimServer.Handled(AadErrors.response(error, values, correlation, now, cloud.loginUrl()), tenantId);
    }
}
