package dev.entrasync.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.examples.support.DemoCloud;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The portal over plain HTTP (no browser needed): pages answer, bad input is refused with the reason, secrets never show. */
class WebHostTest {

    private final WebHost host = WebHost.start(0, "jdbc:h2:mem:web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() {
        host.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(host.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(host.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesEveryPageBeforeAnythingIsConnected() throws Exception {
        for (String path : new String[] {"/", "/credentials", "/connect", "/discover", "/jobs"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/").body()).contains("No companies yet");
        assertThat(get("/jobs").body()).contains("No jobs yet");
    }

    @Test
    void savesACredentialAndNeverShowsItsSecret() throws Exception {
        String secret = "portal-test-secret-value-0123456789";
        DemoCloud sim = host.simulation();

        HttpResponse<String> saved = post("/credentials", Map.of("name", "northwind", "cloud", "custom",
                "loginUrl", sim.cloud().loginUrl(), "graphUrl", sim.cloud().graphUrl(), "homeTenant", sim.partner().id(),
                "clientId", DemoCloud.CLIENT_ID, "secret", secret, "expires", "2099-01-01", "csp", "true"));

        assertThat(saved.statusCode()).isEqualTo(303);
        String page = get("/credentials").body();
        assertThat(page).contains("northwind").contains(DemoCloud.CLIENT_ID).doesNotContain(secret);
    }

    @Test
    void refusesABadCredentialNamingTheField() throws Exception {
        HttpResponse<String> refused = post("/credentials", Map.of("name", "x", "cloud", "custom",
                "loginUrl", "http://login.example.com", "graphUrl", "http://graph.example.com", "homeTenant",
                "contoso.onmicrosoft.com", "clientId", DemoCloud.CLIENT_ID, "secret", "s"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Not saved: loginUrl: plain http:// is allowed only on a loopback address");
    }

    @Test
    void rejectsAForgedConsentCallback() throws Exception {
        HttpResponse<String> callback = get("/consent/callback?admin_consent=True&tenant="
                + host.simulation().contoso().id() + "&state=forged");

        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(callback.body()).contains("Consent not completed").contains("state");
    }
}
