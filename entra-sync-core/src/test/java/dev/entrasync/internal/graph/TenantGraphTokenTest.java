package dev.entrasync.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.entrasync.GraphLimits;
import dev.entrasync.HttpSettings;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.TokenException;
import dev.entrasync.TokenFailure;
import dev.entrasync.testkit.SimulatedTenant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A token refused while a Graph request is being authenticated surfaces typed, and is not retried as a network failure. */
class TenantGraphTokenTest {

    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();
    private final GraphTransport transport =
            new GraphTransport(HttpSettings.ofDefaults(), GraphLimits.ofDefaults(), sim.time, sim.time);

    @AfterEach
    void close() {
        transport.close();
        sim.close();
    }

    @Test
    void anExpiredSecretDuringARequestIsATokenExceptionAfterOneTokenCall() {
        SimulatedTenant tenant = sim.tenant("Contoso", 5);
        sim.app.expireSecret(SimulatedCloudFixture.SECRET);
        TenantGraph graph = transport.forTenant(sim.credential(SimulatedCloudFixture.SECRET), tenant.id());

        TokenException e = catchThrowableOfType(
                TokenException.class,
                () -> graph.send(
                        GraphRequest.get(
                                graph.v1("organization?$select=id"), Priority.LOW, List.of("Organization.Read.All")),
                        body -> body.readAllBytes().length,
                        new RequestStats()));

        assertThat(e.failure()).isEqualTo(TokenFailure.SECRET_EXPIRED);
        assertThat(sim.cloud.tokenCalls()).hasSize(1);
        assertThat(sim.cloud.graphCalls()).isEmpty();
        assertThat(sim.time.sleeps()).isEmpty();
    }
}
