package dev.entrasync.jdbc;

import static dev.entrasync.jdbc.TestUsers.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraApplication;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraManagedDevice;
import dev.entrasync.model.EntraRecord;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The {@code applications} and {@code managed_devices} tables on every database: every field round-trips, and the
 * queries a scanner and an expiry report use (serial number or MAC in any spelling, the join to Entra devices,
 * credentials expiring before a date).
 */
class ApplicationsAndManagedDevicesTablesTest {

    private static final TenantId TENANT = TenantId.of(TENANT_A);
    private static final TenantId OTHER = TenantId.of(TestUsers.TENANT_B);

    private static void run(
            JdbcStorage storage,
            TenantId tenant,
            Dataset dataset,
            String runId,
            boolean full,
            List<? extends EntraRecord> records) {
        DatasetSink.Session session = storage.datasetSink().open(new SinkContext(tenant, dataset, runId, full));
        session.upsert(records);
        session.complete();
    }

    @DatabaseTest
    void applicationsRoundTripEveryFieldAndAFullRunRemovesTheGoneOnes(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        List<EntraApplication> apps =
                IntStream.range(0, 7).mapToObj(TestRecords::application).toList();

        run(storage, TENANT, Dataset.APPLICATIONS, "r1", true, apps);

        assertThat(storage.queries().records(TENANT, EntraApplication.class)).containsExactlyElementsOf(apps);
        run(storage, TENANT, Dataset.APPLICATIONS, "r2", true, apps.subList(0, 5));
        assertThat(storage.queries().records(TENANT, EntraApplication.class))
                .containsExactlyElementsOf(apps.subList(0, 5));
        assertThat(db.count("applications", "removed_at IS NOT NULL")).isEqualTo(2);
    }

    @DatabaseTest
    void applicationsWithCredentialsExpiringBeforeADateComeSoonestFirst(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        List<EntraApplication> apps =
                IntStream.range(0, 9).mapToObj(TestRecords::application).toList();
        run(storage, TENANT, Dataset.APPLICATIONS, "r1", true, apps);

        // secrets of apps 1, 2, 4, 5, 7, 8 expire on 2026-03-20 + n days; apps 0, 3, 6 have no credential
        List<EntraApplication> expiring = storage.queries()
                .applicationsWithCredentialsExpiringBefore(TENANT, Instant.parse("2026-03-25T12:00:00Z"));

        assertThat(expiring)
                .extracting(EntraApplication::displayName)
                .containsExactly("App 1", "App 2", "App 4", "App 5");
        assertThat(storage.queries()
                        .applicationsWithCredentialsExpiringBefore(OTHER, Instant.parse("2100-01-01T00:00:00Z")))
                .isEmpty();
    }

    @DatabaseTest
    void managedDevicesRoundTripEveryField(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        List<EntraManagedDevice> devices = IntStream.range(0, 6)
                .mapToObj(n -> TestRecords.managedDevice(
                        n,
                        n == 4 ? null : "SN" + n,
                        n == 3 ? null : String.format("A4C3F0851B%02X", n),
                        n % 2 == 0 ? String.format("00:15:5D:01:02:%02X", n) : null,
                        n == 5 ? null : "d-" + n))
                .toList();

        run(storage, TENANT, Dataset.MANAGED_DEVICES, "r1", true, devices);

        assertThat(storage.queries().records(TENANT, EntraManagedDevice.class)).containsExactlyElementsOf(devices);
    }

