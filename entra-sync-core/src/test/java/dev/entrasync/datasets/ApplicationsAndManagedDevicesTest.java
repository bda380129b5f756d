package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetResult.Status;
import dev.entrasync.SyncResult;
import dev.entrasync.model.ApplicationCredential;
import dev.entrasync.model.EntraApplication;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraManagedDevice;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code applications} and {@code managed_devices} datasets against the simulated cloud: exact request counts,
 * every field, a tenant without Intune, missing permissions and a malformed page.
 */
class ApplicationsAndManagedDevicesTest {

    private static final Set<Dataset> BOTH = Set.of(Dataset.APPLICATIONS, Dataset.MANAGED_DEVICES);

    private final DatasetsFixture fx = new DatasetsFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private static long desktops(SimulatedTenant tenant) {
        return tenant.managedDevices().list().stream()
                .filter(d -> Set.of("Windows", "macOS").contains(d.get("operatingSystem")))
                .count();
    }

    /**
     * applications: 1 (the Microsoft Graph service principal) + p(grants) + p(applications) + p(service principals);
     * managed_devices: ⌈devices/1000⌉ pages (at least one) + ⌈desktops/20⌉ {@code $batch} requests.
     */
    @ParameterizedTest(name = "{0} devices")
    @CsvSource({"0", "40", "1500"})
    void exactRequestCountsAndEveryRowOfTheSimulatedTenant(int devices) throws Exception {
        SimulatedTenant tenant = fx.tenant("Apps" + devices, 30, devices, 6);
        int apps = tenant.applications().size();
        int principals = tenant.servicePrincipals().size();
        int managed = tenant.managedDevices().size();
        long desktops = desktops(tenant);

        SyncResult result = fx.sync(tenant, BOTH);

        DatasetResult applications = result.dataset(Dataset.APPLICATIONS).orElseThrow();
        DatasetResult devicesResult = result.dataset(Dataset.MANAGED_DEVICES).orElseThrow();
        assertThat(applications.clean()).as(applications.toString()).isTrue();
        assertThat(devicesResult.clean()).as(devicesResult.toString()).isTrue();
        assertThat(applications.requests())
                .isEqualTo(1
                        + RequestCountTest.pages(tenant.graphPermissionGrants().size())
                        + RequestCountTest.pages(apps)
                        + RequestCountTest.pages(principals));
        long pages = Math.max(1, (managed + 999) / 1000);
        assertThat(devicesResult.requests()).isEqualTo(pages + RequestCountTest.batches(desktops));
        assertThat(fx.httpCalls()).hasSize((int) (applications.requests() + devicesResult.requests()));
        assertThat(fx.records(tenant, Dataset.APPLICATIONS)).hasSize(apps + principals);
        assertThat(applications.rowsUpserted()).isEqualTo(apps + principals);
        assertThat(fx.<EntraManagedDevice>records(tenant, Dataset.MANAGED_DEVICES))
                .hasSize(managed);
        assertThat(devicesResult.rowsUpserted()).isEqualTo(managed);
        RequestCountTest.assertEveryRequestIsInGraphV1(fx.sim.cloud.graphCalls());
        List<RecordedCall> batchItems = fx.sim.cloud.graphCalls().stream()
                .filter(RecordedCall::batchItem)
                .toList();
        assertThat(batchItems).hasSize((int) desktops);
    }

