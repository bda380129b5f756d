package dev.entrasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsentPageTest {
    private static final String CLIENT = "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    private static final String REDIRECT = "https://rmm.example.com/entra/consent";
    private static final OkHttpClient NO_REDIRECTS =
            new OkHttpClient.Builder().followRedirects(false).build();

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-22T08:00:00Z"));
    private final SimulatedCloud cloud = SimulatedCloud.start().clock(clock);
    private final SimulatedApp app = cloud.registerApp(CLIENT, "secret").addRedirectUri(REDIRECT);
    private final SimulatedTenant contoso =
            cloud.addTenant(TenantBuilder.create("Contoso").build());
    private final SimClient client = new SimClient(cloud);

    @AfterEach
    void close() {
        cloud.close();
    }

    private HttpUrl visit(String tenantSegment, String redirectUri, String scope) {
        HttpUrl url = HttpUrl.get(cloud.loginUrl() + "/" + tenantSegment + "/v2.0/adminconsent")
                .newBuilder()
                .addQueryParameter("client_id", CLIENT)
                .addQueryParameter("scope", scope)
                .addQueryParameter("redirect_uri", redirectUri)
                .addQueryParameter("state", "s-1")
                .build();
        try (Response response =
                NO_REDIRECTS.newCall(new Request.Builder().url(url).build()).execute()) {
            if (response.code() != 302) {
                return null;
            }
            return HttpUrl.get(response.header("Location"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String scope() {
        return cloud.graphUrl() + "/.default";
    }

    @Test
    void approvalRedirectsWithTenantAndGrantsTheConfiguredPermissions() {
        app.configurePermissions(Permissions.USER_READ_ALL, Permissions.ORGANIZATION_READ_ALL);
        cloud.consentPage().approveAs(contoso);

        HttpUrl back = visit("organizations", REDIRECT, scope());

        assertThat(back.toString()).startsWith(REDIRECT + "?");
        assertThat(back.queryParameter("admin_consent")).isEqualTo("True");
        assertThat(back.queryParameter("tenant")).isEqualTo(contoso.id());
        assertThat(back.queryParameter("scope")).isEqualTo(scope());
        assertThat(back.queryParameter("state")).isEqualTo("s-1");
        assertThat(contoso.grantedPermissions(app))
                .containsExactlyInAnyOrder(Permissions.USER_READ_ALL, Permissions.ORGANIZATION_READ_ALL);
        assertThat(client.tokenRequest(contoso.id(), CLIENT, "secret").status()).isEqualTo(200);
    }

    @Test
    void propagationDelayHidesTheConsentFromTheTokenEndpointUntilItPasses() {
        cloud.consentPage().approveAs(contoso, Duration.ofMinutes(3));

        visit(contoso.id(), REDIRECT, scope());

        assertThat(client.tokenRequest(contoso.id(), CLIENT, "secret").body()).contains("AADSTS700016");
        clock.advance(Duration.ofMinutes(3));
        assertThat(client.tokenRequest(contoso.id(), CLIENT, "secret").status()).isEqualTo(200);
    }

    @Test
    void declineAndCancelRedirectWithMicrosoftsErrors() {
        cloud.consentPage().decline().cancel();

        HttpUrl declined = visit("organizations", REDIRECT, scope());
        HttpUrl cancelled = visit("organizations", REDIRECT, scope());

        assertThat(declined.queryParameter("error")).isEqualTo("access_denied");
        assertThat(declined.queryParameter("error_description")).startsWith("AADSTS65004:");
        assertThat(declined.queryParameter("error_subcode")).isNull();
        assertThat(declined.queryParameter("state")).isEqualTo("s-1");
        assertThat(cancelled.queryParameter("error_subcode")).isEqualTo("cancel");
        assertThat(contoso.hasConsent(app)).isFalse();
    }

    @Test
    void anAdministratorOfAnotherTenantIsRefusedOnATenantLink() {
        SimulatedTenant fabrikam =
                cloud.addTenant(TenantBuilder.create("Fabrikam").build());
        cloud.consentPage().approveAs(fabrikam);

        HttpUrl back = visit(contoso.id(), REDIRECT, scope());

        assertThat(back.queryParameter("error_description")).startsWith("AADSTS50020:");
        assertThat(fabrikam.hasConsent(app)).isFalse();
    }

    @Test
    void unregisteredRedirectUriGetsAnErrorPageAndNoRedirect() {
        cloud.consentPage().approveAs(contoso);

        assertThat(visit("organizations", "https://evil.example.net/cb", scope()))
                .isNull();
        assertThat(client.getLogin("/organizations/v2.0/adminconsent?client_id=" + CLIENT)
                        .status())
                .isEqualTo(400);
        assertThat(contoso.hasConsent(app)).isFalse();
    }

    @Test
    void aScopeOtherThanGraphDefaultRedirectsWithAnError() {
        cloud.consentPage().approveAs(contoso);

        HttpUrl back = visit("organizations", REDIRECT, "User.Read");

        assertThat(back.queryParameter("error_description")).startsWith("AADSTS70011:");
        assertThat(contoso.hasConsent(app)).isFalse();
    }
}