    /**
     * A full run of managed devices arrives in several upserts (a page's devices, then the desktops of each
     * {@code $batch}, the last batch after the last page): every one counts as delivered, only the devices no upsert
     * carried are removed, and a run that stops after some upserts changes nothing.
     */
    @DatabaseTest
    void aFullRunWrittenInSeveralUpsertsRemovesOnlyTheUndeliveredAndAnAbortedOneKeepsAll(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        List<EntraManagedDevice> devices = IntStream.range(0, 6)
                .mapToObj(n -> TestRecords.managedDevice(n, "SN" + n, null, null, "d-" + n))
                .toList();
        run(storage, TENANT, Dataset.MANAGED_DEVICES, "r1", true, devices);
        DatasetSink.Session streamed =
                storage.datasetSink().open(new SinkContext(TENANT, Dataset.MANAGED_DEVICES, "r2", true));

        streamed.upsert(devices.subList(0, 2));
        streamed.upsert(devices.subList(2, 3));
        streamed.upsert(devices.subList(4, 6));
        streamed.complete();

        List<EntraManagedDevice> kept =
                List.of(devices.get(0), devices.get(1), devices.get(2), devices.get(4), devices.get(5));
        assertThat(storage.queries().records(TENANT, EntraManagedDevice.class))
                .containsExactlyInAnyOrderElementsOf(kept);
        assertThat(db.count("managed_devices", "removed_at IS NOT NULL")).isEqualTo(1);
        DatasetSink.Session stopped =
                storage.datasetSink().open(new SinkContext(TENANT, Dataset.MANAGED_DEVICES, "r3", true));
        stopped.upsert(List.of(TestRecords.managedDevice(0, "RENAMED", null, null, "d-0")));
        stopped.upsert(devices.subList(1, 2));
        stopped.abort(new IllegalStateException("Graph refused the second page"));
        assertThat(storage.queries().records(TENANT, EntraManagedDevice.class))
                .containsExactlyInAnyOrderElementsOf(kept);
        assertThat(db.count("managed_devices", "removed_at IS NOT NULL")).isEqualTo(1);
    }

    @DatabaseTest
    void aScannerFindsAManagedDeviceBySerialOrMacInAnySpelling(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        EntraManagedDevice laptop = TestRecords.managedDevice(1, "5CG1234XYZ", "A4C3F0851B2D", null, "d-1");
        EntraManagedDevice desktop = TestRecords.managedDevice(2, "7HX2Q3", "001122334455", "F8:A2:D6:B2:1C:4E", "d-2");
        EntraManagedDevice phone = TestRecords.managedDevice(3, "", null, null, null);
        run(storage, TENANT, Dataset.MANAGED_DEVICES, "r1", true, List.of(laptop, desktop, phone));
        // the same serial number in another tenant is not this tenant's device
        run(
                storage,
                OTHER,
                Dataset.MANAGED_DEVICES,
                "r1",
                true,
                List.of(TestRecords.managedDevice(9, "5CG1234XYZ", "A4C3F0851B2D", null, null)));
        JdbcQueries queries = storage.queries();

        assertThat(queries.managedDevicesBySerialOrMac(TENANT, " 5cg1234xyz ", null))
                .containsExactly(laptop);
        for (String mac : List.of("A4:C3:F0:85:1B:2D", "a4-c3-f0-85-1b-2d", "a4c3f0851b2d", "a4c3.f085.1b2d")) {
            assertThat(queries.managedDevicesBySerialOrMac(TENANT, null, mac))
                    .as(mac)
                    .containsExactly(laptop);
        }
        // Ethernet (read per device in $batch) matches as well as Wi-Fi
        assertThat(queries.managedDevicesBySerialOrMac(TENANT, null, "f8-a2-d6-b2-1c-4e"))
                .containsExactly(desktop);
        // serial of one, MAC of the other: both
        assertThat(queries.managedDevicesBySerialOrMac(TENANT, "7HX2Q3", "A4:C3:F0:85:1B:2D"))
                .containsExactlyInAnyOrder(laptop, desktop);
        // nothing usable, or a value that matches nothing: no device, never the phone with its empty serial
        assertThat(queries.managedDevicesBySerialOrMac(TENANT, "", "not-a-mac")).isEmpty();
        assertThat(queries.managedDevicesBySerialOrMac(TENANT, null, "00:00:00:00:00:00"))
                .isEmpty();
        assertThat(queries.managedDevicesBySerialOrMac(TENANT, "%", "A4:C3:F0:85:1B:2"))
                .isEmpty();
        assertThat(queries.managedDevicesBySerialOrMac(OTHER, "5CG1234XYZ", null))
                .hasSize(1);
        // a removed device is not current
        run(storage, TENANT, Dataset.MANAGED_DEVICES, "r2", true, List.of(desktop, phone));
        assertThat(queries.managedDevicesBySerialOrMac(TENANT, "5CG1234XYZ", null))
                .isEmpty();
    }

