package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetResult.Status;
import dev.entrasync.SyncResult;
import dev.entrasync.model.AssignedLicense;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dataset the tenant cannot return is reported on its own result, with the permission or licence
 * needed; every other dataset finishes normally, and users never get a false "not registered".
 */
class PermissionsAndLicensesTest {

    private final DatasetsFixture fx = new DatasetsFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private static DatasetResult result(SyncResult result, Dataset dataset) {
        return result.dataset(dataset).orElseThrow();
    }

    private static void othersSucceeded(SyncResult result, Dataset... failed) {
        List<Dataset> expectedFailures = List.of(failed);
        assertThat(result.datasets())
                .filteredOn(d -> !expectedFailures.contains(d.dataset()))
                .allSatisfy(d -> assertThat(d.status()).as(d.dataset().key()).isEqualTo(Status.SUCCEEDED));
    }

    @Test
    void withoutEntraIdP1UsersSyncWithMfaUnknownAndTheReasonOnTheResult() {
        SimulatedTenant tenant = fx.tenant(TenantBuilder.create("Fabrikam")
                .seed(3)
                .asOf(DatasetsFixture.AS_OF)
                .premium(false)
                .users(40)
                .guests(2));

        SyncResult result = fx.syncAll(tenant);

        // a tenant without P1 has no Intune either (the testkit's default): that dataset fails with its reason
        othersSucceeded(result, Dataset.MANAGED_DEVICES);
        assertThat(result(result, Dataset.MANAGED_DEVICES).error()).contains("Microsoft Intune");
        DatasetResult users = result(result, Dataset.USERS);
        assertThat(users.clean()).isFalse();
        assertThat(users.warnings())
                .singleElement()
                .asString()
                .contains("MFA is unknown")
                .contains("Microsoft Entra ID P1")
                .contains("Fix:");
        assertThat(fx.<EntraUser>records(tenant, Dataset.USERS))
                .hasSize(42)
                .allSatisfy(u -> assertThat(u.mfa()).isEqualTo(MfaStatus.unknown()));
    }

    @Test
    void withoutAuditLogReadAllAuditLogsFailAndUsersKeepMfaUnknown() {
        SimulatedTenant tenant = fx.tenant("Contoso", 50, 10, 6);
        tenant.revoke(fx.sim.app, Permissions.AUDIT_LOG_READ_ALL);

        SyncResult result = fx.syncAll(tenant);

        // sign-in activity needs AuditLog.Read.All too, and fails the same way (SignInAndConditionalAccessTest)
        othersSucceeded(result, Dataset.AUDIT_LOGS, Dataset.SIGN_IN_ACTIVITY);
        DatasetResult audits = result(result, Dataset.AUDIT_LOGS);
        assertThat(audits.status()).isEqualTo(Status.FAILED);
        assertThat(audits.error()).contains("AuditLog.Read.All");
        assertThat(audits.fix()).contains("Add AuditLog.Read.All").contains("admin consent");
        assertThat(result(result, Dataset.USERS).warnings())
                .singleElement()
                .asString()
                .contains("AuditLog.Read.All");
        assertThat(fx.<EntraUser>records(tenant, Dataset.USERS))
                .allSatisfy(u -> assertThat(u.mfa().state()).isEqualTo(MfaStatus.State.UNKNOWN));
        assertThat(fx.records(tenant, Dataset.AUDIT_LOGS)).isEmpty();
    }

    @Test
    void aMissingDevicePermissionFailsDevicesOnlyAndNamesThePermission() {
        SimulatedTenant tenant = fx.tenant("Contoso", 50, 10, 6);
        tenant.revoke(fx.sim.app, Permissions.DEVICE_READ_ALL);

        SyncResult result = fx.syncAll(tenant);

        othersSucceeded(result, Dataset.DEVICES);
        DatasetResult devices = result(result, Dataset.DEVICES);
        assertThat(devices.status()).isEqualTo(Status.FAILED);
        assertThat(devices.error()).contains("Device.Read.All");
        assertThat(devices.fix()).startsWith("Add Device.Read.All");
        assertThat(devices.requests()).isEqualTo(1);
        assertThat(result.datasets())
                .filteredOn(d -> d.dataset() != Dataset.DEVICES)
                .allSatisfy(d -> assertThat(d.clean()).isTrue());
    }

    @Test
    void aMissingLicensePermissionFailsLicensesAndUsersKeepTheirSkuIds() {
        SimulatedTenant tenant = fx.tenant("Contoso", 50, 10, 6);
        tenant.revoke(fx.sim.app, Permissions.LICENSE_ASSIGNMENT_READ_ALL);
        tenant.revoke(fx.sim.app, Permissions.ORGANIZATION_READ_ALL); // also reads subscribedSkus

        SyncResult result = fx.sync(tenant, EnumSet.of(Dataset.USERS, Dataset.LICENSES));

        assertThat(result(result, Dataset.LICENSES).status()).isEqualTo(Status.FAILED);
        assertThat(result(result, Dataset.LICENSES).error()).contains("LicenseAssignment.Read.All");
        DatasetResult users = result(result, Dataset.USERS);
        assertThat(users.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(users.warnings()).singleElement().asString().contains("Licence names are unknown");
        List<AssignedLicense> licenses = fx.<EntraUser>records(tenant, Dataset.USERS).stream()
                .flatMap(u -> u.assignedLicenses().stream())
                .toList();
        assertThat(licenses).isNotEmpty().allSatisfy(l -> {
            assertThat(l.skuId()).isNotBlank();
            assertThat(l.name()).isNull();
        });
    }

    @Test
    void withoutRoleManagementReadDirectoryRolesAndUsersFailRatherThanShowNoRoles() {
        SimulatedTenant tenant = fx.tenant("Contoso", 50, 10, 6);
        tenant.revoke(fx.sim.app, Permissions.ROLE_MANAGEMENT_READ_DIRECTORY);

        SyncResult result = fx.syncAll(tenant);

        othersSucceeded(result, Dataset.ROLES, Dataset.USERS);
        for (Dataset failed : List.of(Dataset.ROLES, Dataset.USERS)) {
            assertThat(result(result, failed).status()).isEqualTo(Status.FAILED);
            assertThat(result(result, failed).error()).contains("RoleManagement.Read.Directory");
        }
        assertThat(result(result, Dataset.USERS).requests())
                .as("the refused role list is not asked twice")
                .isEqualTo(1);
        assertThat(fx.records(tenant, Dataset.USERS)).isEmpty();
    }
}