    @Test
    void applicationsCarryCredentialsAndGraphPermissionsByNameButNoSecretHint() {
        SimulatedTenant tenant = fx.tenant("Fabrikam", 30, 10, 6);

        fx.sync(tenant, Set.of(Dataset.APPLICATIONS));

        List<EntraApplication> records = fx.records(tenant, Dataset.APPLICATIONS);
        Map<String, Object> stored = tenant.applications().list().get(0);
        EntraApplication app = records.stream()
                .filter(a -> a.id().equals(stored.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(app.kind()).isEqualTo(EntraApplication.Kind.APPLICATION);
        assertThat(app.appId()).isEqualTo(stored.get("appId"));
        assertThat(app.createdDateTime()).isEqualTo(Instant.parse((String) stored.get("createdDateTime")));
        assertThat(app.graphPermissions()).isEmpty();
        List<?> secrets = (List<?>) stored.get("passwordCredentials");
        assertThat(app.credentials())
                .filteredOn(c -> c.kind() == ApplicationCredential.Kind.SECRET)
                .hasSize(secrets.size())
                .allSatisfy(c -> assertThat(c.type()).isNull());
        for (Object secret : secrets) {
            Map<?, ?> s = (Map<?, ?>) secret;
            ApplicationCredential kept = app.credentials().stream()
                    .filter(c -> c.keyId().equals(s.get("keyId")))
                    .findFirst()
                    .orElseThrow();
            assertThat(kept.displayName()).isEqualTo(s.get("displayName"));
            assertThat(kept.endDateTime()).isEqualTo(Instant.parse((String) s.get("endDateTime")));
            assertThat(kept.startDateTime()).isEqualTo(Instant.parse((String) s.get("startDateTime")));
            // the three characters Graph hands out are nowhere in what entra-sync keeps
            assertThat(kept.toString()).doesNotContain("hint").doesNotContain("=" + s.get("hint") + ",");
        }
        assertThat(records.toString()).doesNotContain("hint");

        // service principals: the tenant's own apps carry the Graph permissions granted to them, by name
        Map<String, Set<String>> granted = tenant.graphPermissionGrants().list().stream()
                .collect(Collectors.groupingBy(
                        g -> (String) g.get("principalId"),
                        Collectors.mapping(g -> (String) g.get("appRoleId"), Collectors.toSet())));
        assertThat(granted).isNotEmpty();
        for (Map.Entry<String, Set<String>> grant : granted.entrySet()) {
            EntraApplication sp = records.stream()
                    .filter(a -> a.id().equals(grant.getKey()))
                    .findFirst()
                    .orElseThrow();
            assertThat(sp.kind()).isEqualTo(EntraApplication.Kind.SERVICE_PRINCIPAL);
            assertThat(sp.graphPermissions()).hasSize(grant.getValue().size()).isSorted();
            assertThat(sp.graphPermissions()).allMatch(p -> p.matches("[A-Za-z]+(\\.[A-Za-z]+)+"));
            assertThat(sp.servicePrincipalType()).isEqualTo("Application");
            assertThat(sp.accountEnabled()).isTrue();
        }
        EntraApplication graph = records.stream()
                .filter(a -> "00000003-0000-0000-c000-000000000000".equals(a.appId()))
                .findFirst()
                .orElseThrow();
        assertThat(graph.kind()).isEqualTo(EntraApplication.Kind.SERVICE_PRINCIPAL);
        assertThat(graph.appOwnerOrganizationId()).isNotEqualTo(tenant.id());
        EntraApplication saml = records.stream()
                .filter(a -> "Salesforce".equals(a.displayName()))
                .findFirst()
                .orElseThrow();
        assertThat(saml.credentials()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ApplicationCredential.Kind.CERTIFICATE);
            assertThat(c.type()).isEqualTo("AsymmetricX509Cert");
            assertThat(c.usage()).isEqualTo("Sign");
        });
        // one secret expires within a month, one has expired: an expiry report finds both
        Instant now = DatasetsFixture.AS_OF;
        assertThat(records)
                .flatMap(EntraApplication::credentials)
                .anyMatch(c -> c.expiredAt(now))
                .anyMatch(c -> !c.expiredAt(now) && c.expiredAt(now.plusSeconds(30L * 86_400)));
    }

