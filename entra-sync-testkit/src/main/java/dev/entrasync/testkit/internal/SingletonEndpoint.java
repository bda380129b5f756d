package dev.entrasync.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Graph singleton such as {@code /policies/identitySecurityDefaultsEnforcementPolicy}: a permission check,
 * {@code $select} against the type's properties, and the one entity of the tenant's store (404 when it has none).
 */
final class SingletonEndpoint implements GraphHandler {
    private final String contextPath;
    private final String type;
    private final String collection;
    private final Set<String> permissions;

    /**
     * @param contextPath what follows {@code $metadata#} before {@code /$entity}, e.g.
     *     {@code policies/identitySecurityDefaultsEnforcementPolicy}
     * @param type the Graph type, e.g. {@code identitySecurityDefaultsEnforcementPolicy}
     * @param collection the tenant store holding the one entity
     * @param permissions application permissions any one of which grants access
     */
    SingletonEndpoint(String contextPath, String type, String collection, Set<String> permissions) {
        this.contextPath = contextPath;
        this.type = type;
        this.collection = collection;
        this.permissions = permissions;
    }

    @Override
    public SimResponse handle(GraphContext ctx) {
        ctx.require(permissions);
        Selection selection = Selection.parse(ctx.request().param("$select"), type, null);
        EntityStore store = ctx.tenant().store(collection);
        Map<String, Object> entity =
                store == null || store.size() == 0 ? null : store.all().get(0);
        if (entity == null) {
            throw new GraphException(404, "Request_ResourceNotFound", "Resource '" + type + "' does not exist.");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "@odata.context",
                ctx.cloud().graphUrl() + "/v1.0/$metadata#" + contextPath + selection.contextSuffix() + "/$entity");
        for (Map.Entry<String, Object> e : entity.entrySet()) {
            if (selection.properties() == null || selection.properties().contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        ctx.objects(1);
        return SimResponse.json(200, Json.bytes(out));
    }
}
