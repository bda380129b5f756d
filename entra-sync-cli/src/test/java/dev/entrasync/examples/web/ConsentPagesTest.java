package dev.entrasync.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Sleeper;
import dev.entrasync.examples.support.DemoCloud;
import dev.entrasync.testing.FakeTime;
import dev.entrasync.testkit.SimulatedTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Connect a tenant" over real HTTP through the simulated consent page: the callback answers at once and the
 * verification runs off the request thread, pending checks are limited, the status page needs no login and
 * shows only its outcome, and a company exists only after a verified grant.
 */
class ConsentPagesTest {

    private static final HttpClient CONSENT_BROWSER =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * Consent checks wait here until the test opens the gate; then each wait passes on the cloud's clock. Other
     * waits (a page's token retry) pass at once.
     */
    private final CountDownLatch gate = new CountDownLatch(1);

    private final FakeTime cloudClock = new FakeTime(Instant.now());
    private final AtomicInteger waiting = new AtomicInteger();
    private final Sleeper gated = pause -> {
        if (!Thread.currentThread().getName().startsWith("portal-consent-check-")) {
            return;
        }
        waiting.incrementAndGet();
        try {
            gate.await();
        } finally {
            waiting.decrementAndGet();
        }
        cloudClock.advance(pause);
    };
    private WebHost host;

    @AfterEach
    void stop() {
        gate.countDown();
        if (host != null) {
            host.close();
        }
    }

    private WebHost start(WebHost.Builder builder) {
        host = builder.port(0)
                .jdbcUrl("jdbc:h2:mem:consent-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .adminPassword(PortalClient.PASSWORD)
                .start();
        return host;
    }

    @Test
    void pendingConsentChecksLeaveThePortalAnsweringAndPastTheLimitNothingRuns() throws Exception {
        start(WebHost.builder().consentChecks(2, 6).sleeper(gated));
        host.simulation().cloud().clock(cloudClock);
        PortalClient admin = new PortalClient(host).login();
        addCredential(host, admin);
        SimulatedTenant contoso = host.simulation().contoso();

        List<String> statusPages = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            // not visible for a minute, so every check waits for propagation (at the gate); short enough that all the
            // waits together stay inside the 10 minutes the seventh redirect's code lasts
            host.simulation().cloud().consentPage().approveAs(contoso, Duration.ofMinutes(1));
            HttpResponse<String> callback = new PortalClient(host).get(consentRedirect(admin, "Contoso " + i, null));
            assertThat(callback.statusCode()).isEqualTo(303);
            statusPages.add(callback.headers().firstValue("Location").orElseThrow());
        }
        host.simulation().cloud().consentPage().approveAs(contoso, Duration.ofMinutes(1));
        String seventh = consentRedirect(admin, "Contoso 7", null);
        HttpResponse<String> refused = new PortalClient(host).get(seventh);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("60");
        assertThat(refused.body())
                .contains("Too many consents are being checked right now; try again in a minute")
                .contains("Nothing was recorded");
        // both workers wait for Microsoft; four checks queue behind them; the portal still answers
        awaitTrue(() -> waiting.get() == 2);
        for (String path : new String[] {"/", "/credentials", "/connect", "/discover", "/jobs"}) {
            assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> checking = new PortalClient(host).get(statusPages.get(0));
        assertThat(checking.body()).contains("id=\"checking\"").contains("<meta http-equiv=\"refresh\"");
        assertThat(admin.get("/").body()).contains("No companies yet");

        gate.countDown(); // Microsoft finishes propagating
        List<String> outcomes = new ArrayList<>();
        for (String page : statusPages) {
            outcomes.add(finished(new PortalClient(host), page));
        }
        assertThat(outcomes)
                .filteredOn(o -> o.contains("Contoso") && o.contains("is connected."))
                .hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.contains("already connected to")).hasSize(5);
        // the refused callback consumed nothing: the same redirect works now
        HttpResponse<String> again = new PortalClient(host).get(seventh);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(finished(
                        new PortalClient(host),
                        again.headers().firstValue("Location").orElseThrow()))
                .contains("Verified")
                .contains("already connected to");
        assertThat(companyIds(admin)).hasSize(1);
        assertThat(admin.get("/").body()).contains(contoso.id());
    }

    @Test
    void aConsentQueuedBehindOneWaitingForMicrosoftWasProvedWhileItsCodeWasFresh() throws Exception {
        start(WebHost.builder().consentChecks(1, 5).clock(cloudClock).sleeper(gated));
        host.simulation().cloud().clock(cloudClock);
        PortalClient admin = new PortalClient(host).login();
        addCredential(host, admin);
        host.simulation().cloud().consentPage().approveAs(host.simulation().tailspin(), Duration.ofDays(1));
        String slow = consentRedirect(admin, "Slow Ltd", null);
        HttpResponse<String> slowCallback = new PortalClient(host).get(slow);
        awaitTrue(() -> waiting.get() == 1); // the only worker waits for Microsoft's propagation
        host.simulation().cloud().consentPage().approveAs(host.simulation().contoso());
        String queued = consentRedirect(admin, "Queued Ltd", null);
        HttpResponse<String> queuedCallback = new PortalClient(host).get(queued);

        gate.countDown(); // the first check waits out its 15 minutes: far longer than an authorization code lasts

        assertThat(finished(
                        new PortalClient(host),
                        slowCallback.headers().firstValue("Location").orElseThrow()))
                .contains("Consent not completed")
                .contains("No app-only token could be had");
        assertThat(finished(
                        new PortalClient(host),
                        queuedCallback.headers().firstValue("Location").orElseThrow()))
                .as("its code was redeemed at the callback, not when the worker got to it")
                .contains("Verified")
                .contains("Queued Ltd")
                .contains("is connected.");
        assertThat(companyIds(admin)).hasSize(1);
    }

    @Test
    void aCompanyExistsOnlyAfterAVerifiedConsent() throws Exception {
        FakeTime clock = new FakeTime(Instant.now());
        start(WebHost.builder().clock(clock).sleeper(clock::advance));
        PortalClient admin = new PortalClient(host).login();
        addCredential(host, admin);

        String declined = consentRedirect(admin, "Declined Ltd", "decline");
        assertThat(admin.get("/").body())
                .as("nothing is created when the link is made")
                .contains("No companies yet");
        assertThat(finished(new PortalClient(host), declined))
                .contains("Consent not completed")
                .contains("AADSTS65004");
        assertThat(finished(new PortalClient(host), consentRedirect(admin, "Cancelled Ltd", "cancel")))
                .contains("cancelled the consent page");
        host.simulation().cloud().consentPage().approveAs(host.simulation().tailspin(), Duration.ofDays(1));
        assertThat(finished(new PortalClient(host), consentRedirect(admin, "Never Visible Ltd", null)))
                .contains("Consent not completed")
                .contains("No app-only token could be had");
        assertThat(finished(
                        new PortalClient(host),
                        host.url() + ConsentPages.CALLBACK + "?admin_consent=True&tenant="
                                + host.simulation().contoso().id() + "&state=forged"))
                .contains("Consent not completed")
                .contains("state");

        assertThat(admin.login().get("/").body()).contains("No companies yet");
        assertThat(admin.get("/discover").body()).doesNotContain("Declined Ltd").doesNotContain("Never Visible Ltd");
    }

    @Test
    void aVerifiedConsentCreatesTheCompanyAndMapsTheTenant() throws Exception {
        start(WebHost.builder());
        PortalClient admin = new PortalClient(host).login();
        SimulatedTenant fabrikam = host.simulation().fabrikam();

        String companyId = connect(host, admin, "Fabrikam <Ltd>", fabrikam.id());

        String companies = admin.get("/").body();
        assertThat(companies)
                .contains("Fabrikam &lt;Ltd&gt;")
                .contains(fabrikam.id())
                .contains("never synced");
        assertThat(admin.get("/companies/" + companyId).body()).contains("Tenant " + fabrikam.id());
    }

    @Test
    void theStatusPageNeedsNoLoginAndShowsOnlyThatConsentsOutcome() throws Exception {
        start(WebHost.builder());
        PortalClient admin = new PortalClient(host).login();
        addCredential(host, admin);
        String redirect = consentRedirect(
                admin, "Fabrikam Ltd", host.simulation().fabrikam().id());

        PortalClient customer = new PortalClient(host); // the customer's administrator: no portal session
        HttpResponse<String> callback = customer.get(redirect);
        String status = callback.headers().firstValue("Location").orElseThrow();
        String outcome = finished(customer, status);

        assertThat(status).matches(ConsentPages.STATUS + "/[A-Za-z0-9_-]{43}");
        assertThat(outcome)
                .contains("Verified")
                .contains("Fabrikam Ltd is connected")
                .doesNotContain("href=\"/credentials\"")
                .doesNotContain(DemoCloud.SECRET)
                .doesNotContain("csrf")
                .doesNotContain("Log out");
        assertThat(customer.get(ConsentPages.STATUS + "/" + "A".repeat(43)).statusCode())
                .isEqualTo(404);
        assertThat(customer.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void refusesACompanyNameThatCouldForgeALogLine() throws Exception {
        start(WebHost.builder());
        PortalClient admin = new PortalClient(host).login();
        addCredential(host, admin);

        HttpResponse<String> lineBreak = admin.post(
                "/connect", Map.of("credential", "northwind", "company", "Evil\r\nINFO Admin consent verified"));
        HttpResponse<String> tooLong =
                admin.post("/connect", Map.of("credential", "northwind", "company", "x".repeat(101)));

        assertThat(lineBreak.statusCode()).isEqualTo(400);
        assertThat(lineBreak.body())
                .contains("The company name must not contain control, line-break or invisible"
                        + " formatting characters; it contains U+000D.");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("The company name is too long: at most 100 characters, this one has 101.");
        HttpResponse<String> noCredential = admin.post("/connect", Map.of("company", "Fabrikam Ltd"));
        assertThat(noCredential.statusCode()).isEqualTo(400);
        assertThat(noCredential.body()).contains("Choose the credential to connect with");
        assertThat(admin.get("/").body()).contains("No companies yet");
    }

    @Test
    void aDeclinedOrCancelledConsentLeavesNoCompanyAndRetryingConnectsExactlyOne() throws Exception {
        start(WebHost.builder());
        PortalClient admin = new PortalClient(host).login();
        addCredential(host, admin);
        SimulatedTenant fabrikam = host.simulation().fabrikam();

        assertThat(finished(new PortalClient(host), consentRedirect(admin, "Fabrikam Ltd", "decline")))
                .contains("Consent not completed");
        assertThat(finished(new PortalClient(host), consentRedirect(admin, "Fabrikam Ltd", "cancel")))
                .contains("cancelled the consent page");
        assertThat(companyIds(admin)).isEmpty();

        String id = connect(host, admin, "Fabrikam Ltd", fabrikam.id());
        assertThat(finished(new PortalClient(host), consentRedirect(admin, "Fabrikam Ltd", fabrikam.id())))
                .contains("already connected to Fabrikam Ltd");
        assertThat(companyIds(admin)).containsExactly(id);

        // disconnected, then connected again as a "new" company of the same name: the same company, not a second
        assertThat(admin.post("/companies/" + id + "/delete/confirmed", Map.of("data", "keep"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(connect(host, admin, "Fabrikam Ltd", fabrikam.id())).isEqualTo(id);
        assertThat(companyIds(admin)).containsExactly(id);
    }

    @Test
    void connectOnAnExistingCompanyConnectsThatCompany() throws Exception {
        start(WebHost.builder());
        PortalClient admin = new PortalClient(host).login();
        SimulatedTenant fabrikam = host.simulation().fabrikam();
        String id = connect(host, admin, "Fabrikam Ltd", fabrikam.id());
        assertThat(admin.post("/companies/" + id + "/delete", Map.of("data", "keep"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(admin.post("/companies/" + id + "/delete/confirmed", Map.of("data", "keep"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(admin.get("/").body()).contains("id=\"connect-" + id + "\" href=\"/connect?company=" + id + "\"");

        String form = admin.get("/connect?company=" + id).body();
        assertThat(form)
                .contains("Connects <b>Fabrikam Ltd</b> (" + id + ")")
                .contains("name=\"companyId\" value=\"" + id + "\"")
                .doesNotContain("New company name");
        String outcome = finished(
                new PortalClient(host),
                consentRedirect(
                        admin, Map.of("credential", "northwind", "companyId", id, "administrator", fabrikam.id())));

        assertThat(outcome).contains("Fabrikam Ltd is connected.");
        assertThat(companyIds(admin)).containsExactly(id);
        assertThat(admin.get("/").body()).contains(fabrikam.id());
        HttpResponse<String> again = admin.post("/connect", Map.of("credential", "northwind", "companyId", id));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("Fabrikam Ltd is already connected to a tenant.");
        HttpResponse<String> unknown = admin.post("/connect", Map.of("credential", "northwind", "companyId", "C-9999"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("There is no company C-9999.");
    }

    // --- helpers, also used by PortalSecurityTest ---

    /** Saves the simulated cloud's CSP credential "northwind" through the form. */
    static void addCredential(WebHost host, PortalClient admin) throws Exception {
        if (!admin.get("/credentials").body().contains("<td>northwind</td>")) {
            DemoCloud sim = host.simulation();
            HttpResponse<String> saved = admin.post(
                    "/credentials",
                    Map.of(
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
                            DemoCloud.CLIENT_ID,
                            "secret",
                            DemoCloud.SECRET,
                            "expires",
                            "2099-01-01",
                            "csp",
                            "true"));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(saved.body()).contains("Saved northwind");
        }
    }

    /**
     * Connects a new company through the consent page, approved by {@code tenantId}'s simulated administrator,
     * and returns its id once the status page shows it connected.
     */
    static String connect(WebHost host, PortalClient admin, String company, String tenantId) throws Exception {
        addCredential(host, admin);
        String outcome = finished(new PortalClient(host), consentRedirect(admin, company, tenantId));
        assertThat(outcome).contains("is connected.");
        Matcher id = Pattern.compile("/companies/(C-\\d+)\">"
                        + Pattern.quote(company.replace("<", "&lt;").replace(">", "&gt;")) + "<")
                .matcher(admin.get("/").body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    /** Posts "Connect a tenant" and walks the simulated consent page; returns the callback URL it redirects to. */
    static String consentRedirect(PortalClient admin, String company, String administrator) throws Exception {
        Map<String, String> form = administrator == null
                ? Map.of("credential", "northwind", "company", company)
                : Map.of("credential", "northwind", "company", company, "administrator", administrator);
        return consentRedirect(admin, form);
    }

    /** Posts this "Connect a tenant" form and walks the simulated consent page; returns the callback URL. */
    static String consentRedirect(PortalClient admin, Map<String, String> form) throws Exception {
        HttpResponse<String> connect = admin.post("/connect", form);
        assertThat(connect.statusCode()).as(connect.body()).isEqualTo(302);
        String consentPage = connect.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> answer = CONSENT_BROWSER.send(
                HttpRequest.newBuilder(URI.create(consentPage)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    /** The ids of the companies on the companies page. */
    static List<String> companyIds(PortalClient admin) throws Exception {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<td><a href=\"/companies/(C-\\d+)\">")
                .matcher(admin.get("/").body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** Opens the callback or status page and polls the status page until the check is over; returns that page. */
    static String finished(PortalClient browser, String callbackOrStatus) throws Exception {
        String status = callbackOrStatus;
        if (callbackOrStatus.contains(ConsentPages.CALLBACK)) {
            HttpResponse<String> callback = browser.get(callbackOrStatus);
            assertThat(callback.statusCode()).as(callback.body()).isEqualTo(303);
            status = callback.headers().firstValue("Location").orElseThrow();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            HttpResponse<String> page = browser.get(status);
            assertThat(page.statusCode()).isEqualTo(200);
            if (!page.body().contains("id=\"checking\"")) {
                return page.body();
            }
            assertThat(System.nanoTime()).as("the consent check ends").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
