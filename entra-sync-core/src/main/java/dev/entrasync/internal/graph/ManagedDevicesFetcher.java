package dev.entrasync.internal.graph;

import static dev.entrasync.GraphPermission.DEVICE_MANAGEMENT_MANAGED_DEVICES_READ_ALL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.SyncConfig;
import dev.entrasync.model.EntraManagedDevice;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Intune's {@code /deviceManagement/managedDevices} (permission DeviceManagementManagedDevices.Read.All). Always a
 * full run: Intune offers no delta on managed devices in v1.0. Requests: ⌈devices/1000⌉ list pages (at least one),
 * plus ⌈desktops/20⌉ {@code $batch} requests for the Ethernet MAC addresses. Streams: each page is written as it
 * arrives, with the desktops whose {@code $batch} it filled; at most 19 desktops wait for the next page, and the last
 * ones go in one smaller {@code $batch} at the end, so a run holds one page and 19 devices, however large the tenant.
 *
 * <p>Facts relied on:
 *
 * <ul>
 *   <li>Every field kept exists on {@code microsoft.graph.managedDevice} in the v1.0 metadata, and is selectable.
 *       No {@code $top} is sent: Intune pages by itself (1,000 to a page in practice) and documents no maximum for it
 *       (learn.microsoft.com/graph/api/intune-devices-manageddevice-list).
 *   <li>{@code ethernetMacAddress} is null in list responses; Microsoft's resource page says it is a non-default
 *       property returned only by an individual GET with {@code $select}
 *       (learn.microsoft.com/graph/api/resources/intune-devices-manageddevice, and Microsoft Q&amp;A 1382436). A
 *       scanner matches on it, so it is read per device, 20 to a {@code $batch}, for Windows, macOS and Linux devices
 *       only: phones and tablets have no Ethernet port.
 *   <li>A tenant without Intune answers 400 {@code BadRequest} "Request not applicable to target tenant." (as handled
 *       by Microsoft365DSC's Intune resources, "The current tenant is not registered for Intune"), which
 *       {@link GraphErrors} turns into a {@link dev.entrasync.LicenseRequiredException} naming Microsoft Intune; the
 *       dataset fails with that reason and the tenant's other datasets are unaffected.
 *   <li>Without the permission Intune answers 403 {@code Forbidden} "Application is not authorized to perform this
 *       operation. Application must have one of the following scopes: ..." rather than Entra's
 *       {@code Authorization_RequestDenied}; {@link GraphErrors} reads both as a missing permission.
 * </ul>
 */
final class ManagedDevicesFetcher implements DatasetFetcher {

    /** The {@code $select} list: exactly the fields kept ({@code ethernetMacAddress} comes per device). */
    static final String SELECT = "id,deviceName,operatingSystem,osVersion,complianceState,managementAgent,"
            + "enrolledDateTime,lastSyncDateTime,serialNumber,manufacturer,model,wiFiMacAddress,isEncrypted,"
            + "userPrincipalName,azureADDeviceId";
    /** One device's Ethernet MAC address, inside a {@code $batch}. */
    static final String ETHERNET = "/deviceManagement/managedDevices/%s?$select=id,ethernetMacAddress";

    /** Operating systems whose devices may have an Ethernet port. */
    private static final Set<String> DESKTOPS = Set.of("windows", "macos", "linux");

    static final List<String> PERMISSIONS = PermissionNames.of(DEVICE_MANAGEMENT_MANAGED_DEVICES_READ_ALL);

    @Override
    public Dataset dataset() {
        return Dataset.MANAGED_DEVICES;
    }

    @Override
    public Mode plan(Checkpoint previous, SyncConfig config, Instant now) {
        return Mode.FULL;
    }

    @Override
    public Checkpoint fetch(FetchContext context) {
        TenantGraph graph = context.graph();
        EthernetLookup lookup = new EthernetLookup(context);
        GraphPager.forEachPage(
                graph,
                graph.v1("deviceManagement/managedDevices?$select=" + SELECT),
                ManagedDevicesFetcher::read,
                Priority.LOW,
                PERMISSIONS,
                context.stats(),
                page -> lookup.page(page.items()));
        lookup.end();
        return null;
    }

    /** One run's devices on their way to the writer, with the desktops waiting for a full {@code $batch}. One thread. */
    private static final class EthernetLookup {
        private final FetchContext context;
        private final List<EntraManagedDevice> queued = new ArrayList<>(GraphBatch.MAX_ITEMS);
        private int forged;

        EthernetLookup(FetchContext context) {
            this.context = context;
        }

        /** Writes one page's devices, sending a {@code $batch} each time 20 desktops are queued. */
        void page(List<EntraManagedDevice> devices) {
            List<EntraManagedDevice> ready = new ArrayList<>(devices.size() + GraphBatch.MAX_ITEMS);
            for (EntraManagedDevice device : devices) {
                String os = device.operatingSystem();
                if (os == null || !DESKTOPS.contains(os.toLowerCase(Locale.ROOT))) {
                    ready.add(device);
                } else if (!GraphIds.isObjectId(device.id())) {
                    forged++; // its id would address another resource inside the $batch: no Ethernet MAC for it
                    ready.add(device);
                } else {
                    queued.add(device);
                    if (queued.size() == GraphBatch.MAX_ITEMS) {
                        ready.addAll(withEthernet());
                    }
                }
            }
            context.writer().upsert(ready);
        }

        /** Sends the last, smaller {@code $batch} (if any desktop waits), writes those devices, and warns of forged ids. */
        void end() {
            context.writer().upsert(withEthernet());
            if (forged > 0) {
                context.warn(forged + " managed device(s) in tenant "
                        + context.graph().tenant() + " came with an id"
                        + " that is not a GUID, so their Ethernet MAC address was not read (it is read by id); they"
                        + " are kept without it. If this repeats, report the response to Microsoft: Intune device ids"
                        + " are GUIDs.");
            }
        }

        /** The queued desktops with the Ethernet MAC addresses one {@code $batch} read; empties the queue. */
        private List<EntraManagedDevice> withEthernet() {
            if (queued.isEmpty()) {
                return List.of();
            }
            List<String> urls = new ArrayList<>(queued.size());
            queued.forEach(d -> urls.add(ETHERNET.formatted(d.id())));
            Map<String, JsonNode> bodies =
                    GraphBatch.send(context.graph(), GraphBatch.items(urls, Map.of()), PERMISSIONS, context.stats());
            List<EntraManagedDevice> out = new ArrayList<>(queued.size());
            for (int n = 0; n < queued.size(); n++) {
                JsonNode body = bodies.get(Integer.toString(n + 1));
                String mac = body == null ? null : Json.text(body, "ethernetMacAddress");
                out.add(mac == null ? queued.get(n) : ManagedDevicesFetcher.withEthernet(queued.get(n), mac));
            }
            queued.clear();
            return out;
        }
    }

    private static EntraManagedDevice withEthernet(EntraManagedDevice d, String mac) {
        return new EntraManagedDevice(
                d.id(),
                d.deviceName(),
                d.operatingSystem(),
                d.osVersion(),
                d.complianceState(),
                d.managementAgent(),
                d.enrolledDateTime(),
                d.lastSyncDateTime(),
                d.serialNumber(),
                d.manufacturer(),
                d.model(),
                d.wiFiMacAddress(),
                mac,
                d.isEncrypted(),
                d.userPrincipalName(),
                d.azureADDeviceId());
    }

    static EntraManagedDevice read(JsonParser p) throws IOException {
        String id = null;
        String name = null;
        String os = null;
        String osVersion = null;
        String compliance = null;
        String agent = null;
        Instant enrolled = null;
        Instant lastSync = null;
        String serial = null;
        String manufacturer = null;
        String model = null;
        String wifi = null;
        String ethernet = null;
        Boolean encrypted = null;
        String upn = null;
        String entraDeviceId = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = Json.text(p);
                case "deviceName" -> name = Json.text(p);
                case "operatingSystem" -> os = Json.text(p);
                case "osVersion" -> osVersion = Json.text(p);
                case "complianceState" -> compliance = Json.text(p);
                case "managementAgent" -> agent = Json.text(p);
                case "enrolledDateTime" -> enrolled = Json.instant(p);
                case "lastSyncDateTime" -> lastSync = Json.instant(p);
                case "serialNumber" -> serial = Json.text(p);
                case "manufacturer" -> manufacturer = Json.text(p);
                case "model" -> model = Json.text(p);
                case "wiFiMacAddress" -> wifi = Json.text(p);
                case "ethernetMacAddress" -> ethernet = Json.text(p);
                case "isEncrypted" -> encrypted = Json.bool(p);
                case "userPrincipalName" -> upn = Json.text(p);
                case "azureADDeviceId" -> entraDeviceId = Json.text(p);
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "a managed device without an id");
        }
        return new EntraManagedDevice(
                id,
                name,
                os,
                osVersion,
                compliance,
                agent,
                enrolled,
                lastSync,
                serial,
                manufacturer,
                model,
                wifi,
                ethernet,
                encrypted,
                upn,
                entraDeviceId);
    }
}
