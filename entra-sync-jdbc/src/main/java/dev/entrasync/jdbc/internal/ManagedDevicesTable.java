package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.ColumnType.BOOLEAN;
import static dev.entrasync.jdbc.internal.ColumnType.TIMESTAMP;
import static dev.entrasync.jdbc.internal.ColumnType.VARCHAR;

import dev.entrasync.Dataset;
import dev.entrasync.model.EntraManagedDevice;
import java.util.List;
import java.util.Locale;

/**
 * The {@code managed_devices} table: {@link EntraManagedDevice}. Beside the values as Intune reports them it keeps
 * match keys, indexed per tenant, so that a scanner's assets join by serial number or MAC address whatever their
 * spelling: {@code serial_key} (upper case, without blanks) and {@code wifi_mac_key}/{@code ethernet_mac_key} (the 12
 * hex digits in lower case, without separators). {@code azure_ad_device_id} joins {@code devices.device_id}.
 */
public final class ManagedDevicesTable {

    private ManagedDevicesTable() {}

    /**
     * A MAC address's 12 hex digits in lower case, whatever its separators ({@code AA:BB:CC:DD:EE:FF},
     * {@code aa-bb-cc-dd-ee-ff}, {@code aabb.ccdd.eeff}, {@code AABBCCDDEEFF}); null for null, blank or anything that is
     * not 12 hex digits once separators are dropped (an all-zero address identifies nothing and is null too).
     *
     * @param mac a MAC address in any common spelling, or null
     * @return the normalized address, or null
     */
    public static String macKey(String mac) {
        if (mac == null) {
            return null;
        }
        StringBuilder hex = new StringBuilder(12);
        for (char c : mac.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
                hex.append(c);
            } else if (c != ':' && c != '-' && c != '.' && c != ' ') {
                return null;
            }
        }
        return hex.length() == 12 && !hex.toString().equals("000000000000") ? hex.toString() : null;
    }

    /**
     * A serial number in upper case without blanks; null for null or blank.
     *
     * @param serial a serial number, or null
     * @return the normalized serial number, or null
     */
    public static String serialKey(String serial) {
        if (serial == null) {
            return null;
        }
        String key = serial.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }

    static final DatasetTable<EntraManagedDevice> TABLE = new DatasetTable<>(
            Dataset.MANAGED_DEVICES,
            "managed_devices",
            EntraManagedDevice.class,
            List.of(
                    Column.of("device_name", VARCHAR, EntraManagedDevice::deviceName),
                    Column.of("operating_system", VARCHAR, EntraManagedDevice::operatingSystem),
                    Column.of("os_version", VARCHAR, EntraManagedDevice::osVersion),
                    Column.of("compliance_state", VARCHAR, EntraManagedDevice::complianceState),
                    Column.of("management_agent", VARCHAR, EntraManagedDevice::managementAgent),
                    Column.of("enrolled_at", TIMESTAMP, EntraManagedDevice::enrolledDateTime),
                    Column.of("last_sync_at", TIMESTAMP, EntraManagedDevice::lastSyncDateTime),
                    Column.of("serial_number", VARCHAR, EntraManagedDevice::serialNumber),
                    Column.of("manufacturer", VARCHAR, EntraManagedDevice::manufacturer),
                    Column.of("model", VARCHAR, EntraManagedDevice::model),
                    Column.of("wifi_mac_address", VARCHAR, EntraManagedDevice::wiFiMacAddress),
                    Column.of("ethernet_mac_address", VARCHAR, EntraManagedDevice::ethernetMacAddress),
                    Column.of("is_encrypted", BOOLEAN, EntraManagedDevice::isEncrypted),
                    Column.of("user_principal_name", VARCHAR, EntraManagedDevice::userPrincipalName),
                    Column.of("azure_ad_device_id", VARCHAR, EntraManagedDevice::azureADDeviceId),
                    Column.of("serial_key", VARCHAR, d -> serialKey(d.serialNumber())),
                    Column.of("wifi_mac_key", VARCHAR, d -> macKey(d.wiFiMacAddress())),
                    Column.of("ethernet_mac_key", VARCHAR, d -> macKey(d.ethernetMacAddress()))),
            false,
            row -> new EntraManagedDevice(
                    row.string("id"),
                    row.string("device_name"),
                    row.string("operating_system"),
                    row.string("os_version"),
                    row.string("compliance_state"),
                    row.string("management_agent"),
                    row.instant("enrolled_at"),
                    row.instant("last_sync_at"),
                    row.string("serial_number"),
                    row.string("manufacturer"),
                    row.string("model"),
                    row.string("wifi_mac_address"),
                    row.string("ethernet_mac_address"),
                    row.bool("is_encrypted"),
                    row.string("user_principal_name"),
                    row.string("azure_ad_device_id")));
}
