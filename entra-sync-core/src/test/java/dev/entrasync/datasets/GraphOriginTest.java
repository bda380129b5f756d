package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.testkit.SimulatedTenant;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests, links and the token stay on Graph's origin (scheme, host and port): a next link, delta link or
 * redirect to another origin (here plain HTTP on the same host, another port, answering a page that looks like
 * Graph's) is not followed, nothing from the dataset is stored and its checkpoint is not moved; a saved delta
 * link elsewhere is never sent.
 */
class GraphOriginTest {

    private static final Set<Dataset> USERS = Set.of(Dataset.USERS);

    private final DatasetsFixture fx = new DatasetsFixture();
    private final MockWebServer elsewhere = new MockWebServer();
    private SimulatedTenant tenant;
    private String foreign;

    @BeforeEach
    void aPreviousRunAndAServerOnAnotherPort() throws IOException {
        elsewhere.start();
        foreign = "http://127.0.0.1:" + elsewhere.getPort();
        for (int i = 0; i < 5; i++) {
            elsewhere.enqueue(new MockResponse.Builder()
                    .addHeader("Content-Type", "application/json")
                    .body("{\"value\":[{\"id\":\"6c0e8a8e-0000-4000-8000-000000000bad\",\"displayName\":\"Mallory\"}],"
                            + "\"@odata.deltaLink\":\"" + foreign + "/v1.0/users/delta?$deltatoken=stolen\"}")
                    .build());
        }
        tenant = fx.tenant("Contoso", 10, 2, 3);
        fx.sync(tenant, USERS);
        tenant.users().update((String) tenant.users().list().get(1).get("id"), Map.of("displayName", "Changed"));
    }

    @AfterEach
    void close() {
        elsewhere.close();
        fx.close();
    }

    private List<EntraRecord> records() {
        return fx.records(tenant, Dataset.USERS);
    }

    private Optional<Checkpoint> checkpoint() {
        return fx.checkpoints.load(TenantId.of(tenant.id()), Dataset.USERS);
    }

    private DatasetResult syncUsers() {
        return fx.sync(tenant, USERS).dataset(Dataset.USERS).orElseThrow();
    }

    @Test
    void aNextLinkToPlainHttpOnAnotherPortIsNotFollowedAndNothingIsStored() throws Exception {
        List<EntraRecord> before = records();
        Optional<Checkpoint> saved = checkpoint();
        fx.sim.cloud.faults().forPath("/v1.0/users").nextLinkTo(1, foreign + "/v1.0/users/delta?$skiptoken=x");

        DatasetResult users = syncUsers();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error())
                .contains("@odata.nextLink to another origin (http://127.0.0.1:" + elsewhere.getPort())
                .contains("tenant " + tenant.id())
                .contains("not followed");
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(records()).isEqualTo(before);
        assertThat(checkpoint()).isEqualTo(saved);
    }

    @Test
    void aDeltaLinkToAnotherOriginIsNotSavedAndTheRoundIsNotStored() {
        List<EntraRecord> before = records();
        Optional<Checkpoint> saved = checkpoint();
        fx.sim.cloud.faults().forPath("/v1.0/users").deltaLinkTo(1, foreign + "/v1.0/users/delta?$deltatoken=stolen");

        DatasetResult users = syncUsers();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error()).contains("@odata.deltaLink to another origin");
        assertThat(records()).isEqualTo(before);
        assertThat(checkpoint()).isEqualTo(saved);
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aRedirectToAnotherOriginIsNotFollowed() {
        List<EntraRecord> before = records();
        Optional<Checkpoint> saved = checkpoint();
        fx.sim.cloud.faults().forPath("/v1.0/users").redirectNext(foreign + "/v1.0/users/delta?$deltatoken=x");

        DatasetResult users = syncUsers();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error()).contains("redirect (302) to another origin");
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(records()).isEqualTo(before);
        assertThat(checkpoint()).isEqualTo(saved);
    }

    @Test
    void aSavedDeltaLinkOnAnotherOriginIsNotSentAndAFullRoundReplacesIt() {
        fx.checkpoints.save(
                TenantId.of(tenant.id()),
                Dataset.USERS,
                new Checkpoint(
                        foreign + "/v1.0/users/delta?$deltatoken=planted",
                        null,
                        Instant.parse("2026-11-22T07:00:00Z"),
                        Set.of()));

        DatasetResult users = syncUsers();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        assertThat(users.mode()).isEqualTo(DatasetResult.Mode.FULL);
        assertThat(users.warnings())
                .singleElement()
                .asString()
                .contains("saved delta link")
                .contains("not on the credential's Graph URL");
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(checkpoint().orElseThrow().deltaLink()).startsWith(fx.sim.cloud.graphUrl() + "/v1.0/users/delta");
    }

    @Test
    void aBatchItemsNextLinkToAnotherOriginIsNotFollowed() {
        fx.sim
                .cloud
                .faults()
                .forPath("/v1.0/directoryRoles/")
                .nextLinkTo(1, foreign + "/v1.0/directoryRoles/x/members");

        DatasetResult roles =
                fx.sync(tenant, Set.of(Dataset.ROLES)).dataset(Dataset.ROLES).orElseThrow();

        assertThat(roles.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(roles.error()).contains("@odata.nextLink to another origin").contains("/v1.0/directoryRoles/");
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(fx.checkpoints.load(TenantId.of(tenant.id()), Dataset.ROLES)).isEmpty();
    }
}
