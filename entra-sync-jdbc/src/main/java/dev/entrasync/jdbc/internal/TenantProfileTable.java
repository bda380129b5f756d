package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.ColumnType.TEXT;
import static dev.entrasync.jdbc.internal.ColumnType.VARCHAR;

import dev.entrasync.Dataset;
import dev.entrasync.model.EntraTenantProfile;
import java.util.List;

/** The {@code tenant_profiles} table: one {@link EntraTenantProfile} row per tenant. */
final class TenantProfileTable {

    private TenantProfileTable() {}

    static final DatasetTable<EntraTenantProfile> TABLE = new DatasetTable<>(
            Dataset.TENANT_PROFILE,
            "tenant_profiles",
            EntraTenantProfile.class,
            List.of(
                    Column.of("display_name", VARCHAR, EntraTenantProfile::displayName),
                    Column.of("default_domain", VARCHAR, EntraTenantProfile::defaultDomain),
                    Column.of("initial_domain", VARCHAR, EntraTenantProfile::initialDomain),
                    Column.of("verified_domains", TEXT, p -> JsonText.write(p.verifiedDomains()))),
            false,
            row -> new EntraTenantProfile(
                    row.string("id"),
                    row.string("display_name"),
                    row.string("default_domain"),
                    row.string("initial_domain"),
                    row.strings("verified_domains")));
}
