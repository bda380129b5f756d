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

    /** The directory audits Graph serves now, newest first. */
    private List<Map<String, Object>> audits() {
        return values(
                client.get(token(), "/v1.0/auditLogs/directoryAudits?$top=999").json());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> targets(Map<String, Object> event) {
        return (List<Map<String, Object>>) event.get("targetResources");
    }

    private static Map<String, Object> property(String name, Object oldValue, Object newValue) {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("displayName", name);
        p.put("oldValue", oldValue);
        p.put("newValue", newValue);
        return p;
    }

    @Test
    @SuppressWarnings("unchecked")
    void roleMembershipChangesAreLoggedAsDirectoryAuditsAtTheCloudsTime() {
        java.time.Instant at = java.time.Instant.parse("2026-12-07T09:30:15Z");
        cloud.clock(MutableClock.at(at));
        String user = (String) contoso.users().list().stream()
                .filter(u -> !u.get("id").equals(ContosoFixture.ADMIN_USER_ID))
                .filter(u -> "Member".equals(u.get("userType")))
                .findFirst()
                .orElseThrow()
                .get("id");
        String upn = (String) contoso.users().get(user).get("userPrincipalName");

        contoso.roles().addMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, user);
        cloud.clock(MutableClock.at(at.plusSeconds(60)));
        assertThat(contoso.roles().removeMember(ContosoFixture.USER_ADMIN_ROLE_ID, user))
                .as("not a member: nothing to log")
                .isFalse();
        contoso.roles().removeMember(ContosoFixture.USER_ADMIN_ROLE_ID, ContosoFixture.ADMIN_USER_ID);

        List<Map<String, Object>> logged = audits().stream()
                .filter(e -> !java.time.Instant.parse((String) e.get("activityDateTime"))
                        .isBefore(at))
                .filter(e -> "RoleManagement".equals(e.get("category")))
                .toList();
        assertThat(logged).hasSize(2);
        Map<String, Object> removed = logged.get(0);
        Map<String, Object> added = logged.get(1);
        assertThat(added)
                .containsEntry("activityDisplayName", "Add member to role")
                .containsEntry("activityDateTime", "2026-12-07T09:30:15Z")
                .containsEntry("loggedByService", "Core Directory")
                .containsEntry("operationType", "Assign")
                .containsEntry("result", "success");
        assertThat(((Map<?, ?>) ((Map<?, ?>) added.get("initiatedBy")).get("user")).get("userPrincipalName"))
                .isEqualTo(ContosoFixture.ADMIN_UPN);
        assertThat(targets(added)).hasSize(2);
        assertThat(targets(added).get(0))
                .containsEntry("id", user)
                .containsEntry("type", "User")
                .containsEntry("userPrincipalName", upn)
                .containsEntry(
                        "modifiedProperties",
                        List.of(
                                property("Role.ObjectID", null, "\"" + ContosoFixture.GLOBAL_ADMIN_ROLE_ID + "\""),
                                property("Role.DisplayName", null, "\"Global Administrator\""),
                                property("Role.TemplateId", null, "\"62e90394-69f5-4237-9190-012177145e10\""),
                                property("Role.WellKnownObjectName", null, "\"TenantAdmins\"")));
        assertThat(targets(added).get(1))
                .containsEntry("id", ContosoFixture.GLOBAL_ADMIN_ROLE_ID)
                .containsEntry("type", "Role");
        assertThat(removed)
                .containsEntry("activityDisplayName", "Remove member from role")
                .containsEntry("activityDateTime", "2026-12-07T09:31:15Z")
                .containsEntry("operationType", "Unassign");
        assertThat(targets(removed).get(0))
                .containsEntry("id", ContosoFixture.ADMIN_USER_ID)
                .containsEntry("userPrincipalName", ContosoFixture.ADMIN_UPN);
        assertThat((List<Object>) targets(removed).get(0).get("modifiedProperties"))
                .contains(property("Role.DisplayName", "\"User Administrator\"", null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void generatedRoleAssignmentsNameARoleOfTheTenantThatIsNotPrivileged() {
        java.util.Set<String> unprivileged = java.util.Set.of(ContosoFixture.HELPDESK_ROLE_ID);
        List<Map<String, Object>> generated = audits().stream()
                .filter(e -> "Add member to role".equals(e.get("activityDisplayName")))
                .toList();

        assertThat(generated).isNotEmpty();
        for (Map<String, Object> event : generated) {
            assertThat(targets(event)).hasSize(2);
            assertThat(unprivileged).contains((String) targets(event).get(1).get("id"));
            assertThat((List<Object>) targets(event).get(0).get("modifiedProperties"))
                    .contains(
                            property("Role.DisplayName", null, "\"Helpdesk Administrator\""),
                            property("Role.TemplateId", null, "\"729827e3-9c14-49f7-bb1b-9608f156bbb8\""));
        }

        SimulatedTenant generatedTenant = cloud.addTenant(
                TenantBuilder.create("Northwind").seed(7).users(40).build());
        List<String> roleIds = generatedTenant.roles().list().stream()
                .map(r -> (String) r.get("id"))
                .toList();
        List<Map<String, Object>> northwind = generatedTenant.auditEvents().stream()
                .filter(e -> "Add member to role".equals(e.get("activityDisplayName")))
                .toList();
        assertThat(northwind).isNotEmpty();
        for (Map<String, Object> event : northwind) {
            Map<String, Object> role = targets(event).get(1);
            assertThat(roleIds).contains((String) role.get("id"));
            String template = (String)
                    generatedTenant.roles().get((String) role.get("id")).get("roleTemplateId");
            assertThat(template)
                    .isIn(
                            "729827e3-9c14-49f7-bb1b-9608f156bbb8",
                            "5d6b6bb7-de71-4623-b4af-96380a352509",
                            "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
                            "b0f54661-2d74-4c50-afa3-1ec803f12efe",
                            "88d8e3e3-8f55-4a1e-953a-9b9898b8876b");
        }
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
