package dev.entrasync.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.examples.support.DemoCloud;
import dev.entrasync.testing.FakeTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The portal as an attacker meets it, over real HTTP: nothing without a login, no state change from another
 * site (Origin/Referer) or without the form's CSRF token, no answer to a foreign Host (DNS rebinding), wrong
 * passwords pause logins, idle sessions end, and every response carries the browser-side defences.
 */
class PortalSecurityTest {

    private final FakeTime clock = new FakeTime(Instant.now());
    private final WebHost host = WebHost.builder()
            .port(0)
            .jdbcUrl("jdbc:h2:mem:security-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .adminPassword(PortalClient.PASSWORD)
            .clock(clock)
            .start();
    private final PortalClient admin = new PortalClient(host);
    private final PortalClient anonymous = new PortalClient(host);

    @AfterEach
    void stop() {
        host.close();
    }

    private int port() {
        return URI.create(host.url()).getPort();
    }

    private Map<String, String> credential(String clientId, String secret) {
        DemoCloud sim = host.simulation();
        return Map.of(
                "name",
                "northwind",
                "cloud",
                "custom",
                "loginUrl",
                sim.cloud().loginUrl(),
                "graphUrl",
                sim.cloud().graphUrl(),
                "homeTenant",
                sim.partner().id(),
                "clientId",
                clientId,
                "secret",
                secret,
                "expires",
                "2099-01-01",
                "csp",
                "true");
    }

    @Test
    void sendsEveryPageAndActionToTheLoginWithoutASession() throws Exception {
        for (String path : new String[] {"/", "/credentials", "/connect", "/discover", "/jobs", "/companies/C-1001"}) {
            HttpResponse<String> page = anonymous.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(303);
            assertThat(page.headers().firstValue("Location")).as(path).contains("/login");
        }
        HttpResponse<String> save = anonymous.post("/credentials", credential(DemoCloud.CLIENT_ID, "s3cret-value"));
        assertThat(save.statusCode()).isEqualTo(303);
        assertThat(save.headers().firstValue("Location")).contains("/login");

        assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
        admin.login();
        assertThat(admin.get("/credentials").body())
                .contains("No credential yet")
                .doesNotContain("<td>northwind</td>");
    }

    @Test
    void logsInWithThePasswordIntoAStrictHttpOnlyCookieSession() throws Exception {
        HttpResponse<String> login = admin.login(PortalClient.PASSWORD);

        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith(PortalSecurity.COOKIE + "=")
                .contains("; HttpOnly")
                .contains("; SameSite=Strict")
                .contains("; Path=/")
                .contains("; Secure");
        assertThat(Base64.getUrlDecoder().decode(admin.session())).hasSize(32);
        assertThat(admin.get("/").statusCode()).isEqualTo(200);
        assertThat(admin.token()).isNotNull().isNotEqualTo(admin.session());
    }

    @Test
    void aSessionIdTheBrowserBroughtIsReplacedAtLogin() throws Exception {
        admin.login();
        String before = admin.session();

        admin.login();

        assertThat(admin.session()).isNotEqualTo(before);
        assertThat(new PortalClient(host).useSession(before).get("/").statusCode())
                .isEqualTo(303);
    }

    @Test
    void pausesLoginsAfterFiveWrongPasswordsInARow() throws Exception {
        for (int i = 1; i < LoginGuard.FREE_ATTEMPTS; i++) {
            HttpResponse<String> wrong = anonymous.login("guess-number-" + i);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("Wrong password");
        }
        HttpResponse<String> fifth = anonymous.login("guess-number-5");
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.body()).contains("Too many wrong passwords: logins are paused until");

        HttpResponse<String> rightButPaused = anonymous.login(PortalClient.PASSWORD);
        assertThat(rightButPaused.statusCode()).isEqualTo(429);
        assertThat(anonymous.session()).isNull();

        clock.advance(Duration.ofSeconds(61));
        assertThat(anonymous.login("guess-number-6").statusCode()).isEqualTo(429); // the next pause is two minutes
        clock.advance(Duration.ofSeconds(119));
        assertThat(anonymous.login(PortalClient.PASSWORD).statusCode()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(2));
        assertThat(anonymous.login(PortalClient.PASSWORD).statusCode()).isEqualTo(303);
        assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void endsASessionAfterThirtyIdleMinutesAndAtLogOut() throws Exception {
        admin.login();
        clock.advance(Duration.ofMinutes(29));
        assertThat(admin.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(30));
        assertThat(admin.get("/").headers().firstValue("Location")).contains("/login");

        admin.login();
        String session = admin.session();
        HttpResponse<String> logout = admin.post("/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(admin.session()).isNull();
        assertThat(new PortalClient(host).useSession(session).get("/").statusCode())
                .isEqualTo(303);
    }

    @Test
    void refusesACrossOriginPostThatWouldOverwriteACredential() throws Exception {
        admin.login();
        assertThat(admin.post("/credentials", credential(DemoCloud.CLIENT_ID, "the-real-secret-value"))
                        .statusCode())
                .isEqualTo(200);
        String attackerClient = "0badc0de-0000-4000-8000-000000000000";

        HttpResponse<String> fromEvil = admin.send(
                "/credentials",
                credential(attackerClient, "attacker-secret"),
                Map.of("Origin", "http://evil.example"),
                true);
        HttpResponse<String> refererOnly = admin.send(
                "/credentials",
                credential(attackerClient, "attacker-secret"),
                Map.of("Referer", "http://evil.example/page.html"),
                true);
        HttpResponse<String> nullOrigin = admin.send(
                "/credentials", credential(attackerClient, "attacker-secret"), Map.of("Origin", "null"), true);
        HttpResponse<String> noOrigin =
                admin.send("/credentials", credential(attackerClient, "attacker-secret"), Map.of(), true);

        for (HttpResponse<String> refused : new HttpResponse[] {fromEvil, refererOnly, nullOrigin, noOrigin}) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body())
                    .contains("Refused: this request came from")
                    .contains("Nothing was changed");
        }
        assertThat(fromEvil.body()).contains("another site, http://evil.example");
        assertThat(admin.get("/credentials").body())
                .contains(DemoCloud.CLIENT_ID)
                .doesNotContain(attackerClient);
        HttpResponse<String> sameOriginReferer = admin.send(
                "/credentials",
                credential(DemoCloud.CLIENT_ID, "the-real-secret-value"),
                Map.of("Referer", host.url() + "/credentials"),
                true);
        assertThat(sameOriginReferer.statusCode()).isEqualTo(200);
        assertThat(sameOriginReferer.body()).contains("Saved northwind");
    }

