package dev.entrasync.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * {@code GET /roleManagement/directory/roleAssignments}: one tenant-wide assignment per activated
 * role member, derived from the role member lists (so it always agrees with
 * {@code /directoryRoles/{id}/members}). {@code roleDefinitionId} is the role's template id.
 * Supports {@code $filter}, {@code $select}, {@code $top} (max 999) and
 * {@code $expand=principal}.
 */
final class RoleAssignmentsEndpoint implements GraphHandler {
    @Override
    public SimResponse handle(GraphContext ctx) {
        ctx.require(GraphPermissions.ROLES);
        SimRequest request = ctx.request();
        Selection selection = Selection.parse(request.param("$select"), "unifiedRoleAssignment", null);
        int top = QueryOptions.top(request, 100, 999);
        Predicate<Map<String, Object>> filter = QueryOptions.filter(request, "unifiedRoleAssignment", true);
        String expand = request.param("$expand");
        if (expand != null && !expand.trim().equals("principal")) {
            throw GraphException.badRequest("Could not find a property named '" + expand.trim()
                    + "' on type 'microsoft.graph.unifiedRoleAssignment'.");
        }
        EntityStore store = new EntityStore("unifiedRoleAssignment");
        TenantData tenant = ctx.tenant();
        for (Map<String, Object> role : tenant.store("directoryRoles").all()) {
            tenant.roleMembers((String) role.get("id"))
                    .forEach((memberId, type) -> store.put(
                            assignment(tenant, (String) role.get("roleTemplateId"), memberId, type, expand != null)));
        }
        String after = request.param("$skiptoken") == null ? null : Links.untoken(request.param("$skiptoken"));
        EntityStore.Page page = store.page(after, top, filter);
        String nextLink = null;
        if (page.more()) {
            Map<String, String> query = new LinkedHashMap<>(request.queryWithout("$skiptoken"));
            query.put("$skiptoken", Links.token(page.lastKey()));
            nextLink = Links.url(ctx.cloud().graphUrl(), request.path(), query);
        }
        Selection served = expand == null || selection.properties() == null
                ? selection
                : Selection.of(withPrincipal(selection.properties()));
        String context = ctx.cloud().graphUrl() + "/v1.0/$metadata#roleManagement/directory/roleAssignments"
                + selection.contextSuffix();
        ctx.objects(page.items().size());
        return SimResponse.json(200, PageWriter.page(context, page.items(), served, nextLink, null, null));
    }

    private static List<String> withPrincipal(List<String> names) {
        List<String> out = new ArrayList<>(names);
        if (!out.contains("principal")) {
            out.add("principal");
        }
        return out;
    }

    private static Map<String, Object> assignment(
            TenantData tenant, String roleDefinitionId, String memberId, String type, boolean expand) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "id",
                UUID.nameUUIDFromBytes((roleDefinitionId + memberId).getBytes()).toString());
        out.put("directoryScopeId", "/");
        out.put("principalId", memberId);
        out.put("principalOrganizationId", tenant.id());
        out.put("roleDefinitionId", roleDefinitionId);
        if (expand) {
            String store = type.endsWith(".user") ? "users" : type.endsWith(".group") ? "groups" : "servicePrincipals";
            Map<String, Object> principal = new LinkedHashMap<>();
            principal.put("@odata.type", type);
            Map<String, Object> object = tenant.store(store).get(memberId);
            if (object != null) {
                principal.putAll(object);
            }
            out.put("principal", principal);
        }
        return out;
    }
}
