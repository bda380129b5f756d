package dev.entrasync.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.ClientCertificate;
import dev.entrasync.examples.support.DemoCloud;
import dev.entrasync.testkit.TestCertificate;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portal over plain HTTP (no browser needed): pages answer, bad input is refused with the reason, secrets never show. */
class WebHostTest {

    private final WebHost host = WebHost.builder()
            .port(0)
            .jdbcUrl("jdbc:h2:mem:web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .adminPassword(PortalClient.PASSWORD)
            .start();
    private final PortalClient admin = new PortalClient(host);

    @BeforeEach
    void login() throws Exception {
        admin.login();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private Map<String, String> credential(String name, String secret) {
        DemoCloud sim = host.simulation();
        return new HashMap<>(Map.of(
                "name",
                name,
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
                secret,
                "expires",
                "2099-01-01",
                "csp",
                "true"));
    }

    @Test
    void savesACertificateCredentialPastedAsPemAndShowsOnlyItsThumbprint() throws Exception {
        Instant now = Instant.now();
        TestCertificate certificate =
                TestCertificate.selfSigned("portal", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(45)));
        String thumbprint = ClientCertificate.fromPem(certificate.pem()).thumbprint();
        Map<String, String> form = credential("northwind", "");
        form.put("certificatePem", certificate.pem());
        Map<String, String> both = credential("northwind", "a-secret-too");
        both.put("certificatePem", certificate.pem());

        HttpResponse<String> refused = admin.post("/credentials", both);
        HttpResponse<String> saved = admin.post("/credentials", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("either the client secret").doesNotContain("PRIVATE KEY");
        assertThat(saved.statusCode()).isEqualTo(200);
        String page = admin.get("/credentials").body();
        String key = certificate
                .pem()
                .lines()
                .filter(l -> !l.startsWith("-----"))
                .findFirst()
                .orElseThrow();
        assertThat(page)
                .contains("certificate " + thumbprint)
                .contains("in 44 days")
                .doesNotContain(key)
                .doesNotContain("PRIVATE KEY");
        assertThat(saved.body()).doesNotContain(key);
    }

    @Test
    void servesEveryPageBeforeAnythingIsConnected() throws Exception {
        for (String path : new String[] {"/", "/credentials", "/connect", "/discover", "/jobs"}) {
            assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(admin.get("/").body()).contains("No companies yet");
        assertThat(admin.get("/jobs").body()).contains("No jobs yet");
    }

    @Test
    void savesACredentialAndNeverShowsItsSecret() throws Exception {
        String secret = "portal-test-secret-value-0123456789";

        HttpResponse<String> saved = admin.post("/credentials", credential("northwind", secret));

        assertThat(saved.statusCode()).isEqualTo(200);
        // checked at once: the partner tenant has not consented yet, so Microsoft refuses the token, in words
        assertThat(saved.body())
                .contains("Saved northwind, but Microsoft refused a token for your home tenant")
                .contains("AADSTS700016")
                .doesNotContain(secret);
        String page = admin.get("/credentials").body();
        assertThat(page).contains("northwind").contains(DemoCloud.CLIENT_ID).doesNotContain(secret);
    }

    @Test
    void refusesABadCredentialNamingTheField() throws Exception {
        HttpResponse<String> refused = admin.post(
                "/credentials",
                Map.of(
                        "name",
                        "x",
                        "cloud",
                        "custom",
                        "loginUrl",
                        "http://login.example.com",
                        "graphUrl",
                        "http://graph.example.com",
                        "homeTenant",
                        "contoso.onmicrosoft.com",
                        "clientId",
                        DemoCloud.CLIENT_ID,
                        "secret",
                        "s"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Not saved: The login URL is not valid: plain http:// is allowed only on a loopback address");
    }

    @Test
    void refusesACredentialNameThatCouldForgeALogLineAndSavesNothing() throws Exception {
        HttpResponse<String> lineBreak = admin.post(
                "/credentials",
                credential("northwind\nINFO Rotated the client secret of credential 'admin'", "s3cret-value"));
        HttpResponse<String> bidi = admin.post("/credentials", credential("northwind\u202Edniw", "s3cret-value"));
        HttpResponse<String> tooLong = admin.post("/credentials", credential("n".repeat(101), "s3cret-value"));

        assertThat(lineBreak.statusCode()).isEqualTo(400);
        assertThat(lineBreak.body())
                .contains("Not saved: The name must not contain control, line-break or invisible"
                        + " formatting characters, found U+000A at character 10");
        assertThat(bidi.statusCode()).isEqualTo(400);
        assertThat(bidi.body()).contains("found U+202E");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Not saved: The name must be at most 100 characters, was 101");
        assertThat(admin.get("/credentials").body()).contains("No credential yet");
    }

    @Test
    void savingACredentialChecksItWithATokenForTheHomeTenant() throws Exception {
        String fabrikam = host.simulation().fabrikam().id();
        ConsentPagesTest.connect(host, admin, "Fabrikam Ltd", fabrikam); // Fabrikam has consented to the app
        Map<String, String> form = credential("fabrikam-app", DemoCloud.SECRET);
        form.put("homeTenant", fabrikam);
        form.put("csp", "false");

        HttpResponse<String> saved = admin.post("/credentials", form);

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body())
                .contains("Saved fabrikam-app and checked it: Microsoft issued a token for your home tenant " + fabrikam
                        + ".");
    }

    @Test
    void refusesAnEmptyOrMalformedFieldInASentence() throws Exception {
        Map<String, String> noSecret = credential("northwind", "");
        Map<String, String> noClient = credential("northwind", "s3cret-value");
        noClient.put("clientId", " ");
        Map<String, String> badDate = credential("northwind", "s3cret-value");
        badDate.put("expires", "next year");

        HttpResponse<String> secret = admin.post("/credentials", noSecret);
        HttpResponse<String> client = admin.post("/credentials", noClient);
        HttpResponse<String> date = admin.post("/credentials", badDate);

        assertThat(secret.statusCode()).isEqualTo(400);
        assertThat(secret.body())
                .contains("Not saved: Enter the client secret&#39;s value")
                .doesNotContain("must not be empty")
                .doesNotContain("secret: must");
        assertThat(client.body()).contains("Not saved: Enter the application (client) id");
        assertThat(date.body()).contains("must be written as year-month-day, e.g. 2027-06-30.");
        assertThat(CredentialsPage.sentence("clientId: must not be empty"))
                .isEqualTo("The client ID must not be empty.");
        assertThat(CredentialsPage.sentence("graphUrl: not a URL")).isEqualTo("The graph URL is not valid: not a URL.");
        assertThat(admin.get("/credentials").body()).contains("No credential yet");
    }

    @Test
    void rejectsAForgedConsentCallback() throws Exception {
        String outcome = ConsentPagesTest.finished(
                new PortalClient(host),
                host.url() + "/consent/callback?admin_consent=True&tenant="
                        + host.simulation().contoso().id() + "&state=forged");

        assertThat(outcome).contains("Consent not completed").contains("state");
    }
}