    @Test
    void managedDevicesCarryEveryFieldAndJoinToEntraDevices() {
        SimulatedTenant tenant = fx.tenant("Northwind", 40, 30, 6);

        fx.sync(tenant, Set.of(Dataset.MANAGED_DEVICES, Dataset.DEVICES));

        List<EntraManagedDevice> managed = fx.records(tenant, Dataset.MANAGED_DEVICES);
        Set<String> entraDeviceIds = fx.<EntraDevice>records(tenant, Dataset.DEVICES).stream()
                .map(EntraDevice::deviceId)
                .collect(Collectors.toSet());
        assertThat(managed).isNotEmpty();
        for (EntraManagedDevice device : managed) {
            Map<String, Object> stored = tenant.managedDevices().get(device.id());
            assertThat(device.deviceName()).isEqualTo(stored.get("deviceName"));
            assertThat(device.operatingSystem()).isEqualTo(stored.get("operatingSystem"));
            assertThat(device.osVersion()).isEqualTo(stored.get("osVersion"));
            assertThat(device.complianceState()).isEqualTo(stored.get("complianceState"));
            assertThat(device.managementAgent()).isEqualTo(stored.get("managementAgent"));
            assertThat(device.enrolledDateTime()).isEqualTo(Instant.parse((String) stored.get("enrolledDateTime")));
            assertThat(device.lastSyncDateTime()).isEqualTo(Instant.parse((String) stored.get("lastSyncDateTime")));
            assertThat(device.serialNumber()).isEqualTo(stored.get("serialNumber"));
            assertThat(device.manufacturer()).isEqualTo(stored.get("manufacturer"));
            assertThat(device.model()).isEqualTo(stored.get("model"));
            assertThat(device.wiFiMacAddress()).isEqualTo(stored.get("wiFiMacAddress"));
            // listed as null by Graph, read per device in $batch
            assertThat(device.ethernetMacAddress()).isEqualTo(stored.get("ethernetMacAddress"));
            assertThat(device.isEncrypted()).isEqualTo(stored.get("isEncrypted"));
            assertThat(device.userPrincipalName()).isEqualTo(stored.get("userPrincipalName"));
            if ("00000000-0000-0000-0000-000000000000".equals(stored.get("azureADDeviceId"))) {
                assertThat(device.azureADDeviceId()).isNull();
            } else {
                assertThat(device.azureADDeviceId()).isIn(entraDeviceIds);
            }
        }
        assertThat(managed).anyMatch(d -> d.ethernetMacAddress() != null);
        assertThat(managed).anyMatch(d -> d.azureADDeviceId() == null);
    }

    @Test
    void aTenantWithoutIntuneFailsManagedDevicesWithTheReasonAndTheOthersSucceed() {
        SimulatedTenant tenant = fx.tenant(TenantBuilder.create("Tailspin Toys")
                .seed(7)
                .asOf(DatasetsFixture.AS_OF)
                .users(30)
                .devices(20)
                .groups(6)
                .intune(false));

        SyncResult result = fx.syncAll(tenant);

        DatasetResult devices = result.dataset(Dataset.MANAGED_DEVICES).orElseThrow();
        assertThat(devices.status()).isEqualTo(Status.FAILED);
        assertThat(devices.error())
                .contains("Microsoft Intune")
                .contains("Request not applicable to target tenant")
                .contains(tenant.id());
        assertThat(devices.fix()).contains("Microsoft Intune").contains("other datasets");
        assertThat(devices.requests()).isEqualTo(1);
        assertThat(result.datasets())
                .filteredOn(d -> d.dataset() != Dataset.MANAGED_DEVICES)
                .allSatisfy(d -> assertThat(d.status()).as(d.toString()).isEqualTo(Status.SUCCEEDED));
        assertThat(fx.records(tenant, Dataset.MANAGED_DEVICES)).isEmpty();
        assertThat(fx.records(tenant, Dataset.APPLICATIONS)).isNotEmpty();
    }

    @Test
    void withoutTheIntunePermissionManagedDevicesFailNamingIt() {
        SimulatedTenant tenant = fx.tenant("Litware", 30, 20, 6);
        tenant.revoke(fx.sim.app, Permissions.DEVICE_MANAGEMENT_MANAGED_DEVICES_READ_ALL);

        SyncResult result = fx.sync(tenant, BOTH);

        DatasetResult devices = result.dataset(Dataset.MANAGED_DEVICES).orElseThrow();
        assertThat(devices.status()).isEqualTo(Status.FAILED);
        assertThat(devices.error())
                .contains("lacks the application permission DeviceManagementManagedDevices.Read.All");
        assertThat(devices.fix()).startsWith("Add DeviceManagementManagedDevices.Read.All");
        assertThat(devices.requests()).isEqualTo(1);
        assertThat(result.dataset(Dataset.APPLICATIONS).orElseThrow().clean()).isTrue();
    }