    @Test
    void refusesACrossOriginPostThatWouldDisconnectAndPurgeACompany() throws Exception {
        admin.login();
        String companyId = ConsentPagesTest.connect(
                host, admin, "Fabrikam Ltd", host.simulation().fabrikam().id());
        String tenant = host.simulation().fabrikam().id();

        HttpResponse<String> purge = admin.send(
                "/companies/" + companyId + "/delete",
                Map.of("data", "purge"),
                Map.of("Origin", "http://evil.example"),
                true);
        HttpResponse<String> syncAll = admin.send("/sync", Map.of(), Map.of("Origin", "http://evil.example"), true);

        assertThat(purge.statusCode()).isEqualTo(403);
        assertThat(syncAll.statusCode()).isEqualTo(403);
        assertThat(admin.get("/").body())
                .contains("Fabrikam Ltd")
                .contains(tenant)
                .contains("never synced");
        assertThat(admin.get("/jobs").body()).contains("No jobs yet");
    }

    @Test
    void refusesAPostWithoutTheSessionsCsrfToken() throws Exception {
        admin.login();
        String companyId = ConsentPagesTest.connect(
                host, admin, "Fabrikam Ltd", host.simulation().fabrikam().id());
        PortalClient other = new PortalClient(host).login();

        HttpResponse<String> without = admin.send(
                "/companies/" + companyId + "/delete", Map.of("data", "purge"), Map.of("Origin", host.url()), false);
        HttpResponse<String> wrong = admin.send(
                "/companies/" + companyId + "/delete",
                Map.of("data", "purge", "csrf", other.token()),
                Map.of("Origin", host.url()),
                false);
        HttpResponse<String> saveWithout = admin.send(
                "/credentials", credential(DemoCloud.CLIENT_ID, "s3cret-value-1"), Map.of("Origin", host.url()), false);

        for (HttpResponse<String> refused : new HttpResponse[] {without, wrong, saveWithout}) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body())
                    .contains("did not carry this session&#39;s security token")
                    .contains("Nothing was changed");
        }
        assertThat(admin.get("/").body())
                .contains("Fabrikam Ltd")
                .contains(host.simulation().fabrikam().id());
        HttpResponse<String> confirm = admin.post("/companies/" + companyId + "/delete", Map.of("data", "purge"));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("every record synced from the tenant is deleted");
        HttpResponse<String> confirmedWithout = admin.send(
                "/companies/" + companyId + "/delete/confirmed",
                Map.of("data", "purge"),
                Map.of("Origin", host.url()),
                false);
        assertThat(confirmedWithout.statusCode()).isEqualTo(403);
        assertThat(admin.post("/companies/" + companyId + "/delete/confirmed", Map.of("data", "purge"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(admin.get("/").body()).contains("not connected");
    }

    @Test
    void refusesARequestNamingAnotherHost() throws Exception {
        String rebound = PortalClient.withHost(port(), "GET", "/login", "evil.example:" + port());
        String otherPort = PortalClient.withHost(port(), "POST", "/login", "localhost:" + (port() + 1));
        String none = PortalClient.withHost(port(), "GET", "/login", "");

        assertThat(rebound)
                .startsWith("HTTP/1.1 421")
                .contains("This portal answers only to 127.0.0.1:" + port() + " and localhost:" + port())
                .doesNotContain(PortalSecurity.COOKIE + "=");
        assertThat(otherPort).startsWith("HTTP/1.1 421").doesNotContain(PortalSecurity.COOKIE + "=");
        assertThat(none).matches("(?s)HTTP/1.1 4(21|00).*");
        assertThat(PortalClient.withHost(port(), "GET", "/login", "127.0.0.1:" + port()))
                .startsWith("HTTP/1.1 200");
        String loopbackLogin = PortalClient.withHost(port(), "POST", "/login", "127.0.0.1:" + port());
        assertThat(loopbackLogin)
                .startsWith("HTTP/1.1 303")
                .contains("SameSite=Strict")
                .doesNotContain("Secure");
    }

    @Test
    void everyResponseCarriesTheBrowserDefences() throws Exception {
        admin.login();
        HttpResponse<?>[] responses = {
            anonymous.get("/login"),
            anonymous.get("/"),
            admin.get("/"),
            admin.get("/credentials"),
            admin.get("/no-such-page"),
            admin.send("/sync", Map.of(), Map.of("Origin", "http://evil.example"), true),
            anonymous.get(ConsentPages.CALLBACK + "?state=forged")
        };
        for (HttpResponse<?> response : responses) {
            String what = response.request().method() + " " + response.uri();
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(what)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'")
                            .contains("script-src 'none'")
                            .contains("frame-ancestors 'none'")
                            .contains("object-src 'none'")
                            .doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(what)
                    .contains("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(what)
                    .contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(what)
                    .contains("same-origin");
            assertThat(response.headers().firstValue("Cache-Control")).as(what).contains("no-store");
        }
    }

    @Test
    void pagesRunNoScriptAndTheirStyleIsTheOneTheCspAllows() throws Exception {
        admin.login();
        admin.post("/credentials", credential(DemoCloud.CLIENT_ID, "the-real-secret-value"));
        for (String path : new String[] {"/", "/credentials", "/connect", "/discover", "/jobs"}) {
            HttpResponse<String> page = admin.get(path);
            String body = page.body();
            assertThat(body)
                    .as(path)
                    .doesNotContain("<script")
                    .doesNotContain(" style=")
                    .doesNotContain("javascript:");
            Matcher style =
                    Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(body);
            assertThat(style.find()).as(path).isTrue();
            String hash = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("'sha256-" + hash + "'");
            int forms = body.split("method=\"post\"", -1).length - 1;
            int tokens = body.split("name=\"csrf\" value=\"" + admin.token() + "\"", -1).length - 1;
            assertThat(tokens)
                    .as(path + ": every POST form carries the token")
                    .isEqualTo(forms)
                    .isPositive();
        }
    }

    @Test
    void generatesAStrongPasswordAndPrintsItOnceWhenTheVariableIsUnset() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String generated = WebHost.adminPassword(null, new PrintStream(console, true, StandardCharsets.UTF_8));
        String other = WebHost.adminPassword("", new PrintStream(new ByteArrayOutputStream()));

        assertThat(generated).hasSize(24).matches("[A-Za-z0-9_-]+").isNotEqualTo(other);
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed.split(Pattern.quote(generated), -1)).hasSize(2);
        assertThat(printed).contains(WebHost.PASSWORD_VARIABLE);

        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        assertThat(WebHost.adminPassword(PortalClient.PASSWORD, new PrintStream(quiet, true, StandardCharsets.UTF_8)))
                .isEqualTo(PortalClient.PASSWORD);
        assertThat(quiet.toString(StandardCharsets.UTF_8))
                .doesNotContain(PortalClient.PASSWORD)
                .contains(WebHost.PASSWORD_VARIABLE);
    }

    @Test
    void refusesAShortOrMissingPassword() {
        assertThatThrownBy(() -> WebHost.builder().adminPassword("short").start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("adminPassword: must be at least 12")
                .hasMessageContaining(WebHost.PASSWORD_VARIABLE)
                .hasMessageNotContaining("short");
        assertThatThrownBy(() -> WebHost.builder().port(0).start())
                .hasMessageStartingWith("adminPassword: must be set");
    }
}
