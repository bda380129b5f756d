package dev.entrasync.testkit;

import static dev.entrasync.testkit.GraphUsersTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContosoFixtureTest {
    @Test
    void servesTheHandPickedRows() {
        try (SimulatedCloud cloud = SimulatedCloud.start()) {
            SimulatedApp app = cloud.registerApp("6c2f1a1e-2a5b-4c1d-9e3f-0a1b2c3d4e5f", "secret");
            SimulatedTenant contoso = cloud.addTenant(ContosoFixture.build());
            contoso.consent(app, Permissions.allRead());
            SimClient client = new SimClient(cloud);
            String token = client.token(ContosoFixture.DOMAIN, app.clientId(), "secret");

            List<Map<String, Object>> helpdesk =
                    values(client.get(token, "/v1.0/directoryRoles/" + ContosoFixture.HELPDESK_ROLE_ID + "/members")
                            .json());
            List<Map<String, Object>> roles =
                    values(client.get(token, "/v1.0/directoryRoles").json());
            Map<String, Object> adeleReport = values(client.get(
                                    token,
                                    "/v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=id eq '"
                                            + ContosoFixture.ADMIN_USER_ID + "'")
                            .json())
                    .get(0);
            Map<String, Object> kiosk = values(client.get(
                                    token, "/v1.0/devices?$filter=id eq '" + ContosoFixture.UNMANAGED_DEVICE_ID + "'")
                            .json())
                    .get(0);
            Map<String, Object> guest = contoso.users().get(ContosoFixture.GUEST_USER_ID);

            assertThat(contoso.id()).isEqualTo(ContosoFixture.TENANT_ID);
            assertThat(helpdesk)
                    .extracting(m -> m.get("@odata.type"))
                    .containsExactlyInAnyOrder("#microsoft.graph.group", "#microsoft.graph.servicePrincipal");
            assertThat(roles)
                    .extracting(r -> r.get("id"))
                    .containsExactlyInAnyOrder(
                            ContosoFixture.GLOBAL_ADMIN_ROLE_ID,
                            ContosoFixture.USER_ADMIN_ROLE_ID,
                            ContosoFixture.HELPDESK_ROLE_ID);
            assertThat(adeleReport)
                    .containsEntry("isAdmin", true)
                    .containsEntry("isMfaRegistered", true)
                    .containsEntry(
                            "methodsRegistered", List.of("microsoftAuthenticatorPush", "softwareOneTimePasscode"));
            assertThat(kiosk.get("isManaged")).isNull();
            assertThat(guest).containsEntry("userType", "Guest");
            assertThat(ContosoFixture.build().users().list())
                    .isEqualTo(contoso.users().list());
        }
    }
}
