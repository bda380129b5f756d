package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.onboarding.ConsentResult;
import dev.entrasync.onboarding.InMemoryConsentStore;
import dev.entrasync.onboarding.Onboarding;
import dev.entrasync.onboarding.PreflightReport;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.spi.SyncScheduler;
import dev.entrasync.spi.SyncTasks;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One {@link EntraSync} runtime per host: onboarding, the engine and mail share its token cache and its
 * budgets, through MSAL4J and the Graph SDK against the simulated cloud on fake time.
 */
class EntraSyncTest {

    private static final byte[] STATE_KEY =
            "0123456789abcdef0123456789abcdef-host-key".getBytes(StandardCharsets.US_ASCII);
    private static final String NEW_SECRET = "Nw9~Rotated.Secret-AlsoNeverLogged_9876543210";
    /** Datasets read with plain requests (no {@code $batch}), all on the directory budget. */
    private static final Set<Dataset> DIRECTORY_ONLY =
            EnumSet.of(Dataset.DEVICES, Dataset.LICENSES, Dataset.TENANT_PROFILE);
    /** A tenant budget of 2 requests at once, then one every 5 seconds, one request in flight. */
    private static final GraphLimits SLOW = GraphLimits.custom()
            .tenantRequestsPerSecond(0.2)
            .tenantBurst(2)
            .tenantConcurrency(1)
            .globalConcurrency(64)
            .build();

    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();
    private final SimulatedTenant contoso = sim.tenant("Contoso", 30);

