package dev.entrasync.testkit;

import static dev.entrasync.testkit.GraphUsersTest.error;
import static dev.entrasync.testkit.GraphUsersTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class DeltaTest {
    private static final String CLIENT_ID = "6c2f1a1e-2a5b-4c1d-9e3f-0a1b2c3d4e5f";
    private final SimulatedCloud cloud = SimulatedCloud.start().deltaPageSize(40);
    private final SimClient client = new SimClient(cloud);
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, "secret");
    private final MutableClock clock = MutableClock.now();
    private final SimulatedTenant contoso = cloud.addTenant(TenantBuilder.create("Contoso")
            .seed(8)
            .users(95)
            .guests(5)
            .devices(10)
            .groups(8)
            .build());
    private String token;

    @BeforeEach
    void consent() {
        cloud.clock(clock).tokenLifetime(Duration.ofDays(30));
        contoso.consent(app, Permissions.allRead());
        token = client.token(contoso.id(), CLIENT_ID, "secret");
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    /** Follows a round to its deltaLink; returns all items and the deltaLink. */
    private Round round(String url) {
        List<Map<String, Object>> items = new ArrayList<>();
        while (true) {
            SimClient.Reply reply = client.get(token, url);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            Map<String, Object> page = reply.json();
            items.addAll(values(page));
            if (page.containsKey("@odata.deltaLink")) {
                assertThat(page).doesNotContainKey("@odata.nextLink");
                return new Round(items, (String) page.get("@odata.deltaLink"));
            }
            url = (String) page.get("@odata.nextLink");
            assertThat(url).contains("$skiptoken=");
        }
    }

    private record Round(List<Map<String, Object>> items, String deltaLink) {}

    @Test
    void firstRoundListsEveryoneThenOnlyChanges() {
        Round first = round("/v1.0/users/delta?$select=displayName,jobTitle,accountEnabled");
        Map<String, Object> someone = first.items().get(0);
        String id = (String) someone.get("id");
        String gone = (String) first.items().get(1).get("id");
        String soft = (String) first.items().get(2).get("id");

        contoso.users().update(id, Map.of("jobTitle", "Chief Delta Officer", "city", "Oslo"));
        contoso.users().delete(gone);
        contoso.users().softDelete(soft);
        Map<String, Object> added = contoso.users()
                .add(Map.of(
                        "displayName",
                        "New Person",
                        "userPrincipalName",
                        "new.person@contoso.onmicrosoft.com",
                        "accountEnabled",
                        true));
        Round second = round(first.deltaLink());

        assertThat(first.items()).hasSize(100);
        assertThat(first.deltaLink()).startsWith(cloud.graphUrl() + "/v1.0/users/delta?$deltatoken=");
        assertThat(someone.keySet()).containsExactlyInAnyOrder("id", "displayName", "jobTitle", "accountEnabled");
        assertThat(second.items()).hasSize(4);
        assertThat(second.items()).contains(Map.of("id", id, "jobTitle", "Chief Delta Officer"));
        assertThat(second.items()).contains(Map.of("id", gone, "@removed", Map.of("reason", "deleted")));
        assertThat(second.items()).contains(Map.of("id", soft, "@removed", Map.of("reason", "changed")));
        assertThat(second.items())
                .anySatisfy(item -> assertThat(item)
                        .containsEntry("id", added.get("id"))
                        .containsEntry("displayName", "New Person"));
        assertThat(round(second.deltaLink()).items()).isEmpty();
    }

    @Test
    void changesToUnselectedPropertiesDoNotSurface() {
        Round first = round("/v1.0/users/delta?$select=displayName");
        contoso.users().update((String) first.items().get(0).get("id"), Map.of("jobTitle", "X"));

        assertThat(round(first.deltaLink()).items()).isEmpty();
    }

    @Test
    void latestTokenStartsFromNow() {
        Map<String, Object> page =
                client.get(token, "/v1.0/devices/delta?$deltatoken=latest").json();

        assertThat(values(page)).isEmpty();
        String deviceId = (String) contoso.devices().list().get(0).get("id");
        contoso.devices().update(deviceId, Map.of("isCompliant", false));
        assertThat(round((String) page.get("@odata.deltaLink")).items()).hasSize(1);
    }

    @Test
    void groupDeltaCarriesMemberChanges() {
        Round first = round("/v1.0/groups/delta?$select=displayName,members");
        String groupId = (String) first.items().get(0).get("id");
        List<Map<String, Object>> initialMembers =
                (List<Map<String, Object>>) first.items().get(0).get("members@delta");
        Map<String, String> current = contoso.groups().members(groupId);
        String removed = current.keySet().iterator().next();
        String newcomer = (String) contoso.users().list().stream()
                .filter(u -> !current.containsKey((String) u.get("id")))
                .findFirst()
                .get()
                .get("id");

        contoso.groups().removeMember(groupId, removed);
        contoso.groups().addMember(groupId, newcomer);
        Round second = round(first.deltaLink());

        assertThat(initialMembers)
                .hasSize(current.size())
                .allSatisfy(m -> assertThat(m).containsKeys("@odata.type", "id"));
        assertThat(second.items()).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("id", groupId).doesNotContainKey("displayName");
            assertThat((List<Map<String, Object>>) item.get("members@delta"))
                    .containsExactlyInAnyOrder(
                            Map.of(
                                    "@odata.type",
                                    current.get(removed),
                                    "id",
                                    removed,
                                    "@removed",
                                    Map.of("reason", "deleted")),
                            Map.of("@odata.type", "#microsoft.graph.user", "id", newcomer));
        });
    }

    @Test
    void expiredTokensFailAsSelected() {
        Round first = round("/v1.0/users/delta?$select=displayName");

        cloud.faults().expireDeltaTokens(contoso.id());
        SimClient.Reply gone = client.get(token, first.deltaLink());
        cloud.faults().expireDeltaTokens(contoso.id(), DeltaTokenFailure.RESYNC_REQUIRED);
        SimClient.Reply resync = client.get(token, first.deltaLink());

        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.header("Location"))
                .isEqualTo(cloud.graphUrl() + "/v1.0/users/delta?$select=displayName&$deltatoken=");
        assertThat(round(gone.header("Location")).items()).hasSize(100);
        assertThat(resync.status()).isEqualTo(400);
        assertThat(error(resync)).containsEntry("code", "resyncRequired");
    }

    @Test
    void tokensOlderThanSevenDaysExpire() {
        Round first = round("/v1.0/users/delta?$select=displayName");
        clock.advance(Duration.ofDays(8));

        SimClient.Reply reply = client.get(token, first.deltaLink());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(error(reply)).containsEntry("code", "syncStateNotFound");
    }

    @Test
    void emptyPagesCarryNextLinks() {
        cloud.deltaEmptyPages(true);

        Map<String, Object> page = client.get(token, "/v1.0/devices/delta").json();

        assertThat(values(page)).isEmpty();
        assertThat(page).containsKey("@odata.nextLink");
        assertThat(round((String) page.get("@odata.nextLink")).items()).hasSize(10);
    }
}
