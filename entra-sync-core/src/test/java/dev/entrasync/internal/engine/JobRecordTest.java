package dev.entrasync.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.testkit.ContosoFixture;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job's per-dataset record on the hand-picked Contoso tenant: counts, requests and waits match what the cloud saw. */
class JobRecordTest {

    private static final Duration WAIT = Duration.ofMinutes(1);
    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();

    @AfterEach
    void close() {
        sim.close();
    }

    private static String datasetOf(RecordedCall call) {
        String p = call.path();
        if (p.equals("/v1.0/users")
                && String.valueOf(call.queryParam("$select")).contains("signInActivity")) {
            return "sign_in_activity";
        }
        if (p.startsWith("/v1.0/users") || p.startsWith("/v1.0/reports")) {
            return "users";
        }
        if (p.startsWith("/v1.0/devices")) {
            return "devices";
        }
        if (p.startsWith("/v1.0/groups")) {
            return "groups";
        }
        if (p.startsWith("/v1.0/subscribedSkus")) {
            return "licenses";
        }
        if (p.startsWith("/v1.0/auditLogs")) {
            return "audit_logs";
        }
        if (p.startsWith("/v1.0/security")) {
            return "secure_scores";
        }
        if (p.startsWith("/v1.0/organization")) {
            return "tenant_profile";
        }
        if (p.startsWith("/v1.0/applications") || p.startsWith("/v1.0/servicePrincipals")) {
            return "applications";
        }
        if (p.startsWith("/v1.0/deviceManagement")) {
            return "managed_devices";
        }
        // directoryRoles, and $batch envelopes (role members, group member counts, managed devices' Ethernet MACs)
        return "roles-or-batch";
    }

    @Test
    void everyDatasetRecordsItsRowsRequestsAndWaits() throws Exception {
        SimulatedTenant contoso = sim.cloud.addTenant(ContosoFixture.build());
        contoso.consent(sim.app, Permissions.allRead());
        sim.map("contoso", contoso);
        sim.cloud.faults().forPath("/v1.0/devices").throttleNext(1, 4);

        try (SyncEngine engine = sim.engine()) {
            SyncJob job = engine.await(
                    engine.syncNow(TenantId.of(ContosoFixture.TENANT_ID)).id(), WAIT);

            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.results()).extracting(DatasetResult::dataset).containsExactlyInAnyOrder(Dataset.values());
            assertThat(job.results()).allSatisfy(r -> assertThat(r.status()).isEqualTo(DatasetResult.Status.SUCCEEDED));
            DatasetResult users = job.result(Dataset.USERS).orElseThrow();
            assertThat(users.rowsUpserted()).isEqualTo(contoso.users().size());
            DatasetResult devices = job.result(Dataset.DEVICES).orElseThrow();
            assertThat(devices.rowsUpserted()).isEqualTo(contoso.devices().size());
            assertThat(devices.throttledResponses()).isEqualTo(1);
            assertThat(devices.retryAfterWaited()).isEqualTo(Duration.ofSeconds(4));
            assertThat(job.result(Dataset.GROUPS).orElseThrow().rowsUpserted())
                    .isEqualTo(contoso.groups().size());
            // Requests per dataset equal the top-level HTTP requests the cloud received for it.
            Map<String, Long> seen = sim.cloud.graphCalls().stream()
                    .filter(c -> !c.batchItem())
                    .collect(Collectors.groupingBy(JobRecordTest::datasetOf, Collectors.counting()));
            // $batch envelopes carry role members, group member counts, Conditional Access and Ethernet MACs alike:
            // compare those five together.
            long sharingBatches = job.result(Dataset.USERS).orElseThrow().requests()
                    + job.result(Dataset.ROLES).orElseThrow().requests()
                    + job.result(Dataset.GROUPS).orElseThrow().requests()
                    + job.result(Dataset.CONDITIONAL_ACCESS).orElseThrow().requests()
                    + job.result(Dataset.MANAGED_DEVICES).orElseThrow().requests();
            assertThat(sharingBatches)
                    .isEqualTo(seen.get("users")
                            + seen.get("roles-or-batch")
                            + seen.get("groups")
                            + seen.get("managed_devices"));
            for (Dataset d : List.of(
                    Dataset.DEVICES,
                    Dataset.LICENSES,
                    Dataset.AUDIT_LOGS,
                    Dataset.SECURE_SCORES,
                    Dataset.TENANT_PROFILE,
                    Dataset.SIGN_IN_ACTIVITY,
                    Dataset.APPLICATIONS)) {
                assertThat(job.result(d).orElseThrow().requests()).as(d.key()).isEqualTo(seen.get(d.key()));
            }
            assertThat(job.requests())
                    .isEqualTo(sim.cloud.graphCalls().stream()
                            .filter(c -> !c.batchItem())
                            .count());
        }
    }

    @Test
    void aPartialJobNamesTheDatasetAndTheMissingPermission() throws Exception {
        SimulatedTenant contoso = sim.cloud.addTenant(ContosoFixture.build());
        contoso.consent(sim.app, Permissions.allRead());
        contoso.revoke(sim.app, Permissions.DEVICE_READ_ALL);
        sim.map("contoso", contoso);

        try (SyncEngine engine = sim.engine()) {
            SyncJob job = engine.await(
                    engine.syncNow(TenantId.of(ContosoFixture.TENANT_ID)).id(), WAIT);

            assertThat(job.status()).isEqualTo(JobStatus.PARTIAL);
            DatasetResult devices = job.result(Dataset.DEVICES).orElseThrow();
            assertThat(devices.status()).isEqualTo(DatasetResult.Status.FAILED);
            assertThat(devices.error()).contains("Device.Read.All");
            assertThat(devices.fix()).contains("Device.Read.All");
            assertThat(job.reason()).contains("devices").contains("Device.Read.All");
            assertThat(job.results())
                    .filteredOn(r -> r.dataset() != Dataset.DEVICES)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(DatasetResult.Status.SUCCEEDED));
        }
    }
}
