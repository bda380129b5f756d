package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.entrasync.internal.auth.TokenService;
import dev.entrasync.internal.http.HttpStack;
import dev.entrasync.testkit.ExternalIssuer;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TestCertificate;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Certificate credentials and client-assertion callbacks (workload identity federation) through real MSAL4J
 * against the simulated token endpoint, which checks the assertion's signature, audience, issuer and times.
 * The simulated cloud runs on the system clock here, because MSAL4J stamps its assertions with it.
 */
class CredentialKindsTest {

    private static final Set<Dataset> DIRECTORY_ONLY =
            EnumSet.of(Dataset.DEVICES, Dataset.LICENSES, Dataset.TENANT_PROFILE);
    private static final char[] PASSWORD = "pfx-Password-NeverLogged".toCharArray();
    private static final String SUBJECT = "system:serviceaccount:sync:entra-sync";
    /** The host MSAL4J sees for a custom cloud (TokenService.CUSTOM_AUTHORITY_ALIAS), so the audience carries it. */
    private static final String MSAL_ALIAS_HOST = "login.custom.entrasync.invalid";

    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();
    private final SimulatedTenant contoso = sim.tenant("Contoso", 30);
    private final HttpStack http = new HttpStack(HttpSettings.ofDefaults());
    private final TokenService tokens =
            new TokenService(http.tokenClient(), sim.time, sim.time, GraphLimits.ofDefaults());
    private final Instant now = Instant.now();
    private final TestCertificate uploaded =
            TestCertificate.selfSigned("entra-sync msp", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    private final ExternalIssuer cluster = ExternalIssuer.create("https://oidc.aks.example.test/cluster-1/");

    CredentialKindsTest() {
        sim.cloud.acceptAssertionAudienceHost(MSAL_ALIAS_HOST);
        sim.app.addCertificate(uploaded.certificate());
        sim.app.addFederatedCredential(cluster.issuer(), SUBJECT, cluster.publicKey());
    }

    @AfterEach
    void close() {
        http.close();
        sim.close();
    }

    private AppCredential.Builder base() {
        return sim.credential(SimulatedCloudFixture.SECRET).toBuilder();
    }

    private AppCredential certificateCredential(TestCertificate certificate) {
        return base().certificate(ClientCertificate.fromPkcs12(certificate.pkcs12(PASSWORD), PASSWORD))
                .build();
    }

    private AppCredential assertionCredential(ClientAssertionProvider provider) {
        return base().assertionProvider(provider).build();
    }

    private SyncResult sync(AppCredential credential) {
        sim.credentials.save(credential);
        try (SyncEngine engine = sim.engine()) {
            return engine.sync("msp", TenantId.of(contoso.id()), DIRECTORY_ONLY);
        }
    }

    private static Form form(RecordedCall call) {
        return new Form(call.body());
    }

    @Test
    void syncsWithACertificateWhoseKeyMsalSignsTheAssertionWith() {
        SyncResult secretRun = sync(sim.credential(SimulatedCloudFixture.SECRET));
        int graphCallsWithSecret = sim.cloud.graphCalls().size();
        sim.cloud.clearCalls();

        SyncResult result = sync(certificateCredential(uploaded));

        assertThat(secretRun.succeeded()).isTrue();
        assertThat(result.succeeded()).as("%s", result).isTrue();
        assertThat(graphCallsWithSecret).isEqualTo(3); // devices, licenses, tenant profile: one page each
        assertThat(sim.cloud.graphCalls()).hasSize(graphCallsWithSecret);
        assertThat(sim.cloud.tokenCalls()).singleElement().satisfies(call -> {
            Form form = form(call);
            assertThat(form.get("client_secret")).isNull();
            assertThat(form.get("client_assertion_type"))
                    .isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
            String header = new String(
                    Base64.getUrlDecoder().decode(form.get("client_assertion").split("\\.")[0]),
                    StandardCharsets.UTF_8);
            // msal4j 1.26.1 signs RS256 and names the certificate by its SHA-256 thumbprint (x5t#S256)
            assertThat(header).contains("\"alg\":\"RS256\"").contains("\"x5t#S256\"");
            assertThat(call.status()).isEqualTo(200);
        });
    }

    @Test
    void loadsTheSameCertificateFromPem() {
        ClientCertificate fromPem = ClientCertificate.fromPem(uploaded.pem());
        ClientCertificate fromPkcs12 = ClientCertificate.fromPkcs12(uploaded.pkcs12(PASSWORD), PASSWORD);

        assertThat(fromPem).isEqualTo(fromPkcs12);
        assertThat(fromPem.notAfter())
                .isEqualTo(uploaded.certificate().getNotAfter().toInstant());
        assertThat(sync(base().certificate(fromPem).build()).succeeded()).isTrue();
    }

    @Test
    void syncsWithAnAssertionCallbackTrustedThroughAFederatedCredential() {
        AtomicInteger calls = new AtomicInteger();
        AppCredential credential = assertionCredential(() -> {
            calls.incrementAndGet();
            return cluster.token(SUBJECT, Instant.now(), Duration.ofHours(1));
        });

        SyncResult result = sync(credential);

        assertThat(result.succeeded()).as("%s", result).isTrue();
        assertThat(calls).hasValue(1);
        assertThat(sim.cloud.graphCalls()).hasSize(3);
        assertThat(sim.cloud.tokenCalls()).singleElement().satisfies(call -> {
            assertThat(form(call).get("client_secret")).isNull();
            assertThat(form(call).get("client_assertion")).startsWith("eyJ");
        });
        assertThat(credential.toString()).contains("clientAssertion=callback").doesNotContain("eyJ");
    }

    @Test
    void aCertificateNotUploadedIsRefusedWithAFixNamingItsThumbprint() {
        TestCertificate other = TestCertificate.selfSigned(
                "not uploaded", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        AppCredential credential = certificateCredential(other);

        TokenException e = catchThrowableOfType(TokenException.class, () -> tokens.token(credential, contoso.id()));

        assertThat(e.failure()).isEqualTo(TokenFailure.CERTIFICATE_NOT_REGISTERED);
        assertThat(e.aadstsCode()).contains(700027);
        assertThat(e.failure().isPermanent()).isTrue();
        String thumbprint = credential.certificate().thumbprint();
        assertThat(e.fix())
                .contains("Upload the certificate with thumbprint " + thumbprint)
                .contains(SimulatedCloudFixture.CLIENT_ID);
        assertThat(e.getMessage())
                .contains("AADSTS700027")
                .contains(thumbprint)
                .doesNotContain(new String(PASSWORD))
                .doesNotContain(Base64.getEncoder()
                        .encodeToString(other.privateKey().getEncoded())
                        .substring(0, 40));
        assertThat(sim.cloud.tokenCalls()).hasSize(1); // not retried
    }

    @Test
    void aCertificateExpiredOnTheAppRegistrationIsRefused() {
        TestCertificate expired =
                TestCertificate.selfSigned("expired", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)));
        sim.app.addCertificate(expired.certificate());

        TokenException e = catchThrowableOfType(
                TokenException.class, () -> tokens.token(certificateCredential(expired), contoso.id()));

        assertThat(e.failure()).isEqualTo(TokenFailure.CERTIFICATE_NOT_REGISTERED);
        assertThat(e.microsoftDescription())
                .hasValueSatisfying(d -> assertThat(d).contains("The key used is expired"));
    }

