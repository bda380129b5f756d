package dev.entrasync.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Directory audit events of role membership in the shape Entra ID logs them ({@code Add member to role},
 * {@code Remove member from role}, category {@code RoleManagement}, service {@code Core Directory}): the member first,
 * with the role in its modified properties ({@code Role.ObjectID}, {@code Role.DisplayName}, {@code Role.TemplateId},
 * {@code Role.WellKnownObjectName}, values JSON-quoted as Graph writes them), then the role itself as a second target.
 */
public final class RoleAuditEvents {

    /**
     * Template ids of the roles entra-sync's {@code BuiltInRules} counts as privileged (the testkit cannot see that
     * class): generated history never assigns them, so no generated tenant shows a fresh privileged assignment. Core's
     * {@code PrivilegedRolesTest} fails when the two lists differ.
     */
    static final Set<String> PRIVILEGED = Set.of(
            "62e90394-69f5-4237-9190-012177145e10",
            "e8611ab8-c189-46e8-94e1-60213ab1f814",
            "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
            "fe930be7-5e62-47db-91af-98c3a49a38b1",
            "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
            "29232cdf-9323-42fd-ade2-1d097af3e4de",
            "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
            "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
            "158c047a-c907-4556-b7ef-446551a6b5f7",
            "194ae4cb-b126-40b2-bd5b-6091b380977d",
            "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9",
            "c4e39bd9-1100-46d3-8c65-fb160da0071f",
            "3a2c62db-5318-420d-8d74-23affee5d9d5");

    /** Graph's {@code Role.WellKnownObjectName} of the catalog's roles that have one. */
    private static final Map<String, String> WELL_KNOWN = Map.of(
            RoleCatalog.GLOBAL_ADMINISTRATOR.templateId(), "TenantAdmins",
            RoleCatalog.USER_ADMINISTRATOR.templateId(), "UserAccountAdmins",
            RoleCatalog.HELPDESK_ADMINISTRATOR.templateId(), "HelpdeskAdmins",
            RoleCatalog.DIRECTORY_READERS.templateId(), "DirectoryReaders",
            RoleCatalog.EXCHANGE_ADMINISTRATOR.templateId(), "ExchangeServiceAdmins",
            RoleCatalog.SHAREPOINT_ADMINISTRATOR.templateId(), "SharePointServiceAdmins");

    static final String ADD = "Add member to role";
    static final String REMOVE = "Remove member from role";

    private RoleAuditEvents() {}

    /**
     * Logs that {@code memberId} was added to or removed from the activated role {@code roleId}, now by the tenant's
     * clock, initiated by the role's tenant's first Global Administrator other than the member (by nobody named when
     * there is none), and returns the stored event.
     */
    public static Map<String, Object> record(TenantData tenant, String roleId, String memberId, boolean added) {
        Map<String, Object> role = tenant.store("directoryRoles").get(roleId);
        String correlationId = Ids.random();
        Map<String, Object> event = event(
                "Directory_" + correlationId + "_"
                        + Long.toUnsignedString(System.nanoTime(), 36).toUpperCase(),
                tenant.now(),
                added,
                role,
                member(tenant, memberId),
                initiator(tenant, memberId),
                correlationId);
        GraphSchema.check("directoryAudit", event);
        return tenant.store("directoryAudits").put(event);
    }