    @Test
    void withoutApplicationReadAllApplicationsFailNamingIt() {
        SimulatedTenant tenant = fx.tenant("Litware", 30, 20, 6);
        tenant.revoke(fx.sim.app, Permissions.APPLICATION_READ_ALL);

        SyncResult result = fx.sync(tenant, BOTH);

        DatasetResult applications = result.dataset(Dataset.APPLICATIONS).orElseThrow();
        assertThat(applications.status()).isEqualTo(Status.FAILED);
        assertThat(applications.error()).contains("Application.Read.All");
        assertThat(applications.fix()).startsWith("Add Application.Read.All");
        assertThat(applications.requests()).isEqualTo(1);
        assertThat(result.dataset(Dataset.MANAGED_DEVICES).orElseThrow().clean())
                .isTrue();
    }

    @Test
    void directoryReadAllAlsoReadsApplications() {
        SimulatedTenant tenant = fx.tenant("Litware", 30, 20, 6);
        tenant.revoke(fx.sim.app, Permissions.APPLICATION_READ_ALL);
        tenant.grant(fx.sim.app, Permissions.DIRECTORY_READ_ALL);

        DatasetResult applications = fx.sync(tenant, Set.of(Dataset.APPLICATIONS))
                .dataset(Dataset.APPLICATIONS)
                .orElseThrow();

        assertThat(applications.clean()).as(applications.toString()).isTrue();
    }

    @Test
    void aMalformedManagedDevicesPageFailsTheDatasetAndKeepsThePreviousRows() {
        SimulatedTenant tenant = fx.tenant("Contoso", 30, 20, 6);
        fx.sync(tenant, BOTH);
        List<EntraManagedDevice> before = fx.records(tenant, Dataset.MANAGED_DEVICES);
        assertThat(before).isNotEmpty();
        fx.sim.cloud.faults().forPath("/v1.0/deviceManagement/managedDevices").malformedNext();

        SyncResult result = fx.sync(tenant, BOTH);

        DatasetResult devices = result.dataset(Dataset.MANAGED_DEVICES).orElseThrow();
        assertThat(devices.status()).isEqualTo(Status.FAILED);
        assertThat(devices.error()).contains("malformed");
        assertThat(devices.rowsUpserted()).isZero();
        assertThat(fx.<EntraManagedDevice>records(tenant, Dataset.MANAGED_DEVICES))
                .isEqualTo(before);
        assertThat(result.dataset(Dataset.APPLICATIONS).orElseThrow().clean()).isTrue();
    }

    @Test
    void aMalformedApplicationsPageFailsTheDataset() {
        SimulatedTenant tenant = fx.tenant("Contoso", 30, 20, 6);
        fx.sim.cloud.faults().forPath("/v1.0/applications").malformedNext();

        DatasetResult applications = fx.sync(tenant, Set.of(Dataset.APPLICATIONS))
                .dataset(Dataset.APPLICATIONS)
                .orElseThrow();

        assertThat(applications.status()).isEqualTo(Status.FAILED);
        assertThat(applications.error()).contains("malformed");
        assertThat(fx.records(tenant, Dataset.APPLICATIONS)).isEmpty();
    }

    @Test
    void anItemWithoutAnIdFailsThePageRatherThanBeingKeptHalf() {
        SimulatedTenant tenant = fx.tenant("Contoso", 30, 20, 6);
        fx.sim.cloud.faults().forPath("/v1.0/deviceManagement/managedDevices").itemWithoutIdNext();

        DatasetResult devices = fx.sync(tenant, Set.of(Dataset.MANAGED_DEVICES))
                .dataset(Dataset.MANAGED_DEVICES)
                .orElseThrow();

        assertThat(devices.status()).isEqualTo(Status.FAILED);
        assertThat(fx.records(tenant, Dataset.MANAGED_DEVICES)).isEmpty();
    }
}
