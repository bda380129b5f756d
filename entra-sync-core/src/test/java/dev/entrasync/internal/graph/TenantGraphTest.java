package dev.entrasync.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.entrasync.AppCredential;
import dev.entrasync.GraphException;
import dev.entrasync.GraphLimits;
import dev.entrasync.HttpSettings;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.testkit.SimulatedTenant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request through the whole call path (admission, the SDK, classification, the retry policy) to the simulated cloud. */
class TenantGraphTest {

    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();
    private final GraphTransport transport = new GraphTransport(
            HttpSettings.ofDefaults(), GraphLimits.custom().maxAttempts(3).build(), sim.time, sim.time);

    @AfterEach
    void close() {
        transport.close();
        sim.close();
    }

    @Test
    void aRequestWhoseConnectionDropsEveryTimeGivesUpNamingTheAttemptsItMade() {
        SimulatedTenant tenant = sim.tenant("Contoso", 5);
        TenantGraph graph = transport.forTenant(sim.credential(SimulatedCloudFixture.SECRET), tenant.id());
        sim.cloud.faults().dropConnectionNext().dropConnectionNext().dropConnectionNext();

        GraphException e = catchThrowableOfType(
                GraphException.class,
                () -> graph.send(
                        GraphRequest.get(
                                graph.v1("organization?$select=id"), Priority.LOW, List.of("Organization.Read.All")),
                        body -> body.readAllBytes().length,
                        new RequestStats()));

        assertThat(sim.cloud.graphCalls()).hasSize(3);
        assertThat(sim.time.sleeps()).hasSize(2);
        assertThat(e)
                .hasMessageStartingWith("Graph could not be reached for /v1.0/organization?$select=id in tenant "
                        + tenant.id() + " after 3 attempts (");
        assertThat(e.isTransient()).isTrue();
    }

    @Test
    void tenantConcurrencyBoundsEveryoneOnTheRuntimeThatTalksToTheTenantTogether() {
        SimulatedTenant tenant = sim.tenant("Contoso", 5);
        AppCredential engines = sim.credential(SimulatedCloudFixture.SECRET);
        // Another credential of the same app (a second name, as a host may keep for a rotation): Graph counts
        // its requests against the same (app, tenant) budget, so one bound covers both.
        AppCredential onboardings = AppCredential.builder()
                .name("msp-onboarding")
                .cloud(sim.simulatedCloud())
                .homeTenant(SimulatedCloudFixture.HOME_TENANT)
                .clientId(SimulatedCloudFixture.CLIENT_ID)
                .secret(SimulatedCloudFixture.SECRET)
                .build();
        try (GraphTransport oneAtATime = new GraphTransport(
                        HttpSettings.ofDefaults(),
                        GraphLimits.custom().tenantConcurrency(1).build(),
                        sim.time,
                        sim.time);
                GraphTransport twoAtATime = new GraphTransport(
                        HttpSettings.ofDefaults(),
                        GraphLimits.custom().tenantConcurrency(2).build(),
                        sim.time,
                        sim.time)) {

            assertThat(anotherRequestMayStartWhileOneIsInFlight(oneAtATime, engines, onboardings, tenant))
                    .isFalse();
            assertThat(anotherRequestMayStartWhileOneIsInFlight(twoAtATime, engines, onboardings, tenant))
                    .isTrue();
        }
    }

    /**
     * Sends one request as {@code first} and, while its answer is read, asks whether {@code second} may send (has a
     * permit left on its tenant bound; asking by taking one would wait for it).
     */
    private static boolean anotherRequestMayStartWhileOneIsInFlight(
            GraphTransport transport, AppCredential first, AppCredential second, SimulatedTenant tenant) {
        TenantGraph engine = transport.forTenant(first, tenant.id());
        TenantGraph onboarding = transport.forTenant(second, tenant.id());
        assertThat(onboarding).isNotSameAs(engine);
        return engine.send(
                GraphRequest.get(engine.v1("organization?$select=id"), Priority.LOW, List.of("Organization.Read.All")),
                body -> onboarding.budget().concurrency().getMetrics().getAvailableConcurrentCalls() > 0,
                new RequestStats());
    }
}
