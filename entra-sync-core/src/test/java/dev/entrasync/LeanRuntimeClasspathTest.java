package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.mail.MailMessage;
import dev.entrasync.onboarding.ConsentResult;
import dev.entrasync.onboarding.InMemoryConsentStore;
import dev.entrasync.onboarding.Onboarding;
import dev.entrasync.onboarding.PreflightReport;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * entra-sync-core's runtime classpath leaves out what the Graph core brings but never calls (Azure Identity's
 * stack, Gson, two JWT stacks, Guava): this test runs on exactly that classpath (core's tests add only the
 * testkit, JUnit, AssertJ and Logback, none of which brings them back) and drives the engine, onboarding
 * and mail over HTTPS, through MSAL4J and the Graph SDK, against the simulated cloud.
 */
class LeanRuntimeClasspathTest {

    private static final String CLIENT_ID = "6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a";
    private static final String SECRET = "Lean~Runtime.Secret-0123456789";
    private static final String FROM = "reports@northwind.example";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "com.google.gson.Gson",
                "com.azure.core.http.HttpClient",
                "reactor.core.publisher.Mono",
                "io.jsonwebtoken.Jwts",
                "com.auth0.jwk.JwkProvider",
                "com.google.common.collect.ImmutableList",
                "com.microsoft.kiota.serialization.JsonParseNodeFactory",
                "com.azure.xml.XmlReader"
            })
    void theLibrariesLeftOutAreNotOnTheClasspath(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void engineOnboardingAndMailWorkOverHttpsWithoutThem() throws Exception {
        try (SimulatedCloud microsoft = SimulatedCloud.startHttps()) {
            microsoft.registerApp(CLIENT_ID, SECRET);
            SimulatedTenant home = microsoft.addTenant(
                    TenantBuilder.create("Northwind MSP").seed(3).users(5).build());
            home.users()
                    .add(Map.of(
                            "userPrincipalName", FROM, "displayName", "Reports", "accountEnabled", true, "mail", FROM));
            home.consent(microsoft.app(CLIENT_ID), Permissions.MAIL_SEND);
            SimulatedTenant contoso = microsoft.addTenant(
                    TenantBuilder.create("Contoso").seed(1).users(120).build());
            contoso.consent(microsoft.app(CLIENT_ID), Permissions.allRead());
            assertThat(microsoft.loginUrl()).startsWith("https://");

            InMemoryCredentialStore credentials = new InMemoryCredentialStore();
            credentials.save(AppCredential.builder()
                    .name("msp")
                    .cloud(Cloud.custom(microsoft.loginUrl(), microsoft.graphUrl()))
                    .homeTenant(home.id())
                    .clientId(CLIENT_ID)
                    .secret(SECRET)
                    .build());
            HttpSettings https = HttpSettings.custom()
                    .tls(microsoft.tls().socketFactory(), microsoft.tls().trustManager())
                    .build();
            TenantId tenant = TenantId.of(contoso.id());
            InMemoryTenantMapper companies = new InMemoryTenantMapper();
            companies.map(
                    new TenantMapping("acme", tenant, "msp", "Contoso", null, EnumSet.allOf(Dataset.class), false));
            InMemoryDatasetSink sink = new InMemoryDatasetSink();

            try (EntraSync entra =
                    EntraSync.builder().credentials(credentials).http(https).build()) {
                Onboarding onboarding = entra.onboarding()
                        .consents(new InMemoryConsentStore())
                        .stateKey("0123456789abcdef0123456789abcdef-lean".getBytes(StandardCharsets.US_ASCII))
                        .redirectUri("https://rmm.example.com/entra/consent")
                        .build();
                ConsentResult consent = onboarding.consent().verify("msp", tenant, "acme");
                PreflightReport preflight = onboarding.preflight().check("msp", tenant, EnumSet.allOf(Dataset.class));
                SyncJob job;
                try (SyncEngine engine =
                        entra.engine().tenants(companies).sink(sink).build()) {
                    job = engine.await(engine.syncNowForCompany("acme").id(), Duration.ofMinutes(2));
                }
                entra.mail()
                        .send(
                                "msp",
                                MailMessage.text(
                                        FROM,
                                        List.of("noc@northwind.example"),
                                        "Contoso synced",
                                        job.status().toString()));

                assertThat(consent).isInstanceOf(ConsentResult.Granted.class);
                assertThat(preflight.ok()).as("preflight: %s", preflight).isTrue();
                assertThat(job.status()).as("job: %s", job).isEqualTo(JobStatus.SUCCEEDED);
                assertThat(sink.records(tenant, Dataset.USERS))
                        .hasSize(contoso.users().size());
                assertThat(microsoft.sentMail())
                        .singleElement()
                        .satisfies(m -> assertThat(m.subject()).isEqualTo("Contoso synced"));
            }
        }
    }
}
