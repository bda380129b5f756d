package dev.entrasync.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.AppCredential;
import dev.entrasync.GraphLimits;
import dev.entrasync.HttpSettings;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The call on its own: one request through the Graph SDK's adapter to the simulated cloud, sent once. */
class GraphCallTest {

    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();
    private final GraphTransport transport =
            new GraphTransport(HttpSettings.ofDefaults(), GraphLimits.ofDefaults(), sim.time, sim.time);
    private final SimulatedTenant tenant = sim.tenant("Contoso", 5);
    private final AppCredential credential = sim.credential(SimulatedCloudFixture.SECRET);
    private final AtomicInteger tokensAsked = new AtomicInteger();
    private final Supplier<String> token = () -> {
        tokensAsked.incrementAndGet();
        return transport.tokens().token(credential, tenant.id()).value();
    };
    private final GraphCall call =
            new GraphCall(credential.cloud().graphUrl(), token, transport.http().graphClient());

    @AfterEach
    void close() {
        transport.close();
        sim.close();
    }

    private URI graph(String path) {
        return URI.create(sim.cloud.graphUrl() + "/v1.0/" + path);
    }

    @Test
    void sendsTheRequestOnceWithItsPriorityAndTheTokenAndHandsOverTheAnswer() {
        String body = call.send(GraphRequest.get(graph("organization?$select=id"), Priority.HIGH, List.of()), reply -> {
            try {
                return reply.status() + " " + reply.text();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertThat(body).startsWith("200 ").contains(tenant.id());
        assertThat(sim.cloud.graphCalls()).hasSize(1);
        RecordedCall sent = sim.cloud.graphCalls().get(0);
        assertThat(sent.headers())
                .containsEntry("x-ms-throttle-priority", Priority.HIGH.header())
                .containsEntry("accept", "application/json");
        assertThat(sent.headers().get("authorization")).startsWith("Bearer ");
        assertThat(tokensAsked).hasValue(1);
    }

    @Test
    void aRedirectIsHandedOverAsItIsAndNotFollowed() {
        sim.cloud.faults().redirectNext("https://elsewhere.example/v1.0/users");

        String location = call.send(
                GraphRequest.get(graph("users"), Priority.LOW, List.of()),
                reply -> reply.status() + " " + reply.header("Location"));

        assertThat(location).isEqualTo("302 https://elsewhere.example/v1.0/users");
        assertThat(sim.cloud.graphCalls()).hasSize(1);
    }

    @Test
    void aRequestOffGraphsOriginCarriesNoTokenAndNoTokenIsFetchedForIt() {
        URI login = URI.create(sim.cloud.loginUrl() + "/" + tenant.id() + "/v2.0/.well-known/openid-configuration");

        int status = call.send(GraphRequest.get(login, Priority.LOW, List.of()), ResponseClassifier.Reply::status);

        assertThat(status).isPositive();
        assertThat(tokensAsked).hasValue(0);
        assertThat(sim.cloud.calls())
                .singleElement()
                .satisfies(c -> assertThat(c.headers()).doesNotContainKey("authorization"));
    }
}
