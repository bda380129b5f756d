package dev.entrasync.internal.onboarding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.entrasync.GraphPermission;
import dev.entrasync.internal.graph.GraphPager;
import dev.entrasync.internal.graph.Json;
import dev.entrasync.internal.graph.Priority;
import dev.entrasync.internal.graph.RequestStats;
import dev.entrasync.internal.graph.TenantGraph;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /organization} (permission Organization.Read.All): a tenant's display name and default
 * domain (the verified domain with {@code isDefault}, else the initial one). One request.
 *
 * @param tenantId the organization's id (the tenant GUID)
 * @param displayName its display name, or null
 * @param defaultDomain its default domain, or null
 */
public record Organization(String tenantId, String displayName, String defaultDomain) {

    static final String SELECT = "id,displayName,verifiedDomains";
    private static final List<String> PERMISSIONS =
            List.of(GraphPermission.ORGANIZATION_READ_ALL.value(), GraphPermission.DIRECTORY_READ_ALL.value());

    /** Reads the organization of the graph's tenant. */
    public static Organization read(TenantGraph graph, Priority priority, RequestStats stats) {
        List<Organization> found = new ArrayList<>();
        GraphPager.forEachPage(
                graph,
                graph.v1("organization?$select=" + SELECT),
                Organization::item,
                priority,
                PERMISSIONS,
                stats,
                page -> found.addAll(page.items()));
        return found.isEmpty() ? new Organization(graph.tenant(), null, null) : found.get(0);
    }

    private static Organization item(JsonParser p) throws IOException {
        String id = null;
        String name = null;
        String defaultDomain = null;
        String initialDomain = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = Json.text(p);
                case "displayName" -> name = Json.text(p);
                case "verifiedDomains" -> {
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        continue;
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        Domain d = domain(p);
                        if (d.isDefault && defaultDomain == null) {
                            defaultDomain = d.name;
                        }
                        if (d.isInitial && initialDomain == null) {
                            initialDomain = d.name;
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new Organization(id, name, defaultDomain != null ? defaultDomain : initialDomain);
    }

    private record Domain(String name, boolean isDefault, boolean isInitial) {}

    private static Domain domain(JsonParser p) throws IOException {
        String name = null;
        boolean isDefault = false;
        boolean isInitial = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> name = Json.text(p);
                case "isDefault" -> isDefault = Boolean.TRUE.equals(Json.bool(p));
                case "isInitial" -> isInitial = Boolean.TRUE.equals(Json.bool(p));
                default -> p.skipChildren();
            }
        }
        return new Domain(name, isDefault, isInitial);
    }
}