    EntraSyncTest() {
        sim.cloud.clock(sim.time); // the cloud stamps arrivals on the same fake time the budgets run on
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private EntraSync runtime(GraphLimits limits) {
        return sim.runtime(limits);
    }

    private Onboarding onboarding(EntraSync entra) {
        return entra.onboarding()
                .consents(new InMemoryConsentStore(sim.time))
                .stateKey(STATE_KEY)
                .redirectUri("https://rmm.example.com/entra/consent")
                .build();
    }

    private SyncEngine engine(EntraSync entra) {
        return entra.engine().tenants(sim.mapper).sink(sim.sink).jobs(sim.jobs).build();
    }

    private List<RecordedCall> tokenCalls(SimulatedTenant tenant) {
        return sim.cloud.tokenCalls().stream()
                .filter(c -> c.path().contains("/" + tenant.id() + "/"))
                .toList();
    }

    @Test
    void oneRuntimeFetchesATenantsTokenOnceForConsentPreflightAndSync() {
        EntraSync entra = runtime(GraphLimits.ofDefaults());
        Onboarding onboarding = onboarding(entra);
        TenantId tenant = TenantId.of(contoso.id());

        ConsentResult consent = onboarding.consent().verify("msp", tenant, "acme");
        PreflightReport preflight = onboarding.preflight().check("msp", tenant, EnumSet.allOf(Dataset.class));
        SyncResult sync;
        try (SyncEngine engine = engine(entra)) {
            sync = engine.sync("msp", tenant, DIRECTORY_ONLY);
        }

        assertThat(consent).isInstanceOf(ConsentResult.Granted.class);
        assertThat(preflight.tokenIssued()).isTrue();
        assertThat(sync.succeeded()).isTrue();
        assertThat(tokenCalls(contoso)).hasSize(1);
    }

    @Test
    void onboardingAndTheEnginePaceATenantOnOneBudget() {
        EntraSync entra = runtime(SLOW);
        Onboarding onboarding = onboarding(entra);
        TenantId tenant = TenantId.of(contoso.id());

        PreflightReport preflight = onboarding.preflight().check("msp", tenant, EnumSet.allOf(Dataset.class));
        SyncResult sync;
        try (SyncEngine engine = engine(entra)) {
            sync = engine.sync("msp", tenant, DIRECTORY_ONLY);
        }

        assertThat(preflight.tokenIssued()).isTrue();
        assertThat(preflight.entraIdP1()).isTrue(); // its probe is a directory request to the tenant
        assertThat(sync.succeeded()).isTrue();
        List<Instant> arrivals = sim.cloud.graphCalls().stream()
                .filter(c -> contoso.id().equals(c.tenantId()) && !c.batchItem())
                .map(RecordedCall::timestamp)
                .toList();
        assertThat(arrivals).as("%s", sim.cloud.graphCalls()).hasSizeGreaterThan(3);
        // A budget of burst 2 at 0.2 requests per second lets at most 2 requests arrive in any one second.
        // With a budget for onboarding and another for the engine, the engine's first two would arrive
        // in the same second as onboarding's last.
        for (Instant start : arrivals) {
            long inOneSecond = arrivals.stream()
                    .filter(t -> !t.isBefore(start) && t.isBefore(start.plus(Duration.ofSeconds(1))))
                    .count();
            assertThat(inOneSecond)
                    .as("requests to the tenant in the second from %s: %s", start, arrivals)
                    .isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aSecretRotationReplacesTheTokenTheEngineUses() {
        EntraSync entra = runtime(GraphLimits.ofDefaults());
        Onboarding onboarding = onboarding(entra);
        sim.cloud
                .addTenant(dev.entrasync.testkit.TenantBuilder.create("Northwind MSP")
                        .tenantId(SimulatedCloudFixture.HOME_TENANT)
                        .users(1)
                        .build())
                .consent(sim.app, Permissions.MAIL_SEND);
        TenantId tenant = TenantId.of(contoso.id());
        try (SyncEngine engine = engine(entra)) {
            assertThat(engine.sync("msp", tenant, DIRECTORY_ONLY).succeeded()).isTrue();
            sim.app.addSecret(NEW_SECRET);

            onboarding
                    .secrets()
                    .rotate(
                            "msp",
                            ClientSecret.of(NEW_SECRET),
                            sim.time.instant().plus(Duration.ofDays(180)));
            sim.app.removeSecret(SimulatedCloudFixture.SECRET);
            SyncResult after = engine.sync("msp", tenant, DIRECTORY_ONLY);

            assertThat(after.succeeded()).isTrue();
        }
        List<RecordedCall> tokens = tokenCalls(contoso);
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(0).body()).contains("client_secret=" + encoded(SimulatedCloudFixture.SECRET));
        assertThat(tokens.get(1).body()).contains("client_secret=" + encoded(NEW_SECRET));
    }

    @Test
    void aReConsentReplacesTheTokenTheEngineCachedAndTheEngineUsesTheNewOne() {
        SimulatedTenant fabrikam = sim.cloud.addTenant(dev.entrasync.testkit.TenantBuilder.create("Fabrikam")
                .seed(7)
                .users(10)
                .build());
        fabrikam.consent(sim.app, Permissions.DEVICE_READ_ALL);
        EntraSync entra = runtime(GraphLimits.ofDefaults());
        Onboarding onboarding = onboarding(entra);
        TenantId tenant = TenantId.of(fabrikam.id());
        try (SyncEngine engine = engine(entra)) {
            assertThat(engine.sync("msp", tenant, EnumSet.of(Dataset.DEVICES)).succeeded())
                    .isTrue();

            fabrikam.consent(sim.app, Permissions.allRead()); // the administrator grants more
            ConsentResult consent = onboarding.consent().verify("msp", tenant, "fabrikam");
            SyncResult after = engine.sync("msp", tenant, DIRECTORY_ONLY);

            assertThat(consent)
                    .isInstanceOfSatisfying(
                            ConsentResult.Granted.class,
                            g -> assertThat(g.consent().permissions()).contains(Permissions.ORGANIZATION_READ_ALL));
            assertThat(after.succeeded()).isTrue();
        }
        assertThat(tokenCalls(fabrikam)).hasSize(2);
    }

    @Test
    void mailUsesTheTokenOnboardingFetchedForTheHomeTenant() {
        SimulatedTenant home = sim.cloud.addTenant(dev.entrasync.testkit.TenantBuilder.create("Northwind MSP")
                .tenantId(SimulatedCloudFixture.HOME_TENANT)
                .users(1)
                .build());
        home.consent(sim.app, Permissions.MAIL_SEND);
        String sender = (String) home.users().list().get(0).get("userPrincipalName");
        EntraSync entra = runtime(GraphLimits.ofDefaults());

        ConsentResult consent = onboarding(entra).consent().verify("msp", TenantId.of(home.id()), null);
        entra.mail()
                .send(
                        "msp",
                        dev.entrasync.mail.MailMessage.text(
                                sender, List.of("ops@northwind.example"), "Contoso: sync failing", "..."));

        assertThat(consent).isInstanceOf(ConsentResult.Granted.class);
        assertThat(sim.cloud.sentMail()).hasSize(1);
        assertThat(tokenCalls(home)).hasSize(1);
        assertThat(entra.mail()).isSameAs(entra.mail());
    }

    @Test
    void closingAnEngineLeavesTheRuntimeOpenAndClosingTheRuntimeClosesItsEngines() {
        EntraSync entra = runtime(GraphLimits.ofDefaults());
        TenantId tenant = TenantId.of(contoso.id());
        SyncEngine first = engine(entra);
        first.close();

        SyncEngine second = engine(entra);
        assertThat(second.sync("msp", tenant, DIRECTORY_ONLY).succeeded()).isTrue();
        entra.close();

        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(entra::engine)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The EntraSync runtime is closed; build a new one with EntraSync.builder()");
        assertThatThrownBy(entra::onboarding).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(entra::mail).isInstanceOf(IllegalStateException.class);
        entra.close(); // idempotent
    }

    @Test
    void theEngineBuilderNamesTheMissingSink() {
        EntraSync entra = runtime(GraphLimits.ofDefaults());

        assertThatThrownBy(() -> entra.engine().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("EntraSync.engine() is missing sink(DatasetSink)");
    }

    @Test
    void theEngineBuilderRefusesAnExecutorThatTheSchedulerGivenWouldNeverUse() {
        EntraSync entra = runtime(GraphLimits.ofDefaults());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            SyncScheduler scheduler = new SyncScheduler() {
                @Override
                public void attach(SyncTasks tasks) {}

                @Override
                public void start() {}

                @Override
                public void submit(SyncJob job) {}

                @Override
                public void close() {}
            };

            assertThatThrownBy(() -> entra.engine()
                            .sink(sim.sink)
                            .executor(executor)
                            .scheduler(scheduler)
                            .build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("EntraSync.engine() has both executor(...) and scheduler(...)")
                    .hasMessageEndingWith("Drop executor(...).");
        } finally {
            executor.shutdownNow();
        }
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
