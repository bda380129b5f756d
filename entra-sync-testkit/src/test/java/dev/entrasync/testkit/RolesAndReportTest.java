package dev.entrasync.testkit;

import static dev.entrasync.testkit.GraphUsersTest.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RolesAndReportTest {
    private static final String CLIENT_ID = "8e4f3c2a-4c7d-4e3f-9a51-2c3d4e5f6a71";
    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimClient client = new SimClient(cloud);
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, "secret");
    private final SimulatedTenant contoso = cloud.addTenant(ContosoFixture.build());

    @AfterEach
    void stop() {
        cloud.close();
    }

    private String token() {
        contoso.consent(app, Permissions.allRead());
        return client.token(contoso.id(), CLIENT_ID, "secret");
    }

    @Test
    void roleMembershipChangesShowInTheMemberListAtOnce() {
        String user = (String) contoso.users().list().stream()
                .filter(u -> !u.get("id").equals(ContosoFixture.ADMIN_USER_ID))
                .findFirst()
                .orElseThrow()
                .get("id");

        contoso.roles().addMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, user);
        boolean removed =
                contoso.roles().removeMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, ContosoFixture.ADMIN_USER_ID);

        assertThat(removed).isTrue();
        List<Map<String, Object>> members =
                values(client.get(token(), "/v1.0/directoryRoles/" + ContosoFixture.GLOBAL_ADMIN_ROLE_ID + "/members")
                        .json());
        assertThat(members).extracting(m -> m.get("id")).containsExactly(user);
        assertThat(contoso.roles().members(ContosoFixture.GLOBAL_ADMIN_ROLE_ID)).containsOnlyKeys(user);
        assertThatThrownBy(() -> contoso.roles().addMember("no-such-role", user))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegistrationReportRowCanChange() {
        contoso.registrationDetails()
                .update(
                        ContosoFixture.GUEST_USER_ID,
                        Map.of("isMfaRegistered", true, "methodsRegistered", List.of("microsoftAuthenticatorPush")));

        Map<String, Object> row = values(
                        client.get(token(), "/v1.0/reports/authenticationMethods/userRegistrationDetails?$top=999")
                                .json())
                .stream()
                .filter(r -> r.get("id").equals(ContosoFixture.GUEST_USER_ID))
                .findFirst()
                .orElseThrow();
        assertThat(row)
                .containsEntry("isMfaRegistered", true)
                .containsEntry("methodsRegistered", List.of("microsoftAuthenticatorPush"));
    }
}
