package dev.entrasync.internal.graph;

import static dev.entrasync.GraphPermission.DIRECTORY_READ_ALL;
import static dev.entrasync.GraphPermission.ROLE_MANAGEMENT_READ_DIRECTORY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.SyncConfig;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraRoleMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /directoryRoles} (permission RoleManagement.Read.Directory): the activated roles, then every
 * role's {@code /members} packed 20 to a {@code $batch} — 1 + ⌈roles/20⌉ requests, fewer than
 * {@code roleAssignments?$expand=principal} (one page per 100 assignments at best) for any tenant
 * with more than a handful of admins. Always a full run. The same list gives users their role names.
 */
final class RolesFetcher implements DatasetFetcher {

    /** The {@code $select} list of the roles: exactly the fields kept. */
    static final String SELECT = "id,displayName,description,roleTemplateId";
    /**
     * Members are read without {@code $select}: they are users, groups and service principals, and
     * {@code userPrincipalName} exists only on users, so selecting it on {@code directoryObject} is not
     * valid v1.0. Roles have few members, so the default properties cost little.
     */
    static final String MEMBERS = "/directoryRoles/%s/members";

    static final List<String> PERMISSIONS = PermissionNames.of(ROLE_MANAGEMENT_READ_DIRECTORY, DIRECTORY_READ_ALL);

    @Override
    public Dataset dataset() {
        return Dataset.ROLES;
    }

    @Override
    public Mode plan(Checkpoint previous, SyncConfig config, Instant now) {
        return Mode.FULL;
    }

    @Override
    public Checkpoint fetch(FetchContext context) {
        RoleIndex index = context.indexes().roles(context.stats());
        index.warnings().forEach(context::warn);
        context.writer().upsert(index.roles());
        return null;
    }

    /**
     * The activated roles with their members, and what could not be read of them: a member Graph lists without
     * an id is left out (the role is kept) and named in a warning.
     */
    record RoleIndex(List<EntraRole> roles, List<String> warnings) {
        RoleIndex {
            roles = List.copyOf(roles);
            warnings = List.copyOf(warnings);
        }
    }

    /** Reads the activated roles and their members. */
    static RoleIndex load(TenantGraph graph, RequestStats stats) {
        List<JsonNode> roles = new ArrayList<>();
        GraphPager.forEachPage(
                graph,
                graph.v1("directoryRoles?$select=" + SELECT),
                p -> p.<JsonNode>readValueAsTree(),
                Priority.LOW,
                PERMISSIONS,
                stats,
                page -> roles.addAll(page.items()));
        List<String> warnings = new ArrayList<>();
        int forged = roles.size();
        // a role's id goes into its members' request path: a role whose id is not a GUID is left out
        roles.removeIf(r -> !GraphIds.isObjectId(Json.text(r, "id")));
        forged -= roles.size();
        if (forged > 0) {
            warnings.add(forged + " directory role(s) in tenant " + graph.tenant() + " came from GET directoryRoles"
                    + " with an id that is not a GUID and were left out, with their members: role ids are GUIDs, so"
                    + " the response was broken or not Microsoft Graph's. The next sync reads the roles again.");
        }
        List<String> urls = roles.stream()
                .map(r -> MEMBERS.formatted(r.path("id").asText()))
                .toList();
        Map<String, JsonNode> bodies = GraphBatch.send(graph, GraphBatch.items(urls, Map.of()), PERMISSIONS, stats);
        List<EntraRole> out = new ArrayList<>(roles.size());
        for (int i = 0; i < roles.size(); i++) {
            JsonNode role = roles.get(i);
            List<EntraRoleMember> members = new ArrayList<>();
            int withoutId = 0;
            JsonNode body = bodies.get(Integer.toString(i + 1));
            for (JsonNode member : body.path("value")) {
                Optional<EntraRoleMember> read = member(member);
                read.ifPresent(members::add);
                withoutId += read.isEmpty() ? 1 : 0;
            }
            String next = Json.text(body, "@odata.nextLink");
            if (next != null) {
                List<Optional<EntraRoleMember>> more = new ArrayList<>();
                GraphPager.forEachPage(
                        graph,
                        GraphPager.link(graph, next, "@odata.nextLink", "/v1.0" + urls.get(i)),
                        p -> member(p.<JsonNode>readValueAsTree()),
                        Priority.LOW,
                        PERMISSIONS,
                        stats,
                        page -> more.addAll(page.items()));
                for (Optional<EntraRoleMember> read : more) {
                    read.ifPresent(members::add);
                    withoutId += read.isEmpty() ? 1 : 0;
                }
            }
            if (withoutId > 0) {
                warnings.add(withoutId + " member(s) of directory role '" + Json.text(role, "displayName") + "' ("
                        + role.path("id").asText() + ") in tenant " + graph.tenant() + " came without an id from GET "
                        + MEMBERS.formatted(role.path("id").asText()) + " and were left out: that role's members,"
                        + " and users' role names, may be incomplete until the next sync.");
            }
            out.add(new EntraRole(
                    role.path("id").asText(),
                    Json.text(role, "displayName"),
                    Json.text(role, "description"),
                    Json.text(role, "roleTemplateId"),
                    members));
        }
        return new RoleIndex(out, warnings);
    }

    /** The member, or empty for one without an id (which cannot be kept). */
    static Optional<EntraRoleMember> member(JsonNode member) {
        String id = Json.text(member, "id");
        if (id == null) {
            return Optional.empty();
        }
        String type = Json.text(member, "@odata.type");
        type = type == null ? "directoryObject" : type.substring(type.lastIndexOf('.') + 1);
        return Optional.of(new EntraRoleMember(
                id, type, Json.text(member, "userPrincipalName"), Json.text(member, "displayName")));
    }
}
