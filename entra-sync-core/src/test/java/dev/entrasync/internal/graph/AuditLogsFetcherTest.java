package dev.entrasync.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.model.AuditTarget;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.ModifiedProperty;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One directory audit as Graph sends it, read into an {@link EntraAuditEvent}, modified properties included. */
class AuditLogsFetcherTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The shape of a real "Add member to role" event: the user who received the role first, with the role in its
     * modified properties (values are JSON text, so strings arrive quoted), then the role itself as a second target.
     */
    private static final String ADD_MEMBER_TO_ROLE = """
            {
              "id": "Directory_0c1d9ab5-4d7f-4a43-8b2e-5a9c7f3e1b20_V2H8K_58213407",
              "category": "RoleManagement",
              "correlationId": "0c1d9ab5-4d7f-4a43-8b2e-5a9c7f3e1b20",
              "result": "success",
              "resultReason": "",
              "activityDisplayName": "Add member to role",
              "activityDateTime": "2026-12-07T08:15:42.1234567Z",
              "loggedByService": "Core Directory",
              "operationType": "Assign",
              "initiatedBy": {
                "app": null,
                "user": {
                  "id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
                  "displayName": null,
                  "userPrincipalName": "AdeleV@contoso.onmicrosoft.com",
                  "ipAddress": "203.0.113.7"
                }
              },
              "targetResources": [
                {
                  "id": "6e7b768e-07e2-4810-8459-485f84f8f204",
                  "displayName": null,
                  "type": "User",
                  "userPrincipalName": "MeganB@contoso.onmicrosoft.com",
                  "groupType": null,
                  "modifiedProperties": [
                    {"displayName": "Role.ObjectID", "oldValue": null,
                     "newValue": "\\"f6cb0b4e-8e4d-4a7c-9e6e-3c2b3a6d9f10\\""},
                    {"displayName": "Role.DisplayName", "oldValue": null,
                     "newValue": "\\"Global Administrator\\""},
                    {"displayName": "Role.TemplateId", "oldValue": null,
                     "newValue": "\\"62e90394-69f5-4237-9190-012177145e10\\""},
                    {"displayName": "Role.WellKnownObjectName", "oldValue": null,
                     "newValue": "\\"TenantAdmins\\""}
                  ]
                },
                {
                  "id": "f6cb0b4e-8e4d-4a7c-9e6e-3c2b3a6d9f10",
                  "displayName": null,
                  "type": "Role",
                  "userPrincipalName": null,
                  "groupType": null,
                  "modifiedProperties": []
                }
              ],
              "additionalDetails": []
            }
            """;

    @Test
    void readsTheTargetsModifiedPropertiesAsGraphSendsThem() throws IOException {
        EntraAuditEvent event = AuditLogsFetcher.read(MAPPER.readTree(ADD_MEMBER_TO_ROLE));

        assertThat(event.id()).isEqualTo("Directory_0c1d9ab5-4d7f-4a43-8b2e-5a9c7f3e1b20_V2H8K_58213407");
        assertThat(event.activityDateTime()).isEqualTo(Instant.parse("2026-12-07T08:15:42.1234567Z"));
        assertThat(event.activityDisplayName()).isEqualTo("Add member to role");
        assertThat(event.category()).isEqualTo("RoleManagement");
        assertThat(event.initiatedByUserPrincipalName()).isEqualTo("AdeleV@contoso.onmicrosoft.com");
        assertThat(event.initiatedByAppName()).isNull();
        assertThat(event.targetResources())
                .containsExactly(
                        new AuditTarget(
                                "6e7b768e-07e2-4810-8459-485f84f8f204",
                                "User",
                                null,
                                "MeganB@contoso.onmicrosoft.com",
                                List.of(
                                        new ModifiedProperty(
                                                "Role.ObjectID", null, "\"f6cb0b4e-8e4d-4a7c-9e6e-3c2b3a6d9f10\""),
                                        new ModifiedProperty("Role.DisplayName", null, "\"Global Administrator\""),
                                        new ModifiedProperty(
                                                "Role.TemplateId", null, "\"62e90394-69f5-4237-9190-012177145e10\""),
                                        new ModifiedProperty("Role.WellKnownObjectName", null, "\"TenantAdmins\""))),
                        new AuditTarget("f6cb0b4e-8e4d-4a7c-9e6e-3c2b3a6d9f10", "Role", null, null));

        AuditTarget member = event.targetResources().get(0);
        assertThat(member.modifiedProperty("role.templateid").newText())
                .isEqualTo("62e90394-69f5-4237-9190-012177145e10");
        assertThat(member.modifiedProperty("Role.DisplayName").newText()).isEqualTo("Global Administrator");
        assertThat(member.modifiedProperty("Role.DisplayName").oldText()).isNull();
        assertThat(member.modifiedProperty("AccountEnabled")).isNull();
    }

    @Test
    void aTargetWithoutModifiedPropertiesHasAnEmptyList() throws IOException {
        EntraAuditEvent event = AuditLogsFetcher.read(MAPPER.readTree("""
                {"id": "x", "activityDateTime": "2026-12-07T08:00:00Z",
                 "targetResources": [{"id": "g1", "type": "Group", "modifiedProperties": null}, {"id": "g2"}]}
                """));

        assertThat(event.targetResources())
                .extracting(AuditTarget::modifiedProperties)
                .containsExactly(List.of(), List.of());
    }

    @Test
    void anEventWithoutIdIsRefused() {
        assertThatThrownBy(() ->
                        AuditLogsFetcher.read(MAPPER.readTree("{\"activityDateTime\": \"2026-12-07T08:00:00Z\"}")))
                .isInstanceOf(IOException.class)
                .hasMessage("a directory audit without id or activityDateTime");
    }

    @Test
    void unquotingResolvesJsonEscapesAndLeavesAnythingElseAsItIs() {
        assertThat(new ModifiedProperty("n", "\"<b>\\\"Bob\\\" \\u00e9\\\\</b>\"", null).oldText())
                .isEqualTo("<b>\"Bob\" \u00e9\\</b>");
        assertThat(new ModifiedProperty("n", null, "[\"a\",\"b\"]").newText()).isEqualTo("[\"a\",\"b\"]");
        assertThat(new ModifiedProperty("n", null, "true").newText()).isEqualTo("true");
        assertThat(new ModifiedProperty("n", null, "\"a\" \"b\"").newText()).isEqualTo("\"a\" \"b\"");
        assertThat(new ModifiedProperty("n", null, "\"bad \\q\"").newText()).isEqualTo("\"bad \\q\"");
        assertThat(new ModifiedProperty("n", null, "\"short \\u00e\"").newText())
                .isEqualTo("\"short \\u00e\"");
        assertThat(new ModifiedProperty("n", null, "\"\"").newText()).isEmpty();
    }
}
