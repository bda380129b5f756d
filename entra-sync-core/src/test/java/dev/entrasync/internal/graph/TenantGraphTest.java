package dev.entrasync.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
    private final GraphTransport transport = new GraphTransport(HttpSettings.ofDefaults(),
            GraphLimits.custom().maxAttempts(3).build(), sim.time, sim.time);

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

        GraphException e = catchThrowableOfType(GraphException.class, () -> graph.send(
                GraphRequest.get(graph.v1("organization?$select=id"), Priority.LOW, List.of("Organization.Read.All")),
                body -> body.readAllBytes().length, new RequestStats()));

        assertThat(sim.cloud.graphCalls()).hasSize(3);
        assertThat(sim.time.slept()).hasSize(2);
        assertThat(e).hasMessageStartingWith("Graph could not be reached for /v1.0/organization?$select=id in tenant "
                + tenant.id() + " after 3 attempts (");
        assertThat(e.isTransient()).isTrue();
    }
}
