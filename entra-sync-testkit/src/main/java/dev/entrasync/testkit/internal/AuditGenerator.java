package dev.entrasync.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates directory audit events spread over the retention window, initiated by a user or an app. Its
 * {@code Add member to role} events get their role once the tenant's roles exist, from
 * {@link RoleAuditEvents#describeGenerated(TenantData)}.
 */
final class AuditGenerator {
    private record Activity(String name, String category, String operation, String service, String targetType) {}

    private static final List<Activity> ACTIVITIES = List.of(
            new Activity("Add user", "UserManagement", "Add", "Core Directory", "User"),
            new Activity("Update user", "UserManagement", "Update", "Core Directory", "User"),
            new Activity("Reset user password", "UserManagement", "Update", "Self-service Password Management", "User"),
            new Activity("Change user license", "UserManagement", "Update", "Core Directory", "User"),
            new Activity("Add member to group", "GroupManagement", "Assign", "Core Directory", "User"),
            new Activity("Remove member from group", "GroupManagement", "Unassign", "Core Directory", "User"),
            new Activity("Add group", "GroupManagement", "Add", "Core Directory", "Group"),
            new Activity("Add member to role", "RoleManagement", "Assign", "Core Directory", "User"),
            new Activity("Update device", "Device", "Update", "Core Directory", "Device"),
            new Activity("Register device", "Device", "Add", "Device Registration Service", "Device"),
            new Activity(
                    "Consent to application", "ApplicationManagement", "Assign", "Core Directory", "ServicePrincipal"),
            new Activity("Update policy", "Policy", "Update", "Core Directory", "Policy"));

    private final Gen gen;

    AuditGenerator(Gen gen) {
        this.gen = gen;
    }

    /** Returns {@code perDay} events per day for {@code days} days before "as of". */
    List<Map<String, Object>> events(
            int days, int perDay, List<Map<String, Object>> users, List<Map<String, Object>> servicePrincipals) {
        List<Map<String, Object>> events = new ArrayList<>(days * perDay);
        for (int i = 0; i < days * perDay; i++) {
            events.add(event(gen.daysAgo(days), users, servicePrincipals));
        }
        return events;
    }

    private Map<String, Object> event(
            Instant at, List<Map<String, Object>> users, List<Map<String, Object>> servicePrincipals) {
        Activity activity = ACTIVITIES.get(gen.random.nextInt(ACTIVITIES.size()));
        boolean failed = gen.chance(0.05);
        String correlationId = gen.guid();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put(
                "id",
                "Directory_" + correlationId.substring(0, 5).toUpperCase() + "_"
                        + Long.toUnsignedString(gen.random.nextLong(), 36).toUpperCase());
        event.put("activityDateTime", at.toString());
        event.put("activityDisplayName", activity.name());
        event.put(
                "additionalDetails",
                List.of(detail(
                        "User-Agent",
                        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)")));
        event.put("category", activity.category());
        event.put("correlationId", correlationId);
        event.put("initiatedBy", initiator(users, servicePrincipals));
        event.put("loggedByService", activity.service());
        event.put("operationType", activity.operation());
        event.put("result", failed ? "failure" : "success");
        event.put("resultReason", failed ? "Microsoft.Online.Workflows.ObjectAlreadyExistsException" : "");
        event.put("targetResources", List.of(target(activity, users)));
        return event;
    }

    private Map<String, Object> initiator(
            List<Map<String, Object>> users, List<Map<String, Object>> servicePrincipals) {
        Map<String, Object> initiatedBy = new LinkedHashMap<>();
        if (users.isEmpty() || (!servicePrincipals.isEmpty() && gen.chance(0.25))) {
            Map<String, Object> sp = servicePrincipals.get(gen.random.nextInt(servicePrincipals.size()));
            Map<String, Object> app = new LinkedHashMap<>();
            app.put("appId", sp.get("appId"));
            app.put("displayName", sp.get("displayName"));
            app.put("servicePrincipalId", sp.get("id"));
            app.put("servicePrincipalName", null);
            initiatedBy.put("app", app);
            initiatedBy.put("user", null);
        } else {
            Map<String, Object> actor = users.get(gen.random.nextInt(Math.min(users.size(), 40)));
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", actor.get("id"));
            user.put("displayName", null);
            user.put("userPrincipalName", actor.get("userPrincipalName"));
            user.put("ipAddress", "203.0.113." + (1 + gen.random.nextInt(250)));
            initiatedBy.put("app", null);
            initiatedBy.put("user", user);
        }
        return initiatedBy;
    }

    private Map<String, Object> target(Activity activity, List<Map<String, Object>> users) {
        Map<String, Object> target = new LinkedHashMap<>();
        Map<String, Object> user = users.isEmpty() ? Map.of() : users.get(gen.random.nextInt(users.size()));
        boolean isUser = activity.targetType().equals("User") && !users.isEmpty();
        target.put("id", isUser ? user.get("id") : gen.guid());
        target.put("displayName", isUser ? null : activity.targetType() + " object");
        target.put("type", activity.targetType());
        target.put("userPrincipalName", isUser ? user.get("userPrincipalName") : null);
        target.put("groupType", null);
        Map<String, Object> modified = new LinkedHashMap<>();
        modified.put("displayName", "Included Updated Properties");
        modified.put("oldValue", null);
        modified.put("newValue", "\"\"");
        target.put("modifiedProperties", List.of(modified));
        return target;
    }

    private static Map<String, Object> detail(String key, String value) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("key", key);
        detail.put("value", value);
        return detail;
    }
}
