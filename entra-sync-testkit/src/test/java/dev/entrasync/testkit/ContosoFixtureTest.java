package dev.entrasync.testkit;

import static dev.entrasync.testkit.GraphUsersTest.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void deviceComplianceChangesIntunesManagedDeviceAndTheEntraDeviceAlike() {
        try (SimulatedCloud cloud = SimulatedCloud.start()) {
            SimulatedApp app = cloud.registerApp("6c2f1a1e-2a5b-4c1d-9e3f-0a1b2c3d4e5f", "secret");
            SimulatedTenant contoso = cloud.addTenant(ContosoFixture.build());
            contoso.consent(app, Permissions.allRead());
            SimClient client = new SimClient(cloud);
            String token = client.token(ContosoFixture.DOMAIN, app.clientId(), "secret");
            Map<String, Object> device = contoso.devices().list().stream()
                    .filter(d -> Boolean.TRUE.equals(d.get("isCompliant")))
                    .findFirst()
                    .orElseThrow();
            String id = (String) device.get("id");
            assertThat(contoso.devices().list())
                    .as("each Entra device has its own deviceId")
                    .extracting(d -> d.get("deviceId"))
                    .doesNotHaveDuplicates();

            Map<String, Object> managed = contoso.deviceCompliance(id, false);

            assertThat(managed)
                    .containsEntry("azureADDeviceId", device.get("deviceId"))
                    .containsEntry("complianceState", "noncompliant");
            assertThat(values(client.get(token, "/v1.0/devices?$filter=id eq '" + id + "'")
                                    .json())
                            .get(0))
                    .containsEntry("isCompliant", false);
            assertThat(values(client.get(token, "/v1.0/deviceManagement/managedDevices")
                            .json()))
                    .filteredOn(m -> m.get("id").equals(managed.get("id")))
                    .singleElement()
                    .satisfies(m -> assertThat(m).containsEntry("complianceState", "noncompliant"));

            contoso.deviceCompliance(id, true);

            assertThat(contoso.devices().get(id)).containsEntry("isCompliant", true);
            assertThat(contoso.managedDevices().get((String) managed.get("id")))
                    .containsEntry("complianceState", "compliant");
            assertThatThrownBy(() -> contoso.deviceCompliance(ContosoFixture.UNMANAGED_DEVICE_ID, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("device " + ContosoFixture.UNMANAGED_DEVICE_ID + " is not managed by Intune (no"
                            + " managed device has azureADDeviceId "
                            + contoso.devices()
                                    .get(ContosoFixture.UNMANAGED_DEVICE_ID)
                                    .get("deviceId")
                            + "), so it has no compliance state; pick a device whose isManaged is true");
            assertThatThrownBy(() -> contoso.deviceCompliance("no-such-device", true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no device with id no-such-device in tenant " + ContosoFixture.TENANT_ID);
            assertThat(contoso.devices().get(ContosoFixture.UNMANAGED_DEVICE_ID))
                    .containsEntry("isCompliant", null);
        }
    }
}
