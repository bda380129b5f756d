package dev.entrasync.testkit.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates a Graph request's bearer token: signature, lifetime (sim clock) and audience. */
final class GraphAuth {
    static final String PUBLIC_GRAPH = "https://graph.microsoft.com";
    private static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

    /** The caller of an authenticated request. */
    record Caller(TenantData tenant, String appId, Set<String> roles) {}

    private final CloudState cloud;

    GraphAuth(CloudState cloud) {
        this.cloud = cloud;
    }

    /** Returns the caller or throws 401 {@code InvalidAuthenticationToken}. */
    Caller authenticate(SimRequest request) {
        String header = request.header("authorization");
        if (header == null || header.isBlank()) {
            throw invalid("Access token is empty.");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw invalid("Access token validation failure. Invalid scheme.");
        }
        String token = header.substring(7).trim();
        Map<String, Object> claims = cloud.signer().verify(token);
        if (claims == null) {
            throw invalid(
                    token.split("\\.").length == 3
                            ? "Access token validation failure."
                            : "IDX14100: JWT is not well formed, there are no dots (.).");
        }
        long now = cloud.now().getEpochSecond();
        if (now >= ((Number) claims.get("exp")).longValue() || now < ((Number) claims.get("nbf")).longValue()) {
            throw invalid("Lifetime validation failed, the token is expired.");
        }
        Object aud = claims.get("aud");
        if (!(cloud.graphUrl().equals(aud) || PUBLIC_GRAPH.equals(aud) || GRAPH_APP_ID.equals(aud))) {
            throw invalid("Access token validation failure. Invalid audience.");
        }
        TenantData tenant = cloud.tenant((String) claims.get("tid"));
        if (tenant == null) {
            throw invalid("Access token validation failure. Tenant does not exist.");
        }
        Set<String> roles = new HashSet<>();
        Object raw = claims.get("roles");
        if (raw instanceof List<?> list) {
            list.forEach(r -> roles.add(String.valueOf(r)));
        }
        return new Caller(tenant, (String) claims.get("appid"), Set.copyOf(roles));
    }

    /** Returns the tenant id a token names without validating it (for recording), or null. */
    String peekTenant(SimRequest request) {
        String header = request.header("authorization");
        if (header == null || header.length() < 8) {
            return null;
        }
        Map<String, Object> claims = cloud.signer().verify(header.substring(7).trim());
        return claims == null ? null : (String) claims.get("tid");
    }

    private static GraphException invalid(String message) {
        return new GraphException(
                401,
                "InvalidAuthenticationToken",
                message,
                Map.of(
                        "WWW-Authenticate",
                        "Bearer realm=\"\", authorization_uri="
                                + "\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\""
                                + GRAPH_APP_ID + "\""));
    }
}
