package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.GraphPermission;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraManagedDevice;
import dev.entrasync.model.EntraRole;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedDirectory;
import dev.entrasync.testkit.SimulatedTenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ids read from a Graph page go into the paths of later requests (a role's members, a group's member count, a device's
 * Ethernet MAC address in a {@code $batch}, the Microsoft Graph service principal's grants). A page whose id is not a
 * GUID — here a path that would address the users collection — never reaches a request path: the object is left out or
 * kept without the enrichment, with a warning, and the dataset succeeds.
 */
class ForgedIdsTest {

    /** What a forged id would make the next request read instead. */
    private static final String FORGED = "../users?$select=id,userPrincipalName";

    private final DatasetsFixture fx = new DatasetsFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    /** Adds a copy of the directory's first entity (matching {@code property=value} when given) under the forged id. */
    private static void addForgedCopy(SimulatedDirectory directory, String property, Object value) {
        addForgedCopyOf(
                directory,
                directory.list().stream()
                        .filter(e -> property == null || value.equals(e.get(property)))
                        .findFirst()
                        .orElseThrow());
    }

    private static void addForgedCopyOf(SimulatedDirectory directory, Map<String, Object> original) {
        Map<String, Object> copy = new LinkedHashMap<>(original);
        copy.put("id", FORGED);
        directory.add(copy);
    }

    private void assertNoRequestCarriesTheForgedId() {
        assertThat(fx.sim.cloud.graphCalls())
                .extracting(RecordedCall::path)
                .noneMatch(path -> path.contains("..") || path.contains("/users?"));
    }

    @Test
    void aManagedDeviceWithAForgedIdIsKeptWithoutItsEthernetAddress() {
        SimulatedTenant tenant = fx.tenant("ForgedDevice", 10, 12, 2);
        addForgedCopy(tenant.managedDevices(), "operatingSystem", "Windows");

        DatasetResult devices = fx.sync(tenant, Set.of(Dataset.MANAGED_DEVICES))
                .dataset(Dataset.MANAGED_DEVICES)
                .orElseThrow();

        assertThat(devices.status()).as(devices.error()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        assertThat(devices.warnings())
                .singleElement()
                .asString()
                .startsWith("1 managed device(s) in tenant " + tenant.id() + " came with an id that is not a GUID");
        List<EntraManagedDevice> stored = fx.records(tenant, Dataset.MANAGED_DEVICES);
        assertThat(stored).hasSize(tenant.managedDevices().size());
        assertThat(stored)
                .filteredOn(d -> d.id().equals(FORGED))
                .singleElement()
                .satisfies(d -> assertThat(d.ethernetMacAddress()).isNull());
        assertNoRequestCarriesTheForgedId();
    }

    @Test
    void aGroupWithAForgedIdIsKeptWithoutAMemberCount() {
        SimulatedTenant tenant = fx.tenant("ForgedGroup", 20, 2, 5);
        addForgedCopy(tenant.groups(), null, null);

        DatasetResult groups =
                fx.sync(tenant, Set.of(Dataset.GROUPS)).dataset(Dataset.GROUPS).orElseThrow();

        assertThat(groups.status()).as(groups.error()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        assertThat(groups.warnings())
                .singleElement()
                .asString()
                .contains("came with an id that is not a GUID")
                .contains(tenant.id());
        List<EntraGroup> stored = fx.records(tenant, Dataset.GROUPS);
        assertThat(stored)
                .filteredOn(g -> g.memberCount() == null)
                .extracting(EntraGroup::id)
                .containsExactly(FORGED);
        assertThat(stored).filteredOn(g -> g.memberCount() != null).hasSize(stored.size() - 1);
        assertNoRequestCarriesTheForgedId();
    }

    @Test
    void aRoleWithAForgedIdIsLeftOutWithAWarningAndTheOthersKeepTheirMembers() {
        SimulatedTenant tenant = fx.tenant("ForgedRole", 20, 2, 2);
        int roles = tenant.roles().size();
        addForgedCopy(tenant.roles(), null, null);

        DatasetResult result =
                fx.sync(tenant, Set.of(Dataset.ROLES)).dataset(Dataset.ROLES).orElseThrow();

        assertThat(result.status()).as(result.error()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        assertThat(result.warnings())
                .singleElement()
                .asString()
                .startsWith("1 directory role(s) in tenant " + tenant.id() + " came from GET directoryRoles with an id"
                        + " that is not a GUID and were left out");
        List<EntraRole> stored = fx.records(tenant, Dataset.ROLES);
        assertThat(stored).hasSize(roles).extracting(EntraRole::id).doesNotContain(FORGED);
        assertThat(stored).anySatisfy(r -> assertThat(r.members()).isNotEmpty());
        assertNoRequestCarriesTheForgedId();
    }

    @Test
    void aForgedMicrosoftGraphServicePrincipalIdReadsNoGrantsButTheApplicationsSync() {
        SimulatedTenant tenant = fx.tenant("ForgedSp", 10, 2, 2);
        Map<String, Object> graphSp = tenant.servicePrincipals().find("appId", GraphPermission.GRAPH_RESOURCE_APP_ID);
        tenant.servicePrincipals().delete((String) graphSp.get("id"));
        addForgedCopyOf(tenant.servicePrincipals(), graphSp);

        DatasetResult apps = fx.sync(tenant, Set.of(Dataset.APPLICATIONS))
                .dataset(Dataset.APPLICATIONS)
                .orElseThrow();

        assertThat(apps.status()).as(apps.error()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        assertThat(apps.warnings()).singleElement().asString().contains("has no Microsoft Graph service principal");
        assertThat(fx.records(tenant, Dataset.APPLICATIONS)).isNotEmpty();
        assertNoRequestCarriesTheForgedId();
    }
}
