package dev.entrasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingTest {
    private static final String CLIENT_ID = "6c2f1a1e-2a5b-4c1d-9e3f-0a1b2c3d4e5f";
    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimClient client = new SimClient(cloud);
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, "secret");
    private final SimulatedTenant contoso =
            cloud.addTenant(TenantBuilder.create("Contoso").users(120).build());

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void recordsGraphCallsWithDecodedQueryAndLowerCaseHeaders() {
        contoso.consent(app, Permissions.USER_READ_ALL);
        String token = client.token(contoso.id(), CLIENT_ID, "secret");
        cloud.clearCalls();

        SimClient.call(new Request.Builder()
                .url(cloud.graphUrl() + "/v1.0/users?$select=displayName,userType&$filter=userType%20eq%20'Guest'")
                .header("Authorization", "Bearer " + token)
                .header("ConsistencyLevel", "eventual")
                .header("client-request-id", "abc")
                .build());

        RecordedCall call = cloud.graphCalls().get(0);
        assertThat(cloud.calls()).hasSize(1);
        assertThat(call.server()).isEqualTo(RecordedCall.Server.GRAPH);
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.path()).isEqualTo("/v1.0/users");
        assertThat(call.query())
                .containsEntry("$select", "displayName,userType")
                .containsEntry("$filter", "userType eq 'Guest'");
        assertThat(call.header("consistencylevel")).isEqualTo("eventual");
        assertThat(call.headers()).containsKey("authorization");
        assertThat(call.tenantId()).isEqualTo(contoso.id());
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.batchItem()).isFalse();
        assertThat(call.toString()).doesNotContain(token);
    }

    @Test
    void servesAndRecordsConcurrentRequests() throws Exception {
        contoso.consent(app, Permissions.USER_READ_ALL);
        String token = client.token(contoso.id(), CLIENT_ID, "secret");
        cloud.clearCalls();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();

        for (int i = 0; i < 80; i++) {
            results.add(
                    pool.submit(() -> client.get(token, "/v1.0/users?$top=50").status()));
        }
        for (Future<Integer> result : results) {
            assertThat(result.get()).isEqualTo(200);
        }
        pool.shutdown();

        assertThat(cloud.graphCalls()).hasSize(80);
    }
}
