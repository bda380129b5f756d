package dev.entrasync.testkit;

import static dev.entrasync.testkit.GraphUsersTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class AuthenticationMethodsTest {
    private static final String CLIENT_ID = "6c2f1a1e-2a5b-4c1d-9e3f-0a1b2c3d4e5f";
    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimClient client = new SimClient(cloud);
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, "secret");
    private final SimulatedTenant contoso =
            cloud.addTenant(TenantBuilder.create("Contoso").seed(5).users(30).build());

    @AfterEach
    void stop() {
        cloud.close();
    }

    private String token(String... permissions) {
        contoso.consent(app, permissions);
        return client.token(contoso.id(), CLIENT_ID, "secret");
    }

    @Test
    void everyUsersMethodsAgreeWithTheRegistrationReport() {
        String token = token(Permissions.AUDIT_LOG_READ_ALL, Permissions.USER_AUTHENTICATION_METHOD_READ_ALL);
        List<Map<String, Object>> report =
                values(client.get(token, "/v1.0/reports/authenticationMethods/userRegistrationDetails?$top=999")
                        .json());

        for (Map<String, Object> row : report) {
            SimClient.Reply reply = client.get(token, "/v1.0/users/" + row.get("id") + "/authentication/methods");

            assertThat(reply.status()).isEqualTo(200);
            List<String> types = values(reply.json()).stream()
                    .map(m -> ((String) m.get("@odata.type")).replace("#microsoft.graph.", ""))
                    .toList();
            assertThat(types).first().isEqualTo("passwordAuthenticationMethod");
            List<String> registered = (List<String>) row.get("methodsRegistered");
            assertThat(types).hasSize(1 + registered.size());
            boolean strong = types.stream()
                    .anyMatch(t -> !t.equals("passwordAuthenticationMethod") && !t.equals("emailAuthenticationMethod"));
            assertThat(strong).as("methods of %s", row.get("id")).isEqualTo(row.get("isMfaRegistered"));
        }
    }

    @Test
    void answersTheSameMethodIdsEveryTime() {
        String token = token(Permissions.USER_AUTHENTICATION_METHOD_READ_ALL, Permissions.USER_READ_ALL);
        String user = (String)
                values(client.get(token, "/v1.0/users?$top=1").json()).get(0).get("id");

        String first = client.get(token, "/v1.0/users/" + user + "/authentication/methods")
                .body();
        String second = client.get(token, "/v1.0/users/" + user + "/authentication/methods")
                .body();

        assertThat(first).isEqualTo(second);
    }

    @Test
    void refusesWithoutUserAuthenticationMethodReadAll() {
        String token = token(Permissions.allRead());
        String user = (String)
                values(client.get(token, "/v1.0/users?$top=1").json()).get(0).get("id");

        SimClient.Reply reply = client.get(token, "/v1.0/users/" + user + "/authentication/methods");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).contains("Authorization_RequestDenied");
    }

    @Test
    void answers404ForAnUnknownUser() {
        String token = token(Permissions.USER_AUTHENTICATION_METHOD_READ_ALL);

        SimClient.Reply reply =
                client.get(token, "/v1.0/users/00000000-0000-0000-0000-000000000000/authentication/methods");

        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void theRequestIsValidGraphV1() throws Exception {
        GraphSchema schema = GraphSchema.load(GraphSchemaTest.metadata());

        assertThat(schema.check("/v1.0/users/00000000-0000-0000-0000-000000000000/authentication/methods", null))
                .isEmpty();
    }
}
