package dev.entrasync.testkit;

import static dev.entrasync.testkit.GraphUsersTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class BatchTest {
    private static final String CLIENT_ID = "6c2f1a1e-2a5b-4c1d-9e3f-0a1b2c3d4e5f";
    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimClient client = new SimClient(cloud);
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, "secret");
    private final SimulatedTenant contoso =
            cloud.addTenant(TenantBuilder.create("Contoso").seed(4).users(40).build());
    private String token;

    @BeforeEach
    void consent() {
        contoso.consent(app, Permissions.allRead());
        token = client.token(contoso.id(), CLIENT_ID, "secret");
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private String batchOfRoleMembers(int count) {
        List<Map<String, Object>> roles =
                values(client.get(token, "/v1.0/directoryRoles").json());
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add("{\"id\":\"" + (i + 1) + "\",\"method\":\"GET\",\"url\":\"/directoryRoles/"
                    + roles.get(i % roles.size()).get("id") + "/members?$select=id,displayName\"}");
        }
        return "{\"requests\":[" + String.join(",", requests) + "]}";
    }

    @Test
    void runsEachItemThroughTheSameHandlers() {
        String batch = batchOfRoleMembers(3);
        cloud.clearCalls();

        SimClient.Reply reply = client.post(token, "/v1.0/$batch", batch);

        assertThat(reply.status()).isEqualTo(200);
        List<Map<String, Object>> responses =
                (List<Map<String, Object>>) reply.json().get("responses");
        assertThat(responses).extracting(r -> r.get("id")).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo(200);
            assertThat((Map<String, Object>) r.get("body")).containsKey("value");
        });
        assertThat(cloud.graphCalls())
                .filteredOn(RecordedCall::batchItem)
                .hasSize(3)
                .allSatisfy(c -> assertThat(c.path()).startsWith("/v1.0/directoryRoles/"));
        assertThat(cloud.graphCalls())
                .filteredOn(c -> !c.batchItem())
                .singleElement()
                .satisfies(c -> assertThat(c.path()).isEqualTo("/v1.0/$batch"));
    }

    @Test
    void throttlesInnerItemsIndividually() {
        cloud.faults().forPath("/v1.0/directoryRoles/").throttleNext(1, 3.5);

        List<Map<String, Object>> responses = (List<Map<String, Object>>)
                client.post(token, "/v1.0/$batch", batchOfRoleMembers(2)).json().get("responses");

        assertThat(responses)
                .filteredOn(r -> r.get("status").equals(429))
                .singleElement()
                .satisfies(
                        r -> assertThat((Map<String, Object>) r.get("headers")).containsEntry("Retry-After", "3.5"));
        assertThat(responses).filteredOn(r -> r.get("status").equals(200)).hasSize(1);
    }

    @Test
    void rejectsTooManyAndDuplicateIds() {
        SimClient.Reply tooMany = client.post(token, "/v1.0/$batch", batchOfRoleMembers(21));
        SimClient.Reply duplicate = client.post(
                token,
                "/v1.0/$batch",
                "{\"requests\":["
                        + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users\"},"
                        + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/groups\"}]}");

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(client.post(token, "/v1.0/$batch", batchOfRoleMembers(20)).status())
                .isEqualTo(200);
    }

    @Test
    void failedDependencyGives424() {
        SimClient.Reply reply = client.post(
                token,
                "/v1.0/$batch",
                "{\"requests\":["
                        + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users?$select=nope\"},"
                        + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/groups\",\"dependsOn\":[\"1\"]}]}");

        List<Map<String, Object>> responses =
                (List<Map<String, Object>>) reply.json().get("responses");
        assertThat(responses).extracting(r -> r.get("status")).containsExactlyInAnyOrder(400, 424);
    }
}
