package dev.entrasync.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Instance discovery, OpenID Connect metadata and the signing keys it points to ({@code jwks_uri}). */
final class OpenIdEndpoints {
    private final CloudState cloud;

    OpenIdEndpoints(CloudState cloud) {
        this.cloud = cloud;
    }

    /** {@code GET /common/discovery/instance?api-version=1.1&authorization_endpoint=...}. */
    SimResponse instanceDiscovery(SimRequest request) {
        String simHost = okhttp3.HttpUrl.get(cloud.loginUrl()).host() + ":"
                + okhttp3.HttpUrl.get(cloud.loginUrl()).port();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("preferred_network", "login.microsoftonline.com");
        metadata.put("preferred_cache", "login.windows.net");
        metadata.put(
                "aliases",
                List.of(
                        "login.microsoftonline.com",
                        "login.windows.net",
                        "login.microsoft.com",
                        "sts.windows.net",
                        simHost,
                        "localhost"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant_discovery_endpoint", cloud.loginUrl() + "/common/v2.0/.well-known/openid-configuration");
        body.put("api-version", "1.1");
        body.put("metadata", List.of(metadata));
        return SimResponse.json(200, body);
    }

    /** {@code GET /{tenant}/discovery/v2.0/keys}: the ID-token signing keys (JWKS), the same for every tenant. */
    SimResponse keys(String segment, TenantData tenant) {
        boolean generic = segment.equals("common") || segment.equals("organizations") || segment.equals("consumers");
        if (tenant == null && !generic) {
            return AadErrors.response(
                    dev.entrasync.testkit.AadError.TENANT_NOT_FOUND,
                    Map.of("tenant", segment),
                    Ids.random(),
                    cloud.now(),
                    cloud.loginUrl());
        }
        return SimResponse.json(200, cloud.signIns().keys().jwks());
    }

    /** {@code GET /{tenant}/v2.0/.well-known/openid-configuration}. */
    SimResponse configuration(String segment, TenantData tenant) {
        boolean generic = segment.equals("common") || segment.equals("organizations") || segment.equals("consumers");
        if (tenant == null && !generic) {
            return AadErrors.response(
                    dev.entrasync.testkit.AadError.TENANT_NOT_FOUND,
                    Map.of("tenant", segment),
                    Ids.random(),
                    cloud.now(),
                    cloud.loginUrl());
        }
        String issuerTenant = tenant == null ? "{tenantid}" : tenant.id();
        String base = cloud.loginUrl() + "/" + segment;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_endpoint", base + "/oauth2/v2.0/token");
        body.put(
                "token_endpoint_auth_methods_supported",
                List.of("client_secret_post", "private_key_jwt", "client_secret_basic"));
        body.put("jwks_uri", base + "/discovery/v2.0/keys");
        body.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        body.put("subject_types_supported", List.of("pairwise"));
        body.put("id_token_signing_alg_values_supported", List.of("RS256"));
        body.put("response_types_supported", List.of("code", "id_token", "code id_token", "id_token token"));
        body.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        body.put("issuer", cloud.loginUrl() + "/" + issuerTenant + "/v2.0");
        body.put("request_uri_parameter_supported", false);
        body.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        body.put("device_authorization_endpoint", base + "/oauth2/v2.0/devicecode");
        body.put("end_session_endpoint", base + "/oauth2/v2.0/logout");
        body.put("tenant_region_scope", "NA");
        body.put("cloud_instance_name", "microsoftonline.com");
        body.put("cloud_graph_host_name", "graph.windows.net");
        body.put("msgraph_host", okhttp3.HttpUrl.get(cloud.graphUrl()).host());
        return SimResponse.json(200, body);
    }
}
