package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.ColumnType.INTEGER;
import static dev.entrasync.jdbc.internal.ColumnType.VARCHAR;

import dev.entrasync.Dataset;
import dev.entrasync.model.EntraLicense;
import java.util.List;

/**
 * The {@code licenses} table: {@link EntraLicense} keyed by SKU id, with {@code available_units}
 * (enabled minus consumed) to find licences with units left.
 */
final class LicensesTable {

    private LicensesTable() {}

    static final DatasetTable<EntraLicense> TABLE = new DatasetTable<>(
            Dataset.LICENSES,
            "licenses",
            EntraLicense.class,
            List.of(
                    Column.of("sku_part_number", VARCHAR, EntraLicense::skuPartNumber),
                    Column.of("product_name", VARCHAR, EntraLicense::productName),
                    Column.of("capability_status", VARCHAR, EntraLicense::capabilityStatus),
                    Column.of("enabled_units", INTEGER, EntraLicense::enabledUnits),
                    Column.of("consumed_units", INTEGER, EntraLicense::consumedUnits),
                    Column.of("warning_units", INTEGER, EntraLicense::warningUnits),
                    Column.of("suspended_units", INTEGER, EntraLicense::suspendedUnits),
                    Column.of("locked_out_units", INTEGER, EntraLicense::lockedOutUnits),
                    Column.of("available_units", INTEGER, l -> l.enabledUnits() - l.consumedUnits())),
            false,
            row -> new EntraLicense(
                    row.string("id"),
                    row.string("sku_part_number"),
                    row.string("product_name"),
                    row.string("capability_status"),
                    row.integer("enabled_units"),
                    row.integer("consumed_units"),
                    row.integer("warning_units"),
                    row.integer("suspended_units"),
                    row.integer("locked_out_units")));
}
