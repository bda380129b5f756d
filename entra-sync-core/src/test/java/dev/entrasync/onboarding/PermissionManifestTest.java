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

    /**
     * Application permissions entra-sync needs that GRAPH.md section 8 (read-only here) does not list, with their ids
     * from Microsoft's permissions reference (https://learn.microsoft.com/graph/permissions-reference, application
     * permission ids; the same id appears in Microsoft's Find-MgGraphPermission output).
     */
    private static final Map<String, String> BEYOND_GRAPH_MD = Map.of(
            "Policy.Read.All",
            "246dd0d5-5bd0-4def-940b-0421030a5b68",
            // learn.microsoft.com/graph/permissions-reference, Application.Read.All, application id
            "Application.Read.All",
            "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30");

    /** The application permissions (name → id) in GRAPH.md section 8's tables, plus {@link #BEYOND_GRAPH_MD}. */
    private static Map<String, String> graphMdRoles() throws Exception {
        Path file = Path.of(System.getProperty("entrasync.shared.dir", "../../shared"), "GRAPH.md");
        String text = Files.readString(file);
        Map<String, String> roles = new HashMap<>();
        Matcher m = ROLE_ROW.matcher(text.substring(text.indexOf("## 8. Permission GUIDs")));
        while (m.find()) {
            roles.put(m.group(2), m.group(1));
        }
        BEYOND_GRAPH_MD.forEach((name, id) -> assertThat(roles.putIfAbsent(name, id))
                .as(name + " is in GRAPH.md now: drop it from BEYOND_GRAPH_MD")
                .isNull());
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
                        "Policy.Read.All",
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
    void signInActivityAndConditionalAccessAddExactlyTheirPermissions() {
        assertThat(PermissionManifest.of(Set.of(Dataset.SIGN_IN_ACTIVITY), false, false)
                        .permissions())
                .extracting(GraphPermission::value)
                .containsExactlyInAnyOrder("User.Read.All", "AuditLog.Read.All", "Organization.Read.All");
        assertThat(PermissionManifest.of(Set.of(Dataset.CONDITIONAL_ACCESS), false, false)
                        .permissions())
                .extracting(GraphPermission::value)
                .containsExactlyInAnyOrder("Policy.Read.All", "Organization.Read.All");
        // added to the eight datasets, conditional_access adds Policy.Read.All and sign_in_activity nothing new
        EnumSet<Dataset> eight = EnumSet.complementOf(EnumSet.of(Dataset.SIGN_IN_ACTIVITY, Dataset.CONDITIONAL_ACCESS));
        Set<GraphPermission> before =
                Set.copyOf(PermissionManifest.of(eight, false, false).permissions());
        Set<GraphPermission> after =
                new java.util.HashSet<>(PermissionManifest.of(EnumSet.allOf(Dataset.class), false, false)
                        .permissions());
        after.removeAll(before);
        assertThat(after).containsExactly(GraphPermission.POLICY_READ_ALL);
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
