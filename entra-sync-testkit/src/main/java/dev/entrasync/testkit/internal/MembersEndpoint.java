package dev.entrasync.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /directoryRoles/{id}/members} (no paging, as in Graph) and
 * {@code GET /groups/{id}/members} (paged): directory objects of mixed types, each with its
 * {@code @odata.type}. Users carry the user default properties, other types all they have. Group
 * members take {@code $count=true} (an advanced query: only with {@code ConsistencyLevel:
 * eventual}, else 400 as in Graph) and then carry {@code @odata.count} on the first page.
 */
final class MembersEndpoint implements GraphHandler {
    private static final Map<String, String> STORES = Map.of(
            "#microsoft.graph.user",
            "users",
            "#microsoft.graph.group",
            "groups",
            "#microsoft.graph.device",
            "devices",
            "#microsoft.graph.servicePrincipal",
            "servicePrincipals");
    private final boolean roles;

    /** Members of roles ({@code roles = true}) or of groups. */
    MembersEndpoint(boolean roles) {
        this.roles = roles;
    }

    @Override
    public SimResponse handle(GraphContext ctx) {
        ctx.require(roles ? GraphPermissions.ROLES : GraphPermissions.GROUP_MEMBERS);
        String id = ctx.pathParam(0);
        TenantData tenant = ctx.tenant();
        if (tenant.store(roles ? "directoryRoles" : "groups").get(id) == null) {
            throw GraphException.notFound(id);
        }
        List<String> select = select(ctx.request().param("$select"));
        boolean count = !roles && "true".equalsIgnoreCase(ctx.request().param("$count"));
        if (count && !"eventual".equalsIgnoreCase(ctx.request().header("ConsistencyLevel"))) {
            throw GraphException.badRequest("$count is not currently supported.");
        }
        Map<String, String> members = roles ? tenant.roleMembers(id) : tenant.groupMembers(id);
        List<Map.Entry<String, String>> entries = new ArrayList<>(members.entrySet());
        int from = 0;
        int top = roles ? entries.size() : QueryOptions.top(ctx.request(), 100, 999);
        if (!roles && ctx.request().param("$skiptoken") != null) {
            from = Integer.parseInt(Links.untoken(ctx.request().param("$skiptoken")));
        }
        int to = Math.min(entries.size(), from + top);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries.subList(Math.min(from, to), to)) {
            Map<String, Object> object =
                    tenant.store(STORES.get(entry.getValue())).get(entry.getKey());
            if (object != null) {
                items.add(render(entry.getValue(), object, select));
            }
        }
        String nextLink = null;
        if (to < entries.size()) {
            Map<String, String> query = new LinkedHashMap<>(ctx.request().queryWithout("$skiptoken"));
            query.put("$skiptoken", Links.token(Integer.toString(to)));
            nextLink = Links.url(ctx.cloud().graphUrl(), ctx.request().path(), query);
        }
        ctx.cost(roles ? 1 : 3);
        ctx.objects(items.size());
        String context = ctx.cloud().graphUrl() + "/v1.0/$metadata#directoryObjects";
        Long total = count && from == 0 ? (long) entries.size() : null;
        return SimResponse.json(
                200,
                PageWriter.page(
                        context, total, items, Selection.parse(null, "directoryObject", null), nextLink, null, null));
    }

    private static Map<String, Object> render(String type, Map<String, Object> object, List<String> select) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@odata.type", type);
        out.put("id", object.get("id"));
        if (select != null) {
            select.forEach(name -> out.put(name, object.get(name)));
        } else if (type.equals("#microsoft.graph.user")) {
            GraphRoutes.USER_DEFAULTS.forEach(name -> out.put(name, object.get(name)));
        } else {
            out.putAll(object);
        }
        return out;
    }

    private static List<String> select(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String name : raw.split(",")) {
            String trimmed = name.trim();
            boolean known = false;
            for (String type : Set.of("user", "group", "device", "servicePrincipal")) {
                known |= GraphSchema.hasProperty(type, trimmed);
            }
            if (!known) {
                throw GraphException.badRequest(
                        "Could not find a property named '" + trimmed + "' on type 'microsoft.graph.directoryObject'.");
            }
            names.add(trimmed);
        }
        return names;
    }
}
