package dev.entrasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {
    private static final String CLIENT_ID = "6c2f1a1e-2a5b-4c1d-9e3f-0a1b2c3d4e5f";
    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimClient client = new SimClient(cloud);
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, "right-secret");
    private final SimulatedTenant contoso = cloud.addTenant(TenantBuilder.create("Contoso")
            .seed(1)
            .users(5)
            .customDomain("contoso.com")
            .build());

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void issuesSignedTokenWithGrantedRoles() {
        contoso.consent(app, "User.Read.All", "Organization.Read.All");

        SimClient.Reply reply = client.tokenRequest(contoso.id(), CLIENT_ID, "right-secret");

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> body = reply.json();
        assertThat(body)
                .containsEntry("token_type", "Bearer")
                .containsEntry("expires_in", 3599)
                .containsEntry("ext_expires_in", 3599);
        String token = (String) body.get("access_token");
        assertThat(token.split("\\.")).hasSize(3);
        Map<String, Object> claims = SimClient.claims(token);
        assertThat(claims)
                .containsEntry("aud", cloud.graphUrl())
                .containsEntry("tid", contoso.id())
                .containsEntry("appid", CLIENT_ID)
                .containsEntry("iss", "https://sts.windows.net/" + contoso.id() + "/")
                .containsKeys("iat", "nbf", "exp");
        assertThat((List<Object>) claims.get("roles"))
                .containsExactlyInAnyOrder("User.Read.All", "Organization.Read.All");
    }

    @Test
    void acceptsVerifiedDomainsAndPublicGraphScope() {
        contoso.consent(app, "User.Read.All");

        assertThat(client.tokenRequest("contoso.com", CLIENT_ID, "right-secret").status())
                .isEqualTo(200);
        SimClient.Reply reply = client.tokenRequest(
                "contoso.onmicrosoft.com", CLIENT_ID, "right-secret", "https://graph.microsoft.com/.default");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(SimClient.claims((String) reply.json().get("access_token")))
                .containsEntry("aud", "https://graph.microsoft.com");
    }

    @Test
    void omitsRolesClaimWhenNothingGranted() {
        contoso.consent(app);

        String token = client.token(contoso.id(), CLIENT_ID, "right-secret");

        assertThat(SimClient.claims(token)).doesNotContainKey("roles");
    }

    @Test
    void honoursTokenLifetimeAndClock() {
        contoso.consent(app, "User.Read.All");
        MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T10:00:00Z"));
        cloud.clock(clock).tokenLifetime(Duration.ofMinutes(5));

        Map<String, Object> body =
                client.tokenRequest(contoso.id(), CLIENT_ID, "right-secret").json();

        assertThat(body).containsEntry("expires_in", 300);
        assertThat(SimClient.claims((String) body.get("access_token"))).containsEntry("exp", (int)
                Instant.parse("2026-03-01T10:05:00Z").getEpochSecond());
    }

    @Test
    void wrongSecretIsInvalidClient7000215() {
        contoso.consent(app, "User.Read.All");

        SimClient.Reply reply = client.tokenRequest(contoso.id(), CLIENT_ID, "wrong");

        assertAad(reply, 401, "invalid_client", 7000215);
        Map<String, Object> body = reply.json();
        assertThat((String) body.get("error_description"))
                .startsWith("AADSTS7000215: Invalid client secret provided.")
                .contains("\r\nTrace ID: ", "\r\nCorrelation ID: ", "\r\nTimestamp: ");
        assertThat(body).containsKeys("timestamp", "trace_id", "correlation_id", "error_uri");
    }

    @Test
    void expiredSecretIs7000222() {
        contoso.consent(app, "User.Read.All");
        app.expireSecret("right-secret");

        assertAad(client.tokenRequest(contoso.id(), CLIENT_ID, "right-secret"), 401, "invalid_client", 7000222);
    }

    @Test
    void secondSecretWorksAfterFirstIsRemoved() {
        contoso.consent(app, "User.Read.All");
        app.addSecret("second").removeSecret("right-secret");

        assertThat(client.tokenRequest(contoso.id(), CLIENT_ID, "second").status())
                .isEqualTo(200);
        assertAad(client.tokenRequest(contoso.id(), CLIENT_ID, "right-secret"), 401, "invalid_client", 7000215);
    }

    @Test
    void missingConsentAndUnknownAppAre700016() {
        assertAad(client.tokenRequest(contoso.id(), CLIENT_ID, "right-secret"), 400, "unauthorized_client", 700016);
        assertAad(
                client.tokenRequest(contoso.id(), "00000000-1111-2222-3333-444444444444", "x"),
                400,
                "unauthorized_client",
                700016);

        contoso.consent(app, "User.Read.All");
        contoso.revokeConsent(app);
        assertAad(client.tokenRequest(contoso.id(), CLIENT_ID, "right-secret"), 400, "unauthorized_client", 700016);
    }

    @Test
    void tenantErrors() {
        assertAad(
                client.tokenRequest("9b1c1e63-1111-4222-8333-444455556666", CLIENT_ID, "x"),
                400,
                "invalid_tenant",
                90002);
        assertAad(client.tokenRequest("fabrikam.com", CLIENT_ID, "x"), 400, "invalid_tenant", 90002);
        assertAad(client.tokenRequest("not_a_tenant", CLIENT_ID, "x"), 400, "invalid_request", 900023);
    }

    @Test
    void scopeWithoutDefaultIs1002012() {
        contoso.consent(app, "User.Read.All");

        assertAad(
                client.tokenRequest(contoso.id(), CLIENT_ID, "right-secret", cloud.graphUrl() + "/User.Read.All"),
                400,
                "invalid_scope",
                1002012);
    }

    @Test
    void disabledAppIs7000112() {
        contoso.consent(app, "User.Read.All");
        app.disable();

        assertAad(client.tokenRequest(contoso.id(), CLIENT_ID, "right-secret"), 400, "unauthorized_client", 7000112);
    }

    @Test
    void injectedErrorsAndServerErrors() {
        contoso.consent(app, "User.Read.All");
        cloud.faults().failTokens(contoso.id(), AadError.BLOCKED_BY_CONDITIONAL_ACCESS);

        assertAad(client.tokenRequest(contoso.id(), CLIENT_ID, "right-secret"), 400, "invalid_grant", 53003);

        cloud.faults().clearTokenFailure(contoso.id()).failNextTokens(1, 503);
        assertThat(client.tokenRequest(contoso.id(), CLIENT_ID, "right-secret").status())
                .isEqualTo(503);
        assertThat(client.tokenRequest(contoso.id(), CLIENT_ID, "right-secret").status())
                .isEqualTo(200);

        cloud.faults().failTokens(null, AadError.custom(12345, 400, "invalid_request", "Made up."));
        SimClient.Reply reply = client.tokenRequest(contoso.id(), CLIENT_ID, "right-secret");
        assertAad(reply, 400, "invalid_request", 12345);
        assertThat((String) reply.json().get("error_description")).startsWith("AADSTS12345: Made up.");
    }

    @Test
    void answersDiscoveryAndOpenIdConfiguration() {
        SimClient.Reply discovery = client.getLogin("/common/discovery/instance?api-version=1.1"
                + "&authorization_endpoint=" + cloud.loginUrl() + "/common/oauth2/v2.0/authorize");
        SimClient.Reply config = client.getLogin("/" + contoso.id() + "/v2.0/.well-known/openid-configuration");

        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.json()).containsKeys("tenant_discovery_endpoint", "metadata");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json())
                .containsEntry("token_endpoint", cloud.loginUrl() + "/" + contoso.id() + "/oauth2/v2.0/token");
    }

    @Test
    void recordsTokenCallsWithTenant() {
        contoso.consent(app, "User.Read.All");

        client.tokenRequest("contoso.com", CLIENT_ID, "right-secret");

        assertThat(cloud.tokenCalls()).singleElement().satisfies(call -> {
            assertThat(call.server()).isEqualTo(RecordedCall.Server.LOGIN);
            assertThat(call.tenantId()).isEqualTo(contoso.id());
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.toString()).doesNotContain("right-secret");
        });
    }

    private static void assertAad(SimClient.Reply reply, int status, String error, int code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json()).containsEntry("error", error).containsEntry("error_codes", List.of(code));
    }
}
