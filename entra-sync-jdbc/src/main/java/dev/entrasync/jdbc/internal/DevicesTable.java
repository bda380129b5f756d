package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.ColumnType.BOOLEAN;
import static dev.entrasync.jdbc.internal.ColumnType.TIMESTAMP;
import static dev.entrasync.jdbc.internal.ColumnType.VARCHAR;

import dev.entrasync.Dataset;
import dev.entrasync.model.EntraDevice;
import java.util.List;

/** The {@code devices} table: {@link EntraDevice}. */
final class DevicesTable {

    private DevicesTable() {}

    static final DatasetTable<EntraDevice> TABLE = new DatasetTable<>(
            Dataset.DEVICES,
            "devices",
            EntraDevice.class,
            List.of(
                    Column.of("device_id", VARCHAR, EntraDevice::deviceId),
                    Column.of("display_name", VARCHAR, EntraDevice::displayName),
                    Column.of("operating_system", VARCHAR, EntraDevice::operatingSystem),
                    Column.of("operating_system_version", VARCHAR, EntraDevice::operatingSystemVersion),
                    Column.of("trust_type", VARCHAR, EntraDevice::trustType),
                    Column.of("is_managed", BOOLEAN, EntraDevice::isManaged),
                    Column.of("is_compliant", BOOLEAN, EntraDevice::isCompliant),
                    Column.of("last_sign_in_at", TIMESTAMP, EntraDevice::approximateLastSignInDateTime),
                    Column.of("on_premises_sync_enabled", BOOLEAN, EntraDevice::onPremisesSyncEnabled),
                    Column.of("registered_at", TIMESTAMP, EntraDevice::registrationDateTime)),
            false,
            row -> new EntraDevice(
                    row.string("id"),
                    row.string("device_id"),
                    row.string("display_name"),
                    row.string("operating_system"),
                    row.string("operating_system_version"),
                    row.string("trust_type"),
                    row.bool("is_managed"),
                    row.bool("is_compliant"),
                    row.instant("last_sign_in_at"),
                    row.bool("on_premises_sync_enabled"),
                    row.instant("registered_at")));
}
