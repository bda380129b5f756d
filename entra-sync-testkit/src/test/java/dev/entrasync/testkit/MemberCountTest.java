package dev.entrasync.testkit;

import static dev.entrasync.testkit.GraphUsersTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemberCountTest {
    private static final String CLIENT_ID = "7d3e2b1f-3b6c-4d2e-8f40-1b2c3d4e5f60";
    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimClient client = new SimClient(cloud);
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, "secret");
    private final SimulatedTenant contoso = cloud.addTenant(
            TenantBuilder.create("Contoso").seed(9).users(60).groups(8).build());

    @AfterEach
    void stop() {
        cloud.close();
    }

    private String token() {
        contoso.consent(app, Permissions.allRead());
        return client.token(contoso.id(), CLIENT_ID, "secret");
    }

    private String groupWithMembers() {
        return contoso.groups().list().stream()
                .map(g -> (String) g.get("id"))
                .filter(id -> contoso.groups().members(id).size() > 1)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void countNeedsEventualConsistencyAndComesOnTheFirstPage() {
        String group = groupWithMembers();
        String url = "/v1.0/groups/" + group + "/members?$count=true&$top=1&$select=id";

        SimClient.Reply plain = client.get(token(), url);
        SimClient.Reply eventual = SimClient.call(new okhttp3.Request.Builder()
                .url(cloud.graphUrl() + url)
                .header("Authorization", "Bearer " + token())
                .header("ConsistencyLevel", "eventual")
                .build());

        assertThat(plain.status()).isEqualTo(400);
        assertThat(eventual.status()).isEqualTo(200);
        Map<String, Object> page = eventual.json();
        assertThat(((Number) page.get("@odata.count")).intValue())
                .isEqualTo(contoso.groups().members(group).size());
        List<Map<String, Object>> members = values(page);
        assertThat(members).singleElement().satisfies(m -> assertThat(m).containsOnlyKeys("@odata.type", "id"));
        Map<String, Object> second =
                client.get(token(), (String) page.get("@odata.nextLink")).json();
        assertThat(second).doesNotContainKey("@odata.count");
    }

    @Test
    void countWorksInsideABatch() {
        String group = groupWithMembers();
        String body = "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/groups/" + group
                + "/members?$count=true&$top=1&$select=id\",\"headers\":{\"ConsistencyLevel\":\"eventual\"}}]}";

        Map<String, Object> reply = client.post(token(), "/v1.0/$batch", body).json();

        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) reply.get("responses")).get(0);
        assertThat(item.get("status")).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> itemBody = (Map<String, Object>) item.get("body");
        assertThat(((Number) itemBody.get("@odata.count")).intValue())
                .isEqualTo(contoso.groups().members(group).size());
    }

    @Test
    void theCountSegmentAnswersPlainTextWithEventualConsistency() {
        String group = groupWithMembers();
        String url = cloud.graphUrl() + "/v1.0/groups/" + group + "/members/$count";

        SimClient.Reply plain = client.get(token(), url);
        SimClient.Reply eventual = SimClient.call(new okhttp3.Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + token())
                .header("ConsistencyLevel", "eventual")
                .build());

        assertThat(plain.status()).isEqualTo(400);
        assertThat(eventual.status()).isEqualTo(200);
        assertThat(eventual.header("Content-Type")).startsWith("text/plain");
        assertThat(eventual.body())
                .isEqualTo(Integer.toString(contoso.groups().members(group).size()));
    }

    @Test
    void sizesCountEveryCollection() {
        Map<String, Integer> sizes = contoso.sizes();

        assertThat(sizes)
                .containsEntry("users", contoso.users().size())
                .containsEntry("groups", 8)
                .containsKeys(
                        "directoryRoles",
                        "subscribedSkus",
                        "userRegistrationDetails",
                        "directoryAudits",
                        "secureScores",
                        "secureScoreControlProfiles");
    }
}