    /**
     * Gives each generated {@code Add member to role} event of the tenant that names no role yet one of the tenant's
     * activated roles that is not privileged, picked by the event id (so the same tenant always gets the same roles);
     * leaves them as they are when the tenant has no such role.
     */
    static void describeGenerated(TenantData tenant) {
        List<Map<String, Object>> roles = tenant.store("directoryRoles").all().stream()
                .filter(r -> !PRIVILEGED.contains(String.valueOf(r.get("roleTemplateId"))))
                .toList();
        if (roles.isEmpty()) {
            return;
        }
        for (Map<String, Object> event : tenant.store("directoryAudits").all()) {
            if (!ADD.equals(event.get("activityDisplayName"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> targets = (List<Map<String, Object>>) event.get("targetResources");
            if (targets.size() != 1) {
                continue;
            }
            Map<String, Object> role = roles.get(Math.floorMod(((String) event.get("id")).hashCode(), roles.size()));
            Map<String, Object> member = new LinkedHashMap<>(targets.get(0));
            member.put("modifiedProperties", roleProperties(role, true));
            Map<String, Object> described = new LinkedHashMap<>(event);
            described.put("targetResources", List.of(member, roleTarget(role)));
            tenant.store("directoryAudits").put(described);
        }
    }

    private static Map<String, Object> event(
            String id,
            Instant at,
            boolean added,
            Map<String, Object> role,
            Map<String, Object> member,
            Map<String, Object> initiatedBy,
            String correlationId) {
        Map<String, Object> target = new LinkedHashMap<>(member);
        target.put("modifiedProperties", roleProperties(role, added));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("activityDateTime", Gen.iso(at));
        event.put("activityDisplayName", added ? ADD : REMOVE);
        event.put("additionalDetails", List.of());
        event.put("category", "RoleManagement");
        event.put("correlationId", correlationId);
        event.put("initiatedBy", initiatedBy);
        event.put("loggedByService", "Core Directory");
        event.put("operationType", added ? "Assign" : "Unassign");
        event.put("result", "success");
        event.put("resultReason", "");
        event.put("targetResources", List.of(target, roleTarget(role)));
        return event;
    }

    /** The role's properties on the member target: new values for an addition, old values for a removal. */
    private static List<Map<String, Object>> roleProperties(Map<String, Object> role, boolean added) {
        String templateId = (String) role.get("roleTemplateId");
        List<Map<String, Object>> properties = new ArrayList<>();
        properties.add(property("Role.ObjectID", (String) role.get("id"), added));
        properties.add(property("Role.DisplayName", (String) role.get("displayName"), added));
        properties.add(property("Role.TemplateId", templateId, added));
        String wellKnown = WELL_KNOWN.get(templateId);
        if (wellKnown != null) {
            properties.add(property("Role.WellKnownObjectName", wellKnown, added));
        }
        return properties;
    }

    private static Map<String, Object> property(String name, String value, boolean added) {
        String quoted =
                value == null ? null : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("displayName", name);
        property.put("oldValue", added ? null : quoted);
        property.put("newValue", added ? quoted : null);
        return property;
    }

    private static Map<String, Object> roleTarget(Map<String, Object> role) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("id", role.get("id"));
        target.put("displayName", null);
        target.put("type", "Role");
        target.put("userPrincipalName", null);
        target.put("groupType", null);
        target.put("modifiedProperties", List.of());
        return target;
    }

    /** The member as a target: a user with its UPN, else a service principal or a group with its name. */
    private static Map<String, Object> member(TenantData tenant, String memberId) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("id", memberId);
        Map<String, Object> user = tenant.store("users").get(memberId);
        Map<String, Object> sp = tenant.store("servicePrincipals").get(memberId);
        Map<String, Object> group = tenant.store("groups").get(memberId);
        Map<String, Object> other = sp != null ? sp : group;
        target.put("displayName", user != null || other == null ? null : other.get("displayName"));
        target.put("type", user != null ? "User" : sp != null ? "ServicePrincipal" : group != null ? "Group" : "Other");
        target.put("userPrincipalName", user == null ? null : user.get("userPrincipalName"));
        target.put("groupType", null);
        return target;
    }

    private static Map<String, Object> initiator(TenantData tenant, String memberId) {
        Map<String, Object> initiatedBy = new LinkedHashMap<>();
        initiatedBy.put("app", null);
        initiatedBy.put("user", null);
        for (Map<String, Object> role : tenant.store("directoryRoles").all()) {
            if (!RoleCatalog.GLOBAL_ADMINISTRATOR.templateId().equals(role.get("roleTemplateId"))) {
                continue;
            }
            for (Map.Entry<String, String> m :
                    tenant.roleMembers((String) role.get("id")).entrySet()) {
                Map<String, Object> admin = tenant.store("users").get(m.getKey());
                if (admin != null && !m.getKey().equals(memberId)) {
                    Map<String, Object> user = new LinkedHashMap<>();
                    user.put("id", admin.get("id"));
                    user.put("displayName", null);
                    user.put("userPrincipalName", admin.get("userPrincipalName"));
                    user.put("ipAddress", "203.0.113.10");
                    initiatedBy.put("user", user);
                    return initiatedBy;
                }
            }
        }
        return initiatedBy;
    }
}
