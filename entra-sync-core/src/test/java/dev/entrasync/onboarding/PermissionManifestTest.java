package dev.entrasync.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.Dataset;
import dev.entrasync.GraphPermission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PermissionManifestTest {

    private static final Pattern ROLE_ROW =
            Pattern.compile("^\\|\\s*([0-9a-f-]{36})\\s*\\|\\s*Role\\s*\\|\\s*([A-Za-z.]+)\\s*\\|", Pattern.MULTILINE);

    /** The application permissions (name → id) in GRAPH.md section 8's tables. */
    private static Map<String, String> graphMdRoles() throws Exception {
        Path file = Path.of(System.getProperty("entrasync.shared.dir", "../../shared"), "GRAPH.md");
        String text = Files.readString(file);
        Map<String, String> roles = new HashMap<>();
        Matcher m = ROLE_ROW.matcher(text.substring(text.indexOf("## 8. Permission GUIDs")));
        while (m.find()) {
            roles.put(m.group(2), m.group(1));
        }
        // Not (yet) in GRAPH.md's tables; confirmed by Microsoft's permissions reference
        // (learn.microsoft.com/graph/permissions-reference, Application.Read.All, application id).
        roles.putIfAbsent("Application.Read.All", "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30");
        return roles;
    }

    @Test
    void manifestForAllDatasetsCarriesEachGuidFromGraphMd() throws Exception {
        Map<String, String> graphMd = graphMdRoles();
        PermissionManifest manifest = PermissionManifest.of(EnumSet.allOf(Dataset.class), true, true);

        JsonNode access = new ObjectMapper().readTree(manifest.requiredResourceAccess());

        assertThat(access).hasSize(1);
        assertThat(access.get(0).get("resourceAppId").asText()).isEqualTo("00000003-0000-0000-c000-000000000000");
        JsonNode roles = access.get(0).get("resourceAccess");
        assertThat(roles).hasSize(manifest.permissions().size());
        for (int i = 0; i < roles.size(); i++) {
            GraphPermission permission = manifest.permissions().get(i);
            assertThat(roles.get(i).get("type").asText()).isEqualTo("Role");
            assertThat(roles.get(i).get("id").asText())
                    .as(permission.value())
                    .isEqualTo(graphMd.get(permission.value()));
        }
        assertThat(manifest.permissions())
                .extracting(GraphPermission::value)
                .containsExactlyInAnyOrder(
                        "User.Read.All",
                        "Device.Read.All",
                        "Group.Read.All",
                        "LicenseAssignment.Read.All",
                        "RoleManagement.Read.Directory",
                        "AuditLog.Read.All",
                        "SecurityEvents.Read.All",
                        "Organization.Read.All",
                        "Application.Read.All",
                        "DeviceManagementManagedDevices.Read.All",
                        "DelegatedAdminRelationship.Read.All",
                        "Mail.Send");
    }

    @Test
    void applicationsAndManagedDevicesAddExactlyTheirPermissions() {
        PermissionManifest both =
                PermissionManifest.of(Set.of(Dataset.APPLICATIONS, Dataset.MANAGED_DEVICES), false, false);
        PermissionManifest devices = PermissionManifest.of(Set.of(Dataset.DEVICES), false, false);
        PermissionManifest devicesAndManaged =
                PermissionManifest.of(Set.of(Dataset.DEVICES, Dataset.MANAGED_DEVICES), false, false);

        // Organization.Read.All is always there: onboarding reads each tenant's name and domain
        assertThat(both.permissions())
                .containsExactly(
                        GraphPermission.ORGANIZATION_READ_ALL,
                        GraphPermission.APPLICATION_READ_ALL,
                        GraphPermission.DEVICE_MANAGEMENT_MANAGED_DEVICES_READ_ALL);
        assertThat(devicesAndManaged.permissions())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                                devices.permissions().stream(),
                                java.util.stream.Stream.of(GraphPermission.DEVICE_MANAGEMENT_MANAGED_DEVICES_READ_ALL))
                        .toList());
        assertThat(both.requiredResourceAccess())
                .contains("9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30")
                .contains("2f51be20-0bb4-4fed-bf7b-db946066c75e");
    }

    @Test
    void everyGraphPermissionIdMatchesGraphMd() throws Exception {
        Map<String, String> graphMd = graphMdRoles();

        for (GraphPermission permission : GraphPermission.values()) {
            assertThat(permission.id()).as(permission.value()).isEqualTo(graphMd.get(permission.value()));
        }
    }

    @Test
    void asksForNothingMoreThanTheEnabledDatasetsNeed() {
        PermissionManifest users = PermissionManifest.of(Set.of(Dataset.USERS), false, false);
        PermissionManifest none = PermissionManifest.of(Set.of(), false, false);

        assertThat(users.permissions())
                .extracting(GraphPermission::value)
                .containsExactly(
                        "User.Read.All", "RoleManagement.Read.Directory", "AuditLog.Read.All", "Organization.Read.All");
        assertThat(none.permissions()).containsExactly(GraphPermission.ORGANIZATION_READ_ALL);
        assertThat(users.manifestBlock())
                .startsWith("\"requiredResourceAccess\": [")
                .doesNotContain("Mail.Send")
                .doesNotContain(GraphPermission.DIRECTORY_READ_ALL.id());
        assertThat(PermissionManifest.of(Set.of(Dataset.DEVICES), false, true).permissions())
                .contains(GraphPermission.MAIL_SEND);
        assertThat(PermissionManifest.of(Set.of(Dataset.DEVICES), true, false).permissions())
                .contains(GraphPermission.DELEGATED_ADMIN_RELATIONSHIP_READ_ALL);
    }
}
