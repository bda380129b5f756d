package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.GraphLimits;
import dev.entrasync.model.EntraRole;
import dev.entrasync.testkit.ContosoFixture;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Role members travel 20 to a {@code $batch}; a throttled item is resent alone after its Retry-After, the rest never. */
class BatchThrottlingTest {

    private final DatasetsFixture fx = new DatasetsFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aThrottledBatchItemIsResentAloneAfterItsRetryAfter() throws Exception {
        SimulatedTenant tenant = fx.tenant(ContosoFixture.build());
        List<String> roleIds = fx.probe(tenant).list("directoryRoles").stream()
                .map(r -> r.get("id").asText())
                .toList();
        String throttled = "/v1.0/directoryRoles/" + ContosoFixture.HELPDESK_ROLE_ID + "/members";
        fx.sim.cloud.clearCalls();
        fx.sim.cloud.faults().forPath(throttled).throttleNext(1, 2.5);

        DatasetResult roles =
                fx.sync(tenant, Set.of(Dataset.ROLES)).dataset(Dataset.ROLES).orElseThrow();

        assertThat(roles.status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        assertThat(roles.requests()).isEqualTo(3);
        assertThat(roles.throttledResponses()).isEqualTo(1);
        assertThat(roles.retryAfterWaited()).isEqualTo(Duration.ofMillis(2500));
        List<RecordedCall> items = fx.sim.cloud.graphCalls().stream()
                .filter(RecordedCall::batchItem)
                .toList();
        assertThat(items).hasSize(roleIds.size() + 1);
        assertThat(items.stream().filter(c -> c.path().equals(throttled)).map(RecordedCall::status))
                .containsExactly(429, 200);
        assertThat(items.stream().map(RecordedCall::path).distinct()).hasSize(roleIds.size());
        List<RecordedCall> batches = fx.httpCalls().stream()
                .filter(c -> c.path().equals("/v1.0/$batch"))
                .toList();
        assertThat(batches).hasSize(2);
        JsonNode resent = new ObjectMapper().readTree(batches.get(1).body()).get("requests");
        assertThat(resent)
                .singleElement()
                .satisfies(r -> assertThat(r.get("url").asText()).isEqualTo(throttled.substring("/v1.0".length())));
        EntraRole helpdesk = fx.<EntraRole>records(tenant, Dataset.ROLES).stream()
                .filter(r -> r.id().equals(ContosoFixture.HELPDESK_ROLE_ID))
                .findFirst()
                .orElseThrow();
        assertThat(helpdesk.members()).isNotEmpty();
        assertThat(fx.records(tenant, Dataset.ROLES)).hasSize(roleIds.size());
    }

    @Test
    void aBatchItemAnswered503WithRetryAfterIsThrottledLikeARequestAndDoesNotSpendTheFailureBudget() {
        fx.limits = GraphLimits.custom().maxAttempts(2).build();
        SimulatedTenant tenant = fx.tenant(ContosoFixture.build());
        String unavailable = "/v1.0/directoryRoles/" + ContosoFixture.HELPDESK_ROLE_ID + "/members";
        fx.sim.cloud.faults().forPath(unavailable).unavailableNext(3, 1.5);

        DatasetResult roles =
                fx.sync(tenant, Set.of(Dataset.ROLES)).dataset(Dataset.ROLES).orElseThrow();

        assertThat(roles.status()).as(roles.error()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        assertThat(roles.retryAfterWaited()).isEqualTo(Duration.ofMillis(4500));
        assertThat(roles.unavailableResponses()).isEqualTo(3);
        assertThat(fx.sim.cloud.graphCalls().stream()
                        .filter(c -> c.batchItem() && c.path().equals(unavailable))
                        .map(RecordedCall::status))
                .containsExactly(503, 503, 503, 200);
    }
}