    @Test
    void anExpiredAssertionIsRefusedWithAFixForTheCallback() {
        AppCredential credential = assertionCredential(
                () -> cluster.token(SUBJECT, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)));

        TokenException e = catchThrowableOfType(TokenException.class, () -> tokens.token(credential, contoso.id()));

        assertThat(e.failure()).isEqualTo(TokenFailure.ASSERTION_EXPIRED);
        assertThat(e.aadstsCode()).contains(700024);
        assertThat(e.fix())
                .contains("callback of credential 'msp' returned an expired")
                .contains("fresh token");
        assertThat(e.getMessage()).doesNotContain("eyJ");
        assertThat(sim.cloud.tokenCalls()).hasSize(1);
    }

    @Test
    void anAssertionOfAnUnknownSubjectHasNoFederatedRecord() {
        AppCredential credential = assertionCredential(
                () -> cluster.token("system:serviceaccount:other:intruder", Instant.now(), Duration.ofHours(1)));

        TokenException e = catchThrowableOfType(TokenException.class, () -> tokens.token(credential, contoso.id()));

        assertThat(e.failure()).isEqualTo(TokenFailure.NO_FEDERATED_CREDENTIAL);
        assertThat(e.aadstsCode()).contains(70021);
        assertThat(e.fix()).contains("api://AzureADTokenExchange").contains(SimulatedCloudFixture.CLIENT_ID);
    }

    @Test
    void anAssertionSignedByAnotherKeyIsRefused() {
        ExternalIssuer forger = ExternalIssuer.create(cluster.issuer());
        AppCredential credential = assertionCredential(() -> forger.token(SUBJECT, Instant.now(), Duration.ofHours(1)));

        TokenException e = catchThrowableOfType(TokenException.class, () -> tokens.token(credential, contoso.id()));

        assertThat(e.aadstsCode()).contains(700027);
    }

    @Test
    void anAssertionForAnotherAudienceIsRefused() {
        AppCredential credential = assertionCredential(
                () -> cluster.token(SUBJECT, "api://some-other-api", Instant.now(), Duration.ofHours(1)));

        TokenException e = catchThrowableOfType(TokenException.class, () -> tokens.token(credential, contoso.id()));

        assertThat(e.aadstsCode()).contains(700212);
    }

    @Test
    void aCallbackThatThrowsOrReturnsNothingUsableFailsClearlyWithoutSendingOrQuotingIt() {
        String leaked = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl-LEAK";
        List<ClientAssertionProvider> hostile = List.of(
                () -> {
                    throw new IllegalStateException("could not read token " + leaked);
                },
                () -> null,
                () -> "   ",
                () -> "not a jwt but a secret " + leaked.replace('.', ' '),
                () -> {
                    throw new java.io.FileNotFoundException("/var/run/secrets/token " + leaked);
                });
        List<String> expected = List.of(
                "threw java.lang.IllegalStateException",
                "returned null",
                "returned an empty string",
                "not a signed JWT",
                "threw java.io.FileNotFoundException");

        for (int i = 0; i < hostile.size(); i++) {
            AppCredential credential = assertionCredential(hostile.get(i));
            TokenException e = catchThrowableOfType(TokenException.class, () -> tokens.token(credential, contoso.id()));

            assertThat(e.failure()).isEqualTo(TokenFailure.ASSERTION_CALLBACK_FAILED);
            assertThat(e.isTransient()).isFalse();
            assertThat(e.getMessage())
                    .contains(expected.get(i))
                    .doesNotContain("LEAK")
                    .doesNotContain("c2VjcmV0");
            assertThat(e.getCause()).isNull();
            tokens.forget("msp");
        }
        assertThat(sim.cloud.tokenCalls()).isEmpty();
    }

    @Test
    void toStringShowsTheThumbprintAndExpiryOnly() {
        AppCredential credential = certificateCredential(uploaded);
        String key = Base64.getEncoder().encodeToString(uploaded.privateKey().getEncoded());

        assertThat(credential.toString())
                .contains("certificate=" + credential.certificate().thumbprint())
                .contains("certificateExpiresAt=" + credential.certificate().notAfter())
                .doesNotContain(key.substring(20, 60))
                .doesNotContain(new String(PASSWORD));
        assertThat(credential.credentialExpiry())
                .contains(credential.certificate().notAfter());
        assertThat(credential.describeCredential())
                .isEqualTo("certificate " + credential.certificate().thumbprint());
    }

    /** The token request's form fields. */
    private record Form(String body) {
        String get(String name) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0
                        && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8)
                                .equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }
}
