package dev.entrasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GraphUsersTest {
    private static final String CLIENT_ID = "6c2f1a1e-2a5b-4c1d-9e3f-0a1b2c3d4e5f";
    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimClient client = new SimClient(cloud);
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, "secret");
    private final SimulatedTenant contoso = cloud.addTenant(
            TenantBuilder.create("Contoso").seed(7).users(250).guests(10).build());

    @AfterEach
    void stop() {
        cloud.close();
    }

    private String token() {
        return client.token(contoso.id(), CLIENT_ID, "secret");
    }

    @Test
    void returnsDefaultPropertiesWithoutSelect() {
        contoso.consent(app, Permissions.USER_READ_ALL);

        SimClient.Reply reply = client.get(token(), "/v1.0/users");

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> page = reply.json();
        assertThat(page.get("@odata.context")).isEqualTo(cloud.graphUrl() + "/v1.0/$metadata#users");
        List<Map<String, Object>> users = values(page);
        assertThat(users).hasSize(100);
        assertThat(users.get(0).keySet())
                .containsExactlyInAnyOrder(
                        "businessPhones",
                        "displayName",
                        "givenName",
                        "jobTitle",
                        "mail",
                        "mobilePhone",
                        "officeLocation",
                        "preferredLanguage",
                        "surname",
                        "userPrincipalName",
                        "id");
        assertThat(reply.header("request-id")).isNotBlank();
        assertThat(reply.header("client-request-id")).isNotBlank();
        assertThat(reply.header("x-ms-resource-unit")).isEqualTo("2");
    }

    @Test
    void honoursSelectAndKeepsNulls() {
        contoso.consent(app, Permissions.USER_READ_ALL);

        SimClient.Reply reply = client.get(
                token(), "/v1.0/users?$select=userPrincipalName,passwordPolicies,assignedLicenses,userType&$top=999");

        Map<String, Object> page = reply.json();
        assertThat(page.get("@odata.context"))
                .isEqualTo(cloud.graphUrl()
                        + "/v1.0/$metadata#users(userPrincipalName,passwordPolicies,assignedLicenses,userType)");
        List<Map<String, Object>> users = values(page);
        assertThat(users).hasSize(260);
        assertThat(users)
                .allSatisfy(u -> assertThat(u.keySet())
                        .containsExactlyInAnyOrder(
                                "id", "userPrincipalName", "passwordPolicies", "assignedLicenses", "userType"));
        assertThat(users).anySatisfy(u -> assertThat(u.get("passwordPolicies")).isNull());
        assertThat(users).anySatisfy(u -> assertThat(u.get("userType")).isEqualTo("Guest"));
        assertThat(reply.header("x-ms-resource-unit")).isEqualTo("1");
    }

    @Test
    void rejectsUnknownPropertyAndOversizedTop() {
        contoso.consent(app, Permissions.USER_READ_ALL);
        String token = token();

        SimClient.Reply unknown = client.get(token, "/v1.0/users?$select=displayName,shoeSize");
        SimClient.Reply tooBig = client.get(token, "/v1.0/users?$top=1000");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(error(unknown))
                .containsEntry("code", "Request_BadRequest")
                .containsEntry("message", "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.");
        assertThat(tooBig.status()).isEqualTo(400);
    }

    @Test
    void pagesThroughNextLinksKeepingQueryOptions() {
        contoso.consent(app, Permissions.USER_READ_ALL);
        String token = token();
        Set<Object> ids = new HashSet<>();
        String url = "/v1.0/users?$select=displayName&$top=30";
        int pages = 0;

        while (url != null) {
            Map<String, Object> page = client.get(token, url).json();
            values(page).forEach(u -> assertThat(ids.add(u.get("id"))).isTrue());
            url = (String) page.get("@odata.nextLink");
            if (url != null) {
                assertThat(url)
                        .startsWith(cloud.graphUrl() + "/v1.0/users?")
                        .contains("$select=displayName", "$top=30", "$skiptoken=");
            }
            pages++;
        }

        assertThat(ids).hasSize(260);
        assertThat(pages).isEqualTo(9);
    }

    @Test
    void filtersUsers() {
        contoso.consent(app, Permissions.USER_READ_ALL);

        List<Map<String, Object>> guests =
                values(client.get(token(), "/v1.0/users?$filter=userType eq 'Guest'&$select=userPrincipalName,userType")
                        .json());

        assertThat(guests)
                .hasSize(10)
                .allSatisfy(g -> assertThat((String) g.get("userPrincipalName")).contains("#EXT#@"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void deniesWithoutPermission() {
        contoso.consent(app, Permissions.DEVICE_READ_ALL);

        SimClient.Reply reply = client.get(token(), "/v1.0/users");

        assertThat(reply.status()).isEqualTo(403);
        Map<String, Object> error = error(reply);
        assertThat(error)
                .containsEntry("code", "Authorization_RequestDenied")
                .containsEntry("message", "Insufficient privileges to complete the operation.");
        assertThat((Map<String, Object>) error.get("innerError"))
                .containsKeys("date", "request-id", "client-request-id");
    }

    @Test
    void directoryReadAllAlsoGrantsUsers() {
        contoso.consent(app, Permissions.DIRECTORY_READ_ALL);

        assertThat(client.get(token(), "/v1.0/users").status()).isEqualTo(200);
    }

    @Test
    void rejectsMissingForgedAndExpiredTokens() {
        contoso.consent(app, Permissions.USER_READ_ALL);
        MutableClock clock = MutableClock.now();
        cloud.clock(clock);
        String token = token();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A";

        SimClient.Reply missing = client.get(null, "/v1.0/users");
        SimClient.Reply bad = client.get(forged, "/v1.0/users");
        clock.advance(Duration.ofHours(2));
        SimClient.Reply expired = client.get(token, "/v1.0/users");

        for (SimClient.Reply reply : List.of(missing, bad, expired)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(error(reply)).containsEntry("code", "InvalidAuthenticationToken");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void servesOrganization() {
        contoso.consent(app, Permissions.ORGANIZATION_READ_ALL);

        Map<String, Object> page = client.get(token(), "/v1.0/organization").json();

        Map<String, Object> org = values(page).get(0);
        assertThat(values(page)).hasSize(1);
        assertThat(org).containsEntry("id", contoso.id()).containsEntry("displayName", "Contoso");
        assertThat((List<Map<String, Object>>) org.get("verifiedDomains"))
                .singleElement()
                .satisfies(d -> assertThat(d)
                        .containsEntry("name", "contoso.onmicrosoft.com")
                        .containsEntry("isInitial", true)
                        .containsEntry("isDefault", true));
    }

    @Test
    void unknownSegmentIsBadRequest() {
        contoso.consent(app, Permissions.USER_READ_ALL);

        SimClient.Reply reply = client.get(token(), "/v1.0/unicorns");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(error(reply)).containsEntry("message", "Resource not found for the segment 'unicorns'.");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> values(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("value");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> error(SimClient.Reply reply) {
        return (Map<String, Object>) reply.json().get("error");
    }
}
