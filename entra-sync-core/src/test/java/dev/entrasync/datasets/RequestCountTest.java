package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.SyncResult;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSecureScoreControl;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import dev.entrasync.testkit.GraphSchema;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A full sync of every dataset costs exactly the README's formula, with {@code p(n) = max(1, ⌈n/999⌉)}
 * (one page even when empty) and {@code q(n)} the cost of a delta collection's full round: 1 when
 * its n objects fit one delta page (the simulated cloud's 200, as Graph's), else {@code p(n) + 2}
 * (that first delta page, a delta link, the list):
 * <pre>
 *   6 + ⌈R/20⌉ + ⌈G/20⌉ + p(M) + q(U) + q(G) + q(D) + p(A) + s(U) + 1 + p(P) + p(AR) + p(SP) + ⌈I/1000⌉ + ⌈W/20⌉
 * </pre>
 * for U users, M of them in the MFA registration report, D devices, G groups, R activated roles
 * and A audit events in the first run's lookback (secure scores and control profiles fit a page
 * each), and {@code s(n) = max(1, ⌈n/500⌉)} the users' sign-in activity (500 a page with {@code signInActivity}).
 * The 6: organization, subscribedSkus, directoryRoles, secureScores, secureScoreControlProfiles, and the one
 * {@code $batch} of Conditional Access policies and security defaults. Applications: 1 for the Microsoft Graph
 * service principal, P Graph permission grants, AR app registrations and SP service principals; managed devices: I
 * Intune devices (at least one page), W of them desktops whose Ethernet MAC is read in {@code $batch}. Every request
 * also exists in Graph v1.0.
 */
class RequestCountTest {

    private static final int DELTA_PAGE = 200;

    private final DatasetsFixture fx = new DatasetsFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    static long pages(long n) {
        return Math.max(1, (n + 998) / 999);
    }

    /** A delta collection's full round: one delta page, or that page, a delta link and the list. */
    static long fullRound(long n) {
        return n <= DELTA_PAGE ? 1 : 2 + pages(n);
    }

    /** Pages of users with {@code signInActivity}: 500 a page, one even when empty. */
    static long signInPages(long n) {
        return Math.max(1, (n + 499) / 500);
    }

    static long batches(long n) {
        return (n + 19) / 20;
    }

    @ParameterizedTest(name = "{0} users, {1} devices, {2} groups")
    @CsvSource({"0, 0, 0", "150, 80, 12", "200, 201, 6", "999, 10, 6", "1000, 999, 20", "2500, 1200, 45"})
    void aFullSyncSendsExactlyTheFormulasRequests(int users, int devices, int groups) throws Exception {
        fx.sim.cloud.deltaPageSize(DELTA_PAGE);
        SimulatedTenant tenant = fx.tenant("Size" + users, users, devices, groups);

        SyncResult result = fx.syncAll(tenant);

        assertThat(result.datasets())
                .allSatisfy(d -> assertThat(d.clean()).as(d.toString()).isTrue());
        long u = fx.records(tenant, Dataset.USERS).size();
        long m = fx.<EntraUser>records(tenant, Dataset.USERS).stream()
                .filter(x -> x.mfa().state() != MfaStatus.State.UNKNOWN)
                .count();
        long d = fx.records(tenant, Dataset.DEVICES).size();
        long g = fx.records(tenant, Dataset.GROUPS).size();
        long r = fx.records(tenant, Dataset.ROLES).size();
        List<EntraRecord> scores = fx.records(tenant, Dataset.SECURE_SCORES);
        long a = fx.<EntraAuditEvent>records(tenant, Dataset.AUDIT_LOGS).size();
        assertThat(u).isEqualTo(users);
        assertThat(d).isEqualTo(devices);
        assertThat(g).isEqualTo(groups);
        assertThat(scores.stream().filter(s -> s instanceof EntraSecureScore).count())
                .isBetween(1L, 999L);
        assertThat(scores.stream()
                        .filter(s -> s instanceof EntraSecureScoreControl)
                        .count())
                .isBetween(1L, 999L);
        // applications: the Graph service principal, its grants, the app registrations, the service principals
        long applications = 1
                + pages(tenant.graphPermissionGrants().size())
                + pages(tenant.applications().size())
                + pages(tenant.servicePrincipals().size());
        // managed devices: Intune's pages of 1,000, and the desktops' Ethernet MACs 20 to a $batch
        long managedDevices = Math.max(1, (tenant.managedDevices().size() + 999) / 1000)
                + batches(tenant.managedDevices().list().stream()
                        .filter(x -> List.of("Windows", "macOS").contains(x.get("operatingSystem")))
                        .count());
        Map<Dataset, Long> expected = Map.ofEntries(
                Map.entry(Dataset.SIGN_IN_ACTIVITY, signInPages(u)), Map.entry(Dataset.CONDITIONAL_ACCESS, 1L));
        expected = new java.util.HashMap<>(expected);
        expected.putAll(Map.of(
                Dataset.TENANT_PROFILE,
                1L,
                Dataset.LICENSES,
                1L,
                Dataset.ROLES,
                1 + batches(r),
                Dataset.USERS,
                pages(m) + fullRound(u),
                Dataset.GROUPS,
                fullRound(g) + batches(g),
                Dataset.DEVICES,
                fullRound(d),
                Dataset.AUDIT_LOGS,
                pages(a),
                Dataset.SECURE_SCORES,
                2L));
        expected.put(Dataset.APPLICATIONS, applications);
        expected.put(Dataset.MANAGED_DEVICES, managedDevices);
        for (DatasetResult dataset : result.datasets()) {
            assertThat(dataset.requests()).as(dataset.dataset().key()).isEqualTo(expected.get(dataset.dataset()));
        }
        long formula = 6
                + batches(r)
                + batches(g)
                + pages(m)
                + fullRound(u)
                + fullRound(g)
                + fullRound(d)
                + pages(a)
                + signInPages(u)
                + applications
                + managedDevices;
        assertThat(fx.records(tenant, Dataset.SIGN_IN_ACTIVITY)).hasSize((int) u);
        assertThat(fx.httpCalls()).hasSize((int) formula);
        assertThat(result.datasets().stream().mapToLong(DatasetResult::requests).sum())
                .isEqualTo(formula);
        assertEveryRequestIsInGraphV1(fx.sim.cloud.graphCalls());
    }

    static void assertEveryRequestIsInGraphV1(List<RecordedCall> calls) throws Exception {
        Path file = Path.of(System.getProperty("entrasync.shared.dir", "../../shared"), "graph", "v1.0-metadata.xml");
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(Files.exists(file), "no Graph metadata at " + file);
        }
        GraphSchema schema = GraphSchema.load(file);
        for (RecordedCall call : calls) {
            if (!call.path().equals("/v1.0/$batch")) {
                assertThat(schema.check(call.path(), call.queryParam("$select")))
                        .as(call.method() + " " + call.path())
                        .isEmpty();
            }
        }
    }
}
