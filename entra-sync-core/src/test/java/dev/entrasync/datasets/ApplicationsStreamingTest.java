package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetResult.Status;
import dev.entrasync.model.EntraApplication;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code applications} streams: the app registrations and each of the two pages of service principals (999 to a
 * page) reach the sink as they arrive, each with its Microsoft Graph permissions, and the request count is that of
 * reading everything first. A failure on the second page of service principals fails the run and keeps what was
 * stored.
 */
class ApplicationsStreamingTest {

    private static final String LIST = "/v1.0/servicePrincipals";
    /** The page size entra-sync asks for and the simulated cloud grants. */
    private static final int PAGE = 999;

    private final DatasetsFixture fx = new DatasetsFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    /**
     * A tenant with the generated apps plus enough service principals (as Graph v1.0 describes them) for a second
     * page of eleven, the last of them granted a Microsoft Graph permission.
     */
    private SimulatedTenant twoPagesOfServicePrincipals(String name) {
        SimulatedTenant tenant = fx.tenant(name, 30, 10, 6);
        int extra = PAGE + 11 - tenant.servicePrincipals().size();
        for (int n = 0; n < extra; n++) {
            Map<String, Object> sp = new LinkedHashMap<>();
            // ids after the generated ones: the store pages by id, so the second page holds only these
            sp.put("id", "ffff%04x-5e00-4000-8000-%012x".formatted(n, n));
            sp.put("appId", "%08x-a900-4000-8000-%012x".formatted(name.hashCode(), n));
            sp.put("displayName", name + " connector " + n);
            sp.put("servicePrincipalType", "Application");
            sp.put("accountEnabled", n % 7 != 0);
            sp.put("appOwnerOrganizationId", tenant.id());
            sp.put("signInAudience", "AzureADMyOrg");
            sp.put("passwordCredentials", List.of());
            sp.put("keyCredentials", List.of());
            tenant.servicePrincipals().add(sp);
        }
        List<Map<String, Object>> principals = tenant.servicePrincipals().list();
        assertThat(principals).hasSize(PAGE + 11);
        Map<String, Object> graph = tenant.servicePrincipals().find("appId", "00000003-0000-0000-c000-000000000000");
        Map<String, Object> last = principals.get(principals.size() - 1);
        assertThat((String) last.get("displayName")).as("on the second page").startsWith(name + " connector");
        tenant.graphPermissionGrants()
                .add(Map.of(
                        "appRoleId",
                        "df021288-bdef-4463-88db-98f22de89214", // User.Read.All
                        "principalId",
                        last.get("id"),
                        "principalType",
                        "ServicePrincipal",
                        "principalDisplayName",
                        last.get("displayName"),
                        "resourceId",
                        graph.get("id"),
                        "resourceDisplayName",
                        "Microsoft Graph"));
        return tenant;
    }

