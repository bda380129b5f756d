package dev.entrasync.internal.graph;

import static dev.entrasync.GraphPermission.APPLICATION_READ_ALL;
import static dev.entrasync.GraphPermission.DIRECTORY_READ_ALL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.GraphPermission;
import dev.entrasync.SyncConfig;
import dev.entrasync.model.ApplicationCredential;
import dev.entrasync.model.EntraApplication;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * App registrations and service principals with their credentials, and the Microsoft Graph application permissions
 * granted to each service principal (permission Application.Read.All). Always a full run, in 1 + p(Graph permission
 * grants) + p(applications) + p(service principals) requests, where p(n) = ⌈n/999⌉ pages and at least one:
 *
 * <ol>
 *   <li>{@code /servicePrincipals?$filter=appId eq '00000003-…'&$select=id,appRoles}: the tenant's Microsoft Graph
 *       service principal, whose {@code appRoles} name each permission id (read once per run);
 *   <li>{@code /servicePrincipals/{graph}/appRoleAssignedTo}: every app role assignment on Microsoft Graph in the
 *       tenant, read from the resource's side, so one list answers for all service principals rather than one
 *       request (or a {@code $batch} item) per service principal;
 *   <li>{@code /applications} and {@code /servicePrincipals}, 999 to a page (the documented maximum for both).
 * </ol>
 *
 * <p>Streams: the Graph permission map (permission names, and the grants by service principal) is read first and held
 * — it is small; then each page of applications and of service principals is written as it arrives, so a run holds
 * one page, however many apps the tenant has. A failure on a later page fails the run after earlier pages were
 * written; the engine aborts the full run's sink session, which leaves what the previous run stored.
 *
 * <p>Why not delta: {@code /applications/delta} and {@code /servicePrincipals/delta} exist, but a grant of a
 * permission is an {@code appRoleAssignment} object, not a change of the service principal, so delta would not see
 * it, and {@code $expand} is not supported on delta queries. A tenant's apps fit in one or two pages, so reading all
 * of them each run costs about as much as a delta round and sees every credential and grant change.
 *
 * <p>Why not {@code $expand=appRoleAssignments} on {@code /servicePrincipals}: an expanded relationship of a directory
 * object returns at most 20 items with no next link, and Microsoft caps the outer page at 100 when {@code $expand} is
 * used (Graph known issue; see ../shared/GRAPH.md, "$expand on directory objects") — an admin tool with more than 20
 * Graph permissions would be cut off silently, and 100 to a page costs more pages than 999.
 *
 * <p>Sources: learn.microsoft.com/graph/api/application-list and serviceprincipal-list ($top 1..999, $select),
 * serviceprincipal-list-approleassignedto, and the {@code passwordCredential}/{@code keyCredential} resources (the
 * secret's {@code hint} is its first three characters; {@code secretText} is only returned when a secret is added).
 */
final class ApplicationsFetcher implements DatasetFetcher {

    /** The {@code $select} of app registrations: exactly the fields kept. */
    static final String APPLICATIONS_SELECT =
            "id,appId,displayName,createdDateTime,signInAudience,passwordCredentials,keyCredentials";
    /** The {@code $select} of service principals: exactly the fields kept. */
    static final String SERVICE_PRINCIPALS_SELECT = "id,appId,displayName,servicePrincipalType,accountEnabled,"
            + "appOwnerOrganizationId,signInAudience,passwordCredentials,keyCredentials";
    /** The tenant's Microsoft Graph service principal, with the permissions it defines. */
    static final String GRAPH_SP = "servicePrincipals?$filter=appId%20eq%20'" + GraphPermission.GRAPH_RESOURCE_APP_ID
            + "'&$select=id,appRoles";
    /** The app role assignments on Microsoft Graph (to users, groups and service principals). */
    static final String GRANTS =
            "servicePrincipals/%s/appRoleAssignedTo?$select=appRoleId,principalId,principalType" + "&$top=999";

    static final List<String> PERMISSIONS = PermissionNames.of(APPLICATION_READ_ALL, DIRECTORY_READ_ALL);

    @Override
    public Dataset dataset() {
        return Dataset.APPLICATIONS;
    }

    @Override
    public Mode plan(Checkpoint previous, SyncConfig config, Instant now) {
        return Mode.FULL;
    }

    @Override
    public Checkpoint fetch(FetchContext context) {
        TenantGraph graph = context.graph();
        Map<String, List<String>> granted = graphPermissions(context);
        GraphPager.forEachPage(
                graph,
                graph.v1("applications?$select=" + APPLICATIONS_SELECT + "&$top=999"),
                p -> application(p.readValueAsTree(), EntraApplication.Kind.APPLICATION, Map.of()),
                Priority.LOW,
                PERMISSIONS,
                context.stats(),
                page -> context.writer().upsert(page.items()));
        GraphPager.forEachPage(
                graph,
                graph.v1("servicePrincipals?$select=" + SERVICE_PRINCIPALS_SELECT + "&$top=999"),
                p -> application(p.readValueAsTree(), EntraApplication.Kind.SERVICE_PRINCIPAL, granted),
                Priority.LOW,
                PERMISSIONS,
                context.stats(),
                page -> context.writer().upsert(page.items()));
        return null;
    }

    /**
     * Service principal id → the Microsoft Graph permissions granted to it. A tenant without the Microsoft Graph
     * service principal (it exists in every tenant Microsoft 365 was set up in) gets a warning and no permissions.
     */
    private static Map<String, List<String>> graphPermissions(FetchContext context) {
        TenantGraph graph = context.graph();
        List<JsonNode> graphSp = new ArrayList<>();
        GraphPager.forEachPage(
                graph,
                graph.v1(GRAPH_SP),
                p -> p.<JsonNode>readValueAsTree(),
                Priority.LOW,
                PERMISSIONS,
                context.stats(),
                page -> graphSp.addAll(page.items()));
        // the id goes into the next request's path: only a canonical GUID may (a forged one could point elsewhere)
        if (graphSp.isEmpty() || !GraphIds.isObjectId(Json.text(graphSp.get(0), "id"))) {
            context.warn("Tenant " + graph.tenant() + " has no Microsoft Graph service principal (appId "
                    + GraphPermission.GRAPH_RESOURCE_APP_ID + "), so no service principal's Microsoft Graph"
                    + " permissions could be read; the applications and their credentials were synced.");
            return Map.of();
        }
        JsonNode resource = graphSp.get(0);
        Map<String, String> names = new HashMap<>();
        for (JsonNode role : resource.path("appRoles")) {
            String id = Json.text(role, "id");
            String value = Json.text(role, "value");
            if (id != null && value != null) {
                names.put(id.toLowerCase(java.util.Locale.ROOT), value);
            }
        }
        Map<String, TreeSet<String>> granted = new HashMap<>();
        GraphPager.forEachPage(
                graph,
                graph.v1(GRANTS.formatted(Json.text(resource, "id"))),
                p -> p.<JsonNode>readValueAsTree(),
                Priority.LOW,
                PERMISSIONS,
                context.stats(),
                page -> {
                    for (JsonNode grant : page.items()) {
                        String principal = Json.text(grant, "principalId");
                        String roleId = Json.text(grant, "appRoleId");
                        if (principal == null
                                || roleId == null
                                || !"ServicePrincipal".equalsIgnoreCase(Json.text(grant, "principalType"))) {
                            continue;
                        }
                        String name = names.getOrDefault(roleId.toLowerCase(java.util.Locale.ROOT), roleId);
                        granted.computeIfAbsent(principal, k -> new TreeSet<>()).add(name);
                    }
                });
        Map<String, List<String>> out = new HashMap<>();
        granted.forEach((principal, permissions) -> out.put(principal, List.copyOf(permissions)));
        return out;
    }

    static EntraApplication application(JsonNode node, EntraApplication.Kind kind, Map<String, List<String>> granted)
            throws IOException {
        String id = Json.text(node, "id");
        if (id == null) {
            throw new IOException(
                    "an " + (kind == EntraApplication.Kind.APPLICATION ? "application" : "service" + " principal")
                            + " without an id");
        }
        List<ApplicationCredential> credentials = new ArrayList<>();
        for (JsonNode secret : node.path("passwordCredentials")) {
            credentials.add(credential(secret, ApplicationCredential.Kind.SECRET, id));
        }
        for (JsonNode certificate : node.path("keyCredentials")) {
            credentials.add(credential(certificate, ApplicationCredential.Kind.CERTIFICATE, id));
        }
        boolean sp = kind == EntraApplication.Kind.SERVICE_PRINCIPAL;
        return new EntraApplication(
                id,
                kind,
                Json.text(node, "appId"),
                Json.text(node, "displayName"),
                sp ? null : Json.instant(node, "createdDateTime"),
                Json.text(node, "signInAudience"),
                sp ? Json.text(node, "servicePrincipalType") : null,
                sp ? Json.bool(node, "accountEnabled") : null,
                sp ? Json.text(node, "appOwnerOrganizationId") : null,
                credentials,
                granted.getOrDefault(id, List.of()));
    }

    /** A credential's metadata; the secret's hint, its value and a certificate's key are never read. */
    private static ApplicationCredential credential(JsonNode node, ApplicationCredential.Kind kind, String owner)
            throws IOException {
        String keyId = Json.text(node, "keyId");
        if (keyId == null) {
            throw new IOException("a credential of " + owner + " without a keyId");
        }
        boolean certificate = kind == ApplicationCredential.Kind.CERTIFICATE;
        return new ApplicationCredential(
                keyId,
                kind,
                Json.text(node, "displayName"),
                Json.instant(node, "startDateTime"),
                Json.instant(node, "endDateTime"),
                certificate ? Json.text(node, "type") : null,
                certificate ? Json.text(node, "usage") : null);
    }
}
