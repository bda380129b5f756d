package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.GraphLimits;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Waits are bounded: a {@code Retry-After} longer than {@code GraphLimits.maxRetryAfter}, or waits adding up past
 * {@code maxWaitPerDataset}, stop the dataset at once with a reason, and the job goes on with the next dataset.
 * All on fake time: a "day" is never slept.
 */
class WaitBoundsTest {

    private final DatasetsFixture fx = new DatasetsFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private Duration slept() {
        return fx.sim.time.totalSlept();
    }

    @Test
    void aRetryAfterOfADayStopsTheDatasetAtOnceAndTheJobMovesOn() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 2, 3);
        fx.sim.cloud.faults().forPath("/v1.0/users").throttleAlways(86400);

        SyncResult result = fx.sync(tenant, Set.of(Dataset.USERS, Dataset.GROUPS));

        DatasetResult users = result.dataset(Dataset.USERS).orElseThrow();
        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error())
                .contains("Graph asked tenant " + tenant.id() + " to wait 86400 s")
                .contains("/v1.0/users")
                .contains("429")
                .contains("capped at 5 min (GraphLimits.maxRetryAfter)")
                .contains("tried again at the next run after 2026-11-23T08:0");
        assertThat(users.fix()).contains("next sync after 2026-11-23T08:0");
        assertThat(fx.sim.cloud.graphCalls().stream().filter(c -> c.path().startsWith("/v1.0/users")))
                .hasSize(1);
        assertThat(slept()).isLessThan(Duration.ofMinutes(1));
        assertThat(fx.records(tenant, Dataset.USERS)).isEmpty();
        assertThat(fx.checkpoints.load(TenantId.of(tenant.id()), Dataset.USERS)).isEmpty();
        assertThat(result.dataset(Dataset.GROUPS).orElseThrow().status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateADayAheadIsCappedToo() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 2, 3);
        fx.sim.cloud.faults().forPath("/v1.0/users").throttleNextWithHttpDate(1, 86400);

        DatasetResult users =
                fx.sync(tenant, Set.of(Dataset.USERS)).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error()).contains("86400 s").contains("GraphLimits.maxRetryAfter");
        assertThat(slept()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aRetryAfterWithinTheCapIsWaitedOut() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 2, 3);
        fx.sim.cloud.faults().forPath("/v1.0/users").throttleNext(1, 300);

        DatasetResult users =
                fx.sync(tenant, Set.of(Dataset.USERS)).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        assertThat(users.retryAfterWaited()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void waitsThatAddUpPastTheDatasetsTotalStopIt() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 2, 3);
        fx.limits = GraphLimits.custom()
                .maxRetryAfter(Duration.ofMinutes(5))
                .maxWaitPerDataset(Duration.ofMinutes(10))
                .build();
        fx.sim.cloud.faults().forPath("/v1.0/users").throttleAlways(240);

        DatasetResult users =
                fx.sync(tenant, Set.of(Dataset.USERS)).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.retryAfterWaited()).isEqualTo(Duration.ofMinutes(8));
        assertThat(users.error())
                .contains("to wait 4 min")
                .contains("had already waited 8 min")
                .contains("at most 10 min in total (GraphLimits.maxWaitPerDataset)")
                .contains(tenant.id());
        assertThat(slept()).isLessThan(Duration.ofMinutes(9));
    }

    @Test
    void backOffAfterServerErrorsCountsAgainstTheDatasetsTotal() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 2, 3);
        fx.limits = GraphLimits.custom()
                .maxRetryAfter(Duration.ofMinutes(5))
                .maxWaitPerDataset(Duration.ofSeconds(2))
                .build();
        fx.sim.cloud.faults().forPath("/v1.0/users").failNext(8, 500);

        DatasetResult users =
                fx.sync(tenant, Set.of(Dataset.USERS)).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error()).contains("needed a back-off of").contains("GraphLimits.maxWaitPerDataset");
        assertThat(slept()).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anUnparseableOrNegativeRetryAfterGetsExponentialBackOff() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 2, 3);
        fx.sim
                .cloud
                .faults()
                .forPath("/v1.0/users")
                .throttleNextWithRetryAfter(1, "soon")
                .throttleNextWithRetryAfter(1, "-5");

        DatasetResult users =
                fx.sync(tenant, Set.of(Dataset.USERS)).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        assertThat(users.retryAfterWaited()).isZero();
        assertThat(fx.sim.time.sleeps())
                .hasSize(2)
                .allSatisfy(d -> assertThat(d)
                        .isBetween(
                                Duration.ofMillis(500), GraphLimits.ofDefaults().backoffMax()));
    }

    @Test
    void aBatchItemsRetryAfterOfADayStopsTheDatasetToo() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 2, 3);
        fx.sim.cloud.faults().forPath("/v1.0/directoryRoles/").throttleNext(1, 86400);

        SyncResult result = fx.sync(tenant, Set.of(Dataset.ROLES, Dataset.GROUPS));

        DatasetResult roles = result.dataset(Dataset.ROLES).orElseThrow();
        assertThat(roles.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(roles.error())
                .contains("to wait 86400 s")
                .contains("$batch request")
                .contains("/directoryRoles/")
                .contains("GraphLimits.maxRetryAfter");
        assertThat(slept()).isLessThan(Duration.ofMinutes(1));
        assertThat(result.dataset(Dataset.GROUPS).orElseThrow().status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
    }
}
