package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetResult.Status;
import dev.entrasync.model.EntraManagedDevice;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code managed_devices} streams: each of Intune's pages (1,000 devices in the simulated cloud, which sends a next
 * link after each full page) reaches the sink as it arrives, desktops go 20 to a {@code $batch} as they queue up, the
 * rest in one last {@code $batch}, and the request count is that of reading everything first. A failure after the
 * first page was written fails the run and keeps what was stored.
 */
class ManagedDevicesStreamingTest {

    private static final String LIST = "/v1.0/deviceManagement/managedDevices";
    /** Intune's page size in the simulated cloud. */
    private static final int PAGE = 1000;

    private final DatasetsFixture fx = new DatasetsFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    /** A tenant with two of Intune's pages of managed devices, phones and desktops on both. */
    private SimulatedTenant twoPages(String name) {
        SimulatedTenant tenant = fx.tenant(name, 30, 2000, 6);
        assertThat(tenant.managedDevices().size()).as("managed devices").isBetween(PAGE + 1, 2 * PAGE);
        return tenant;
    }

    private static boolean desktop(Map<String, Object> device) {
        return Set.of("Windows", "macOS").contains(device.get("operatingSystem"));
    }

    /** A desktop whose Ethernet MAC address is read: one with a GUID for an id. */
    private static boolean lookedUp(Map<String, Object> device) {
        return desktop(device) && ((String) device.get("id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void writesEachPageAsItArrivesAndReadsEveryEthernetAddressInTheSameRequests() {
        SimulatedTenant tenant = twoPages("Wingtip");
        Map<String, Object> firstDesktop = tenant.managedDevices().list().stream()
                .filter(ManagedDevicesStreamingTest::desktop)
                .findFirst()
                .orElseThrow();
        // two desktops whose ids are not GUIDs, one on each page (the store pages by id): kept without a MAC
        addCopy(tenant, firstDesktop, "../users?$select=id");
        addCopy(tenant, firstDesktop, "zz-not-a-guid");
        List<Map<String, Object>> listed = tenant.managedDevices().list();
        long desktops =
                listed.stream().filter(ManagedDevicesStreamingTest::lookedUp).count();
        assertThat(listed.subList(0, PAGE).stream()
                                .filter(ManagedDevicesStreamingTest::lookedUp)
                                .count()
                        % 20)
                .as("a $batch's desktops come from both pages")
                .isNotZero();
        assertThat(desktops % 20).as("a last, smaller $batch").isNotZero();
        assertThat(listed.stream().filter(d -> !desktop(d)).count())
                .as("phones and tablets")
                .isPositive();
        WriteLog log = new WriteLog(fx, Dataset.MANAGED_DEVICES, ManagedDevicesStreamingTest::listPage);

        DatasetResult result = fx.sync(tenant, Set.of(Dataset.MANAGED_DEVICES), log)
                .dataset(Dataset.MANAGED_DEVICES)
                .orElseThrow();

        assertThat(result.status()).as(result.error()).isEqualTo(Status.SUCCEEDED);
        long requests = 2 + RequestCountTest.batches(desktops);
        assertThat(result.requests()).isEqualTo(requests);
        assertThat(fx.httpCalls()).hasSize((int) requests);
        assertThat(fx.sim.cloud.graphCalls())
                .filteredOn(RecordedCall::batchItem)
                .hasSize((int) desktops);
        assertThat(result.warnings())
                .singleElement()
                .asString()
                .startsWith("2 managed device(s) in tenant " + tenant.id() + " came with an id that is not a GUID");
        // every device written once, with the Ethernet MAC address of its own GET (none for the forged ids)
        List<String> written =
                log.upserts().stream().flatMap(u -> u.ids().stream()).toList();
        assertThat(written).doesNotHaveDuplicates().hasSize(listed.size());
        Map<String, EntraManagedDevice> stored =
                fx.<EntraManagedDevice>records(tenant, Dataset.MANAGED_DEVICES).stream()
                        .collect(Collectors.toMap(EntraManagedDevice::id, Function.identity()));
        assertThat(stored).hasSize(listed.size());
        for (Map<String, Object> device : listed) {
            String id = (String) device.get("id");
            Object mac = lookedUp(device) ? device.get("ethernetMacAddress") : null;
            assertThat(stored.get(id).ethernetMacAddress()).as(id).isEqualTo(mac);
        }
        assertThat(stored.values()).anyMatch(d -> d.ethernetMacAddress() != null);
        // streamed: the first page reached the sink before the second was asked for, and no write held more than a
        // page and the 19 desktops that may wait for the next one
        assertThat(log.upserts()).hasSizeGreaterThan(1);
        assertThat(log.upserts().get(0).listPagesRequested()).isEqualTo(1);
        assertThat(log.upserts()).allSatisfy(u -> assertThat(u.ids()).hasSizeLessThanOrEqualTo(PAGE + 19));
    }

    @ParameterizedTest(name = "{0} fails")
    @ValueSource(strings = {LIST, "/v1.0/$batch"})
    void aFailureAfterTheFirstPageWasWrittenFailsTheRunAndKeepsTheStoredDevices(String failing) {
        SimulatedTenant tenant = twoPages("Fabrikam" + failing.length());
        DatasetResult first = fx.sync(tenant, Set.of(Dataset.MANAGED_DEVICES))
                .dataset(Dataset.MANAGED_DEVICES)
                .orElseThrow();
        assertThat(first.clean()).as(first.toString()).isTrue();
        List<EntraManagedDevice> before = fx.records(tenant, Dataset.MANAGED_DEVICES);
        // a run that completed would drop the first device and rename the last one
        List<Map<String, Object>> listed = tenant.managedDevices().list();
        tenant.managedDevices().delete((String) listed.get(0).get("id"));
        tenant.managedDevices().update((String) listed.get(listed.size() - 1).get("id"), Map.of("deviceName", "X"));
        // Graph refuses the next list page or $batch once the first page's devices were written
        WriteLog log = new WriteLog(
                fx,
                Dataset.MANAGED_DEVICES,
                ManagedDevicesStreamingTest::listPage,
                upsert -> true,
                () -> fx.sim
                        .cloud
                        .faults()
                        .forTenant(tenant.id())
                        .forPath(failing)
                        .failNext(1, 400));

        DatasetResult result = fx.sync(tenant, Set.of(Dataset.MANAGED_DEVICES), log)
                .dataset(Dataset.MANAGED_DEVICES)
                .orElseThrow();

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.error()).contains(tenant.id()).contains("400").contains(failing);
        assertThat(log.upserts()).isNotEmpty();
        assertThat(log.upserts().get(0).ids()).hasSizeGreaterThan(PAGE / 2);
        assertThat(log.aborted()).isTrue();
        assertThat(fx.<EntraManagedDevice>records(tenant, Dataset.MANAGED_DEVICES))
                .isEqualTo(before);
    }

    /** A request for a page of the managed device list. */
    private static boolean listPage(RecordedCall call) {
        return call.path().equals(LIST);
    }

    private static void addCopy(SimulatedTenant tenant, Map<String, Object> original, String id) {
        Map<String, Object> copy = new LinkedHashMap<>(original);
        copy.put("id", id);
        tenant.managedDevices().add(copy);
    }
}
