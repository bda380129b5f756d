package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.GraphLimits;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Paging is bounded: a next link that comes back (to the same page, or round a cycle) stops the dataset at once,
 * and so does a walk past {@code GraphLimits.maxPages}; nothing of the dataset is kept and its checkpoint stays.
 */
class PagingBoundsTest {

    private final DatasetsFixture fx = new DatasetsFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private List<RecordedCall> calls(String prefix) {
        return fx.sim.cloud.graphCalls().stream()
                .filter(c -> c.path().startsWith(prefix))
                .toList();
    }

    @Test
    void aPageThatLinksToItselfStopsTheDatasetAndTheJobMovesOn() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 2, 3);
        fx.sim.cloud.faults().forPath("/v1.0/users").nextLinkToSelf(50);

        SyncResult result = fx.sync(tenant, Set.of(Dataset.USERS, Dataset.GROUPS));

        DatasetResult users = result.dataset(Dataset.USERS).orElseThrow();
        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error())
                .contains("tenant " + tenant.id())
                .contains("/v1.0/users")
                .contains("@odata.nextLink this walk had already followed")
                .contains("never end");
        assertThat(calls("/v1.0/users")).hasSizeLessThan(5);
        assertThat(fx.records(tenant, Dataset.USERS)).isEmpty();
        assertThat(fx.checkpoints.load(TenantId.of(tenant.id()), Dataset.USERS)).isEmpty();
        assertThat(result.dataset(Dataset.GROUPS).orElseThrow().status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
    }

    @Test
    void aCycleOfNextLinksStopsTheDataset() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 2, 3);
        String first = fx.sim.cloud.graphUrl() + "/v1.0/security/secureScoreControlProfiles?$top=999";
        String second = first.replace("$top=999", "$top=998");
        fx.sim
                .cloud
                .faults()
                .forPath("/v1.0/security/secureScoreControlProfiles")
                .nextLinkTo(1, second)
                .nextLinkTo(1, first)
                .nextLinkTo(1, second)
                .nextLinkTo(1, first);

        DatasetResult scores = fx.sync(tenant, Set.of(Dataset.SECURE_SCORES))
                .dataset(Dataset.SECURE_SCORES)
                .orElseThrow();

        assertThat(scores.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(scores.error()).contains("already followed");
        assertThat(calls("/v1.0/security/secureScoreControlProfiles")).hasSize(2);
    }

    @Test
    void aDeltaRoundPastTheMostPagesAReadMayFollowStopsAndKeepsTheCheckpoint() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 2, 3);
        fx.sync(tenant, Set.of(Dataset.USERS));
        List<EntraRecord> before = fx.records(tenant, Dataset.USERS);
        Optional<Checkpoint> checkpoint = fx.checkpoints.load(TenantId.of(tenant.id()), Dataset.USERS);
        for (int i = 0; i < 5; i++) {
            tenant.users()
                    .update((String) tenant.users().list().get(i).get("id"), Map.of("displayName", "Changed " + i));
        }
        fx.sim.cloud.deltaPageSize(1);
        fx.limits = GraphLimits.custom().maxPages(3).build();

        DatasetResult users =
                fx.sync(tenant, Set.of(Dataset.USERS)).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.mode()).isEqualTo(DatasetResult.Mode.DELTA);
        assertThat(users.error()).contains("after 3 pages").contains("GraphLimits.maxPages");
        assertThat(fx.records(tenant, Dataset.USERS)).isEqualTo(before);
        assertThat(fx.checkpoints.load(TenantId.of(tenant.id()), Dataset.USERS)).isEqualTo(checkpoint);
    }

    @Test
    void aReadIsBoundedByTheCollectionsCountWhenAPageCarriesIt() {
        SimulatedTenant tenant = fx.tenant("Contoso", 30, 2, 3);
        fx.sync(tenant, Set.of(Dataset.USERS));
        Optional<Checkpoint> checkpoint = fx.checkpoints.load(TenantId.of(tenant.id()), Dataset.USERS);
        for (int i = 0; i < 20; i++) {
            tenant.users()
                    .update((String) tenant.users().list().get(i).get("id"), Map.of("displayName", "Changed " + i));
        }
        fx.sim.cloud.deltaPageSize(1);
        fx.sim.cloud.faults().forPath("/v1.0/users/delta").odataCountNext(1, 1);

        DatasetResult users =
                fx.sync(tenant, Set.of(Dataset.USERS)).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error())
                .contains("after 12 pages")
                .contains("derived from the collection's @odata.count of 1 at 1 per page");
        assertThat(fx.checkpoints.load(TenantId.of(tenant.id()), Dataset.USERS)).isEqualTo(checkpoint);
    }

    @Test
    void aBatchItemsNextLinkThatComesBackStopsTheDataset() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 2, 3);
        fx.sim.cloud.faults().forPath("/v1.0/directoryRoles/").nextLinkToSelf(50);

        SyncResult result = fx.sync(tenant, Set.of(Dataset.ROLES, Dataset.GROUPS));

        DatasetResult roles = result.dataset(Dataset.ROLES).orElseThrow();
        assertThat(roles.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(roles.error()).contains("/v1.0/directoryRoles/").contains("already followed");
        assertThat(calls("/v1.0/directoryRoles/").stream().filter(c -> !c.batchItem()))
                .hasSize(1);
        assertThat(result.dataset(Dataset.GROUPS).orElseThrow().status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
    }
}
