package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.model.EntraUser;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Users through the whole pipeline: MSAL4J, the Graph SDK core, retry, paging, Jackson, the sink. */
class GraphPipelineTest {

    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();

    @AfterEach
    void close() {
        sim.close();
    }

    private SyncResult syncUsers(SimulatedTenant tenant) {
        try (SyncEngine engine = sim.engine()) {
            return engine.sync("msp", TenantId.of(tenant.id()), Set.of(Dataset.USERS));
        }
    }

    private List<RecordedCall> userPages() {
        return calls("/v1.0/users");
    }

    private List<RecordedCall> calls(String path) {
        return sim.cloud.graphCalls().stream()
                .filter(c -> c.path().equals(path))
                .toList();
    }

    /** HTTP requests Graph received ({@code $batch} items travel inside one). */
    private List<RecordedCall> httpCalls() {
        return sim.cloud.graphCalls().stream().filter(c -> !c.batchItem()).toList();
    }

    @Test
    void listsTwoThousandFiveHundredUsersInThreeRequests() {
        SimulatedTenant tenant = sim.tenant("Contoso", 2500);

        SyncResult result = syncUsers(tenant);

        assertThat(result.succeeded()).isTrue();
        assertThat(sim.sink.<EntraUser>records(TenantId.of(tenant.id()), Dataset.USERS))
                .hasSize(2500);
        assertThat(userPages()).hasSize(3);
        RecordedCall first = userPages().get(0);
        assertThat(first.queryParam("$top")).isEqualTo("999");
        assertThat(first.queryParam("$select"))
                .isEqualTo("id,userPrincipalName,displayName,accountEnabled,userType,"
                        + "createdDateTime,lastPasswordChangeDateTime,otherMails,passwordPolicies,assignedLicenses");
        assertThat(result.dataset(Dataset.USERS).orElseThrow().requests())
                .isEqualTo(httpCalls().size());
        assertThat(sim.cloud.tokenCalls()).hasSize(1);
    }

    @Test
    void everyGraphRequestIsABackgroundRequestThroughTheSdkMiddleware() {
        SimulatedTenant tenant = sim.tenant("Contoso", 1200);

        syncUsers(tenant);

        assertThat(httpCalls()).allSatisfy(call -> {
            assertThat(call.header("x-ms-throttle-priority")).isEqualTo("Low");
            assertThat(call.header("authorization")).startsWith("Bearer ");
            assertThat(call.header("sdkversion")).contains("graph-java");
        });
    }

    @Test
    void waitsOutABurstOfThrottlingAndDeliversEveryUserOnce() {
        SimulatedTenant tenant = sim.tenant("Contoso", 2500);
        sim.cloud.faults().forPath("/v1.0/users").throttleNext(3, 7.25);

        SyncResult result = syncUsers(tenant);

        assertThat(result.succeeded()).isTrue();
        // Graph's Retry-After, waited through the injected sleeper; any other wait is the reports limit
        // (5 requests in any 10 s, each counted until 10 s after its answer) pacing the MFA report.
        assertThat(sim.time.sleeps())
                .filteredOn(d -> d.equals(Duration.ofMillis(7250)))
                .hasSize(3);
        List<EntraUser> users = sim.sink.records(TenantId.of(tenant.id()), Dataset.USERS);
        assertThat(users).hasSize(2500);
        assertThat(users.stream().map(EntraUser::id).distinct()).hasSize(2500);
        DatasetResult stats = result.dataset(Dataset.USERS).orElseThrow();
        assertThat(stats.throttledResponses()).isEqualTo(3);
        assertThat(stats.retryAfterWaited()).isEqualTo(Duration.ofMillis(3 * 7250));
        assertThat(stats.requests()).isEqualTo(httpCalls().size());
        assertThat(httpCalls().stream().filter(c -> c.status() == 429)).hasSize(3);
    }

