package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.SyncResult;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraUser;
import dev.entrasync.testkit.SimulatedTenant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An optional enrichment Graph does not answer as expected — a group's member count without
 * {@code @odata.count}, a role member without an id — keeps the dataset's rows, marks the enrichment unknown
 * and warns; neither the dataset nor users (who take their role names from the same list) fail.
 */
class OptionalEnrichmentTest {

    private final DatasetsFixture fx = new DatasetsFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aMemberCountWithoutOdataCountKeepsTheGroupsWithTheCountUnknown() {
        SimulatedTenant tenant = fx.tenant("Contoso", 60, 5, 30);
        String group = (String) tenant.groups().list().get(0).get("id");
        fx.sim.cloud.faults().forPath("/v1.0/groups/" + group + "/members").withoutOdataCountNext(1);

        DatasetResult groups =
                fx.sync(tenant, Set.of(Dataset.GROUPS)).dataset(Dataset.GROUPS).orElseThrow();

        assertThat(groups.status()).as(groups.error()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        assertThat(groups.warnings())
                .singleElement()
                .asString()
                .contains("Member counts are unknown for some groups")
                .contains("without @odata.count")
                .contains(tenant.id());
        List<EntraGroup> stored = fx.records(tenant, Dataset.GROUPS);
        assertThat(stored).hasSize(tenant.groups().list().size());
        assertThat(stored.stream().filter(g -> g.memberCount() == null))
                .singleElement()
                .satisfies(g -> assertThat(g.id()).isEqualTo(group));
        assertThat(stored.stream().filter(g -> g.memberCount() != null)).hasSize(stored.size() - 1);
    }

    @Test
    void aRoleMemberWithoutAnIdIsLeftOutWithAWarningAndFailsNeitherRolesNorUsers() {
        SimulatedTenant tenant = fx.tenant("Contoso", 60, 5, 5);
        String role = tenant.roles().list().stream()
                .map(r -> (String) r.get("id"))
                .filter(id -> !tenant.roles().members(id).isEmpty())
                .findFirst()
                .orElseThrow();
        fx.sim
                .cloud
                .faults()
                .forPath("/v1.0/directoryRoles/" + role + "/members")
                .itemWithoutIdNext();

        SyncResult result = fx.sync(tenant, Set.of(Dataset.ROLES, Dataset.USERS));

        DatasetResult roles = result.dataset(Dataset.ROLES).orElseThrow();
        DatasetResult users = result.dataset(Dataset.USERS).orElseThrow();
        assertThat(roles.status()).as(roles.error()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        assertThat(users.status()).as(users.error()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        for (DatasetResult r : List.of(roles, users)) {
            assertThat(r.warnings())
                    .anySatisfy(w -> assertThat(w)
                            .contains("1 member(s) of directory role")
                            .contains("came without an id")
                            .contains(tenant.id())
                            .contains("/directoryRoles/"));
        }
        List<EntraRole> stored = fx.records(tenant, Dataset.ROLES);
        assertThat(stored).isNotEmpty();
        assertThat(stored)
                .allSatisfy(r -> assertThat(r.members())
                        .allSatisfy(m -> assertThat(m.id()).isNotNull()));
        assertThat(fx.<EntraUser>records(tenant, Dataset.USERS)).hasSize(60);
        assertThat(fx.<EntraUser>records(tenant, Dataset.USERS).stream()
                        .filter(u -> !u.directoryRoles().isEmpty()))
                .isNotEmpty();
    }
}