    @DatabaseTest
    void managedDevicesJoinTheirEntraDevicesByDeviceId(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        List<EntraDevice> entra =
                IntStream.range(0, 4).mapToObj(TestRecords::device).toList();
        // TestRecords.device(n) has device id "d-n" for even n
        EntraManagedDevice joined = TestRecords.managedDevice(1, "S1", null, null, "D-2");
        EntraManagedDevice orphan = TestRecords.managedDevice(2, "S2", null, null, "d-1");
        EntraManagedDevice unregistered = TestRecords.managedDevice(3, "S3", null, null, null);
        run(storage, TENANT, Dataset.DEVICES, "r1", true, entra);
        run(storage, TENANT, Dataset.MANAGED_DEVICES, "r1", true, List.of(joined, orphan, unregistered));
        JdbcQueries queries = storage.queries();

        List<ManagedDeviceMatch> matches = queries.managedDevicesWithEntraDevices(TENANT);

        assertThat(matches).extracting(ManagedDeviceMatch::managed).containsExactly(joined, orphan, unregistered);
        assertThat(matches.get(0).entraDevice()).isEqualTo(entra.get(2));
        assertThat(matches.get(1).device()).isEmpty();
        assertThat(matches.get(2).device()).isEmpty();
        assertThat(queries.entraDevice(TENANT, TestRecords.managedDevice(4, null, null, null, "d-2")))
                .contains(entra.get(2));
        assertThat(queries.entraDevice(TENANT, unregistered)).isEmpty();
        assertThat(queries.entraDevice(OTHER, TestRecords.managedDevice(4, null, null, null, "d-2")))
                .isEmpty();
    }

    @DatabaseTest
    void bothDatasetsExportWithTheirColumns(TestDatabase db) throws Exception {
        JdbcStorage storage = db.storageBuilder().build();
        run(storage, TENANT, Dataset.APPLICATIONS, "r1", true, List.of(TestRecords.application(1)));
        run(
                storage,
                TENANT,
                Dataset.MANAGED_DEVICES,
                "r1",
                true,
                List.of(TestRecords.managedDevice(2, "5CG1234XYZ", "A4C3F0851B2D", "00155D010203", "d-2")));
        java.io.ByteArrayOutputStream apps = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream devices = new java.io.ByteArrayOutputStream();

        assertThat(storage.queries().export(TENANT, Dataset.APPLICATIONS, ExportFormat.JSON_LINES, apps))
                .isEqualTo(1);
        assertThat(storage.queries().export(TENANT, Dataset.MANAGED_DEVICES, ExportFormat.CSV, devices))
                .isEqualTo(1);

        com.fasterxml.jackson.databind.JsonNode app = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(apps.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(app.get("Kind").asText()).isEqualTo("Service principal");
        assertThat(app.get("Microsoft Graph permissions").toString()).isEqualTo("[\"Mail.Send\",\"User.Read.All\"]");
        assertThat(app.get("Secrets and certificates").get(0).asText())
                .isEqualTo("Secret Secret ñ 1, ends 2026-03-21T00:00:00Z");
        assertThat(app.get("Next expiry").asText()).isEqualTo("2026-03-21T00:00:00Z");
        String csv = devices.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("Device,OS,Version,Compliance,Management agent,Serial number,")
                .contains("Wi-Fi MAC,Ethernet MAC");
        assertThat(csv).contains("5CG1234XYZ").contains("A4C3F0851B2D").contains("00155D010203");
    }
}