    @Test
    void honoursRetryAfterAsAnHttpDate() {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.cloud.clock(sim.time);
        sim.cloud.faults().throttleNextWithHttpDate(1, 30);

        assertThat(syncUsers(tenant).succeeded()).isTrue();
        assertThat(sim.time.sleeps())
                .singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30)));
    }

    @Test
    void serverErrorsAndDroppedConnectionsBackOffThenSucceed() {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.cloud.faults().forPath("/v1.0/users").failNext(2, 500);

        assertThat(syncUsers(tenant).succeeded()).isTrue();
        // Back-off with jitter: the first within [0.5 s, 1 s], the second within [1 s, 2 s]; the one MFA report
        // request waits for nothing.
        List<Duration> backoffs = sim.time.sleeps();
        assertThat(backoffs).hasSize(2);
        assertThat(backoffs.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(backoffs.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));

        sim.cloud.faults().dropConnectionNext();
        assertThat(syncUsers(tenant).succeeded()).isTrue();
    }

    @Test
    void aPageCutOffByADroppedConnectionIsSentAgainNotHalfDelivered() {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.cloud.faults().forPath("/v1.0/users").cutOffNext();

        SyncResult result = syncUsers(tenant);

        assertThat(result.succeeded()).isTrue();
        assertThat(sim.sink.<EntraUser>records(TenantId.of(tenant.id()), Dataset.USERS))
                .hasSize(10);
        assertThat(calls("/v1.0/users/delta")).hasSize(2);
    }

    @Test
    void aWholePageThatIsNotValidJsonFailsAtOnceNamingTenantAndEndpoint() {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.cloud.faults().forPath("/v1.0/users").malformedNext();

        DatasetResult users = syncUsers(tenant).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error())
                .contains("tenant " + tenant.id())
                .contains("/v1.0/users/delta")
                .contains("malformed")
                .contains("not sent again");
        assertThat(calls("/v1.0/users/delta")).hasSize(1);
        assertThat(sim.time.sleeps()).isEmpty();
        assertThat(sim.sink.<EntraUser>records(TenantId.of(tenant.id()), Dataset.USERS))
                .isEmpty();
    }

    @Test
    void aPageWithAnObjectWithoutAnIdFailsAtOnce() {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.cloud.faults().forPath("/v1.0/users").itemWithoutIdNext();

        DatasetResult users = syncUsers(tenant).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error())
                .contains("tenant " + tenant.id())
                .contains("/v1.0/users/delta")
                .contains("a user without an id");
        assertThat(calls("/v1.0/users/delta")).hasSize(1);
        assertThat(sim.time.sleeps()).isEmpty();
    }

    @Test
    void aPageWhoseValueIsNotAnArrayFailsAtOnce() {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.cloud.faults().forPath("/v1.0/users").valueNotArrayNext();

        DatasetResult users = syncUsers(tenant).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error()).contains("'value' is not an array").contains("/v1.0/users/delta");
        assertThat(calls("/v1.0/users/delta")).hasSize(1);
        assertThat(sim.time.sleeps()).isEmpty();
    }

    @Test
    void missingPermissionIsNotRetriedAndNamesThePermission() {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        tenant.revoke(sim.app, Permissions.USER_READ_ALL);

        DatasetResult users = syncUsers(tenant).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error()).contains("User.Read.All").contains("admin consent");
        assertThat(calls("/v1.0/users/delta"))
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(403));
        assertThat(userPages()).isEmpty();
        assertThat(sim.time.sleeps()).isEmpty();
    }

    @Test
    void unauthorizedIsNotRetried() {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.cloud.faults().failNext(1, 401);

        DatasetResult users = syncUsers(tenant).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error()).contains("401");
        assertThat(httpCalls())
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(401));
    }

    @Test
    void aFailedRunLeavesTheSinkAsThePreviousRunLeftIt() {
        SimulatedTenant tenant = sim.tenant("Contoso", 1500);
        syncUsers(tenant);
        List<EntraUser> before = sim.sink.records(TenantId.of(tenant.id()), Dataset.USERS);
        sim.cloud.faults().forPath("/v1.0/users").failNext(50, 500);

        SyncResult result;
        try (SyncEngine engine = sim.engine(GraphLimits.custom().maxAttempts(3).build())) {
            result = engine.sync("msp", TenantId.of(tenant.id()), Set.of(Dataset.USERS));
        }

        assertThat(result.succeeded()).isFalse();
        assertThat(result.dataset(Dataset.USERS).orElseThrow().error())
                .contains("Gave up")
                .contains("3 attempts");
        assertThat(sim.sink.<EntraUser>records(TenantId.of(tenant.id()), Dataset.USERS))
                .isEqualTo(before);
    }

    @Test
    void throttlingIsWaitedOutBeyondTheFailureBudget() {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.cloud.faults().forPath("/v1.0/users").throttleNext(20, 1.5);

        SyncResult result;
        try (SyncEngine engine = sim.engine(GraphLimits.custom().maxAttempts(3).build())) {
            result = engine.sync("msp", TenantId.of(tenant.id()), Set.of(Dataset.USERS));
        }

        assertThat(result.succeeded()).isTrue();
        assertThat(result.dataset(Dataset.USERS).orElseThrow().throttledResponses())
                .isEqualTo(20);
        assertThat(sim.time.sleeps())
                .filteredOn(d -> d.equals(Duration.ofMillis(1500)))
                .hasSize(20);
    }

    @Test
    void endlessThrottlingEndsAtTheThrottleBudgetWithAClearError() {
        SimulatedTenant tenant = sim.tenant("Contoso", 10);
        sim.cloud.faults().forPath("/v1.0/users").throttleNext(100, 1);

        SyncResult result;
        try (SyncEngine engine =
                sim.engine(GraphLimits.custom().throttledAttempts(5).build())) {
            result = engine.sync("msp", TenantId.of(tenant.id()), Set.of(Dataset.USERS));
        }

        DatasetResult users = result.dataset(Dataset.USERS).orElseThrow();
        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error())
                .contains("Gave up")
                .contains("5 attempts (5 throttled)")
                .contains("429");
        assertThat(users.throttledResponses()).isEqualTo(5);
    }
}
