package dev.entrasync.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates what ties a tenant's directory together: service principals, activated directory
 * roles and their members (users, a role-assignable group, a service principal), and group
 * memberships (users, nested groups, devices).
 */
final class DirectoryGenerator {
    static final String USER = "#microsoft.graph.user";
    static final String GROUP = "#microsoft.graph.group";
    static final String DEVICE = "#microsoft.graph.device";
    static final String SERVICE_PRINCIPAL = "#microsoft.graph.servicePrincipal";
    private static final String[] APPS = {"Backup Connector", "HR Sync", "Helpdesk Bot", "Reporting Service"};

    private final Gen gen;

    DirectoryGenerator(Gen gen) {
        this.gen = gen;
    }

    /** Adds a few service principals of third-party apps. */
    List<String> servicePrincipals() {
        List<String> ids = new ArrayList<>();
        for (String app : APPS) {
            Map<String, Object> sp = new LinkedHashMap<>();
            sp.put("id", gen.guid());
            sp.put("deletedDateTime", null);
            sp.put("accountEnabled", true);
            sp.put("appDisplayName", gen.spec.name() + " " + app);
            sp.put("appId", gen.guid());
            sp.put("appOwnerOrganizationId", gen.tenant.id());
            sp.put("displayName", gen.spec.name() + " " + app);
            sp.put("servicePrincipalNames", List.of(sp.get("appId")));
            sp.put("servicePrincipalType", "Application");
            gen.tenant.store("servicePrincipals").put(sp);
            ids.add((String) sp.get("id"));
        }
        return ids;
    }

    /** Fills groups with members; dynamic groups get the users of their department. */
    void groupMembers(
            List<Map<String, Object>> users, List<Map<String, Object>> groups, List<Map<String, Object>> devices) {
        Map<Object, List<String>> byDepartment = new java.util.HashMap<>();
        for (Map<String, Object> user : users) {
            byDepartment
                    .computeIfAbsent(user.get("department"), d -> new ArrayList<>())
                    .add((String) user.get("id"));
        }
        for (Map<String, Object> group : groups) {
            String groupId = (String) group.get("id");
            String rule = (String) group.get("membershipRule");
            if (rule != null) {
                String department = rule.substring(rule.indexOf('"') + 1, rule.lastIndexOf('"'));
                for (String userId : byDepartment.getOrDefault(department, List.of())) {
                    gen.tenant.addGroupMember(groupId, userId, USER, false);
                }
                continue;
            }
            int count = users.isEmpty() ? 0 : 1 + gen.random.nextInt(Math.min(50, users.size()));
            for (int i = 0; i < count; i++) {
                Map<String, Object> user = users.get(gen.random.nextInt(users.size()));
                gen.tenant.addGroupMember(groupId, (String) user.get("id"), USER, false);
            }
            if (Boolean.TRUE.equals(group.get("securityEnabled")) && !devices.isEmpty() && gen.chance(0.3)) {
                Map<String, Object> device = devices.get(gen.random.nextInt(devices.size()));
                gen.tenant.addGroupMember(groupId, (String) device.get("id"), DEVICE, false);
            }
        }
        if (groups.size() >= 2) {
            gen.tenant.addGroupMember(
                    (String) groups.get(0).get("id"), (String) groups.get(1).get("id"), GROUP, false);
        }
    }

    /** Activates Global Administrator and some other roles and assigns members. */
    void roles(List<Map<String, Object>> members, String roleGroupId, List<String> spIds) {
        List<RoleCatalog.Role> active = new ArrayList<>();
        active.add(RoleCatalog.GLOBAL_ADMINISTRATOR);
        for (RoleCatalog.Role role : RoleCatalog.OPTIONAL) {
            if (gen.chance(0.5)) {
                active.add(role);
            }
        }
        if (!active.contains(RoleCatalog.HELPDESK_ADMINISTRATOR)) {
            active.add(RoleCatalog.HELPDESK_ADMINISTRATOR);
        }
        active.add(RoleCatalog.DIRECTORY_READERS);
        for (RoleCatalog.Role role : active) {
            String roleId = activate(role);
            int count = members.isEmpty() ? 0 : 1 + gen.random.nextInt(Math.min(3, members.size()));
            for (int i = 0; i < count; i++) {
                Map<String, Object> user = members.get(gen.random.nextInt(Math.min(members.size(), 40)));
                gen.tenant.addRoleMember(roleId, (String) user.get("id"), USER);
            }
            if (role == RoleCatalog.HELPDESK_ADMINISTRATOR && roleGroupId != null) {
                gen.tenant.addRoleMember(roleId, roleGroupId, GROUP);
            }
            if (role == RoleCatalog.DIRECTORY_READERS && !spIds.isEmpty()) {
                gen.tenant.addRoleMember(roleId, spIds.get(0), SERVICE_PRINCIPAL);
            }
        }
    }

    /** Creates the activated role object; returns its id. */
    String activate(RoleCatalog.Role role) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", gen.guid());
        entity.put("deletedDateTime", null);
        entity.put("description", role.description());
        entity.put("displayName", role.displayName());
        entity.put("roleTemplateId", role.templateId());
        gen.tenant.store("directoryRoles").put(entity);
        return (String) entity.get("id");
    }
}