    /** Service principal id → the names of the Microsoft Graph permissions the tenant granted it. */
    private static Map<String, List<String>> granted(SimulatedTenant tenant) {
        Map<String, Object> graph = tenant.servicePrincipals().find("appId", "00000003-0000-0000-c000-000000000000");
        Map<String, String> names = new HashMap<>();
        for (Object role : (List<?>) graph.get("appRoles")) {
            Map<?, ?> r = (Map<?, ?>) role;
            names.put((String) r.get("id"), (String) r.get("value"));
        }
        Map<String, TreeSet<String>> out = new HashMap<>();
        for (Map<String, Object> grant : tenant.graphPermissionGrants().list()) {
            out.computeIfAbsent((String) grant.get("principalId"), k -> new TreeSet<>())
                    .add(names.get((String) grant.get("appRoleId")));
        }
        return out.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    @Test
    void writesTheApplicationsAndEachPageOfServicePrincipalsAsTheyArrive() {
        SimulatedTenant tenant = twoPagesOfServicePrincipals("Litware");
        int apps = tenant.applications().size();
        int principals = tenant.servicePrincipals().size();
        int grants = tenant.graphPermissionGrants().size();
        Map<String, List<String>> granted = granted(tenant);
        String lastId =
                (String) tenant.servicePrincipals().list().get(principals - 1).get("id");
        WriteLog log = new WriteLog(fx, Dataset.APPLICATIONS, ApplicationsStreamingTest::listPage);

        DatasetResult result = fx.sync(tenant, Set.of(Dataset.APPLICATIONS), log)
                .dataset(Dataset.APPLICATIONS)
                .orElseThrow();

        assertThat(result.clean()).as(result.toString()).isTrue();
        // the Graph service principal, one page of grants, one of app registrations, two of service principals
        assertThat(RequestCountTest.pages(grants)).isEqualTo(1);
        assertThat(RequestCountTest.pages(apps)).isEqualTo(1);
        assertThat(result.requests()).isEqualTo(5);
        assertThat(fx.httpCalls()).hasSize(5);
        assertThat(fx.httpCalls().stream().filter(ApplicationsStreamingTest::listPage))
                .hasSize(2);
        // every application and service principal written once, with its Graph permissions
        List<String> written =
                log.upserts().stream().flatMap(u -> u.ids().stream()).toList();
        assertThat(written).doesNotHaveDuplicates().hasSize(apps + principals);
        Map<String, EntraApplication> stored = fx.<EntraApplication>records(tenant, Dataset.APPLICATIONS).stream()
                .collect(Collectors.toMap(EntraApplication::id, Function.identity()));
        assertThat(stored).hasSize(apps + principals);
        assertThat(result.rowsUpserted()).isEqualTo(apps + principals);
        for (Map<String, Object> sp : tenant.servicePrincipals().list()) {
            String id = (String) sp.get("id");
            assertThat(stored.get(id).kind()).isEqualTo(EntraApplication.Kind.SERVICE_PRINCIPAL);
            assertThat(stored.get(id).accountEnabled()).as(id).isEqualTo(sp.get("accountEnabled"));
            assertThat(stored.get(id).graphPermissions()).as(id).isEqualTo(granted.getOrDefault(id, List.of()));
        }
        for (Map<String, Object> app : tenant.applications().list()) {
            assertThat(stored.get((String) app.get("id")).kind()).isEqualTo(EntraApplication.Kind.APPLICATION);
        }
        assertThat(stored.get(lastId).graphPermissions()).containsExactly("User.Read.All");
        // streamed: the app registrations before any service principal was listed, and the first page of service
        // principals before the second was asked for
        assertThat(log.upserts()).hasSize(3);
        assertThat(log.upserts().get(0).ids()).hasSize(apps);
        assertThat(log.upserts().get(0).listPagesRequested()).isZero();
        assertThat(log.upserts().get(1).ids()).hasSize(PAGE);
        assertThat(log.upserts().get(1).listPagesRequested()).isEqualTo(1);
        assertThat(log.upserts().get(2).ids()).hasSize(principals - PAGE).contains(lastId);
        assertThat(log.upserts().get(2).listPagesRequested()).isEqualTo(2);
    }

    @Test
    void aFailedSecondPageOfServicePrincipalsFailsTheRunAndKeepsWhatWasStored() {
        SimulatedTenant tenant = twoPagesOfServicePrincipals("Tailspin");
        DatasetResult first = fx.sync(tenant, Set.of(Dataset.APPLICATIONS))
                .dataset(Dataset.APPLICATIONS)
                .orElseThrow();
        assertThat(first.clean()).as(first.toString()).isTrue();
        List<EntraApplication> before = fx.records(tenant, Dataset.APPLICATIONS);
        // a run that completed would drop the first added service principal and rename the last one
        List<Map<String, Object>> principals = tenant.servicePrincipals().list();
        String dropped = (String) tenant.servicePrincipals()
                .find("displayName", "Tailspin connector 0")
                .get("id");
        tenant.servicePrincipals().delete(dropped);
        tenant.servicePrincipals()
                .update((String) principals.get(principals.size() - 1).get("id"), Map.of("displayName", "X"));
        // Graph refuses the second page once the first page of service principals was written
        WriteLog log = new WriteLog(
                fx,
                Dataset.APPLICATIONS,
                ApplicationsStreamingTest::listPage,
                upsert -> upsert.listPagesRequested() == 1,
                () -> fx.sim.cloud.faults().forTenant(tenant.id()).forPath(LIST).failNext(1, 400));

        DatasetResult result = fx.sync(tenant, Set.of(Dataset.APPLICATIONS), log)
                .dataset(Dataset.APPLICATIONS)
                .orElseThrow();

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.error())
                .contains(tenant.id())
                .contains("400")
                .contains(LIST)
                .contains("$skiptoken=");
        assertThat(log.upserts()).hasSize(2);
        assertThat(log.upserts().get(1).ids()).hasSize(PAGE);
        assertThat(fx.httpCalls().stream().filter(ApplicationsStreamingTest::listPage))
                .hasSize(2 + 2);
        assertThat(log.aborted()).isTrue();
        assertThat(fx.<EntraApplication>records(tenant, Dataset.APPLICATIONS)).isEqualTo(before);
    }

    /** A request for a page of the service principal list (not the Graph service principal, found by filter). */
    private static boolean listPage(RecordedCall call) {
        return call.path().equals(LIST) && call.queryParam("$filter") == null;
    }
}
