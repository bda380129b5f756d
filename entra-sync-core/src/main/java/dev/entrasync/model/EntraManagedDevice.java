package dev.entrasync.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A device Microsoft Intune manages, from Graph {@code /deviceManagement/managedDevices}. {@link #azureADDeviceId()}
 * joins it to the {@link EntraDevice} whose {@link EntraDevice#deviceId()} is the same; serial number and MAC addresses
 * join it to a scanner's or RMM's assets.
 *
 * @param id the Intune device id
 * @param deviceName the device's name, or null
 * @param operatingSystem e.g. {@code Windows}, {@code iOS}, {@code Android}, {@code macOS}, or null
 * @param osVersion e.g. {@code 10.0.22631.4037}, or null
 * @param complianceState {@code compliant}, {@code noncompliant}, {@code conflict}, {@code error},
 *     {@code inGracePeriod}, {@code configManager} or {@code unknown}; null when not said
 * @param managementAgent e.g. {@code mdm}, {@code configurationManagerClientMdm}, {@code intuneClient}, or null
 * @param enrolledDateTime when it was enrolled, or null
 * @param lastSyncDateTime when it last checked in with Intune, or null
 * @param serialNumber the hardware serial number, or null (Intune reports an empty string for some devices; kept as
 *     null)
 * @param manufacturer e.g. {@code Dell Inc.}, or null
 * @param model e.g. {@code Latitude 5440}, or null
 * @param wiFiMacAddress the Wi-Fi MAC address as Intune reports it (usually 12 hex digits without separators), or
 *     null
 * @param ethernetMacAddress the Ethernet MAC address as Intune reports it, or null (Graph lists it as null and gives
 *     it only on a single device's GET, which the fetcher sends for desktops in {@code $batch})
 * @param isEncrypted whether the device's storage is encrypted; null when not said
 * @param userPrincipalName the primary user's UPN, or null
 * @param azureADDeviceId the Entra device id ({@link EntraDevice#deviceId()}), or null when not registered in Entra
 */
public record EntraManagedDevice(
        String id,
        String deviceName,
        String operatingSystem,
        String osVersion,
        String complianceState,
        String managementAgent,
        Instant enrolledDateTime,
        Instant lastSyncDateTime,
        String serialNumber,
        String manufacturer,
        String model,
        String wiFiMacAddress,
        String ethernetMacAddress,
        Boolean isEncrypted,
        String userPrincipalName,
        String azureADDeviceId)
        implements EntraRecord {

    /**
     * Validates the components; a blank serial number, MAC address or Entra device id (or Intune's all-zero device id)
     * is read as null.
     *
     * @param id the Intune device id; never null
     * @param deviceName the device's name; may be null
     * @param operatingSystem the operating system; may be null
     * @param osVersion the operating system's version; may be null
     * @param complianceState the compliance state; may be null
     * @param managementAgent the management agent; may be null
     * @param enrolledDateTime when it was enrolled; may be null
     * @param lastSyncDateTime when it last checked in; may be null
     * @param serialNumber the serial number; may be null
     * @param manufacturer the manufacturer; may be null
     * @param model the model; may be null
     * @param wiFiMacAddress the Wi-Fi MAC address; may be null
     * @param ethernetMacAddress the Ethernet MAC address; may be null
     * @param isEncrypted whether storage is encrypted; may be null
     * @param userPrincipalName the primary user's UPN; may be null
     * @param azureADDeviceId the Entra device id; may be null
     * @throws NullPointerException if {@code id} is null
     */
    public EntraManagedDevice {
        Objects.requireNonNull(id, "id");
        serialNumber = blankToNull(serialNumber);
        wiFiMacAddress = blankToNull(wiFiMacAddress);
        ethernetMacAddress = blankToNull(ethernetMacAddress);
        azureADDeviceId = blankToNull(azureADDeviceId);
        if ("00000000-0000-0000-0000-000000000000".equals(azureADDeviceId)) {
            azureADDeviceId = null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
