package dev.entrasync.onboarding;

import dev.entrasync.Dataset;
import dev.entrasync.MappingConflictException;
import dev.entrasync.TenantMapper;
import dev.entrasync.TenantMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Imports discovered tenants into a {@link TenantMapper}: each one not mapped yet becomes a new host company
 * (created through the host's {@link CompanyDirectory}) and is mapped to it. Called by the host on its own thread,
 * typically from a "select tenants to import" page after {@link TenantDiscovery}; it calls the directory and the
 * mapper on that thread. Stateless; no argument may be null.
 */
public final class TenantImport {

    private TenantImport() {}

    /**
     * Imports tenants: for each one not mapped yet, creates a company through the directory and maps
     * it, syncing these datasets. Tenants already mapped are skipped and reported. If the directory
     * throws, the exception propagates; tenants imported before it stay mapped, and importing the same
     * selection again continues where it stopped.
     *
     * @param mapper where the mappings go
     * @param credentialName the credential that reads the tenants
     * @param tenants the selected discovered tenants, in the order to import them
     * @param datasets what to sync for each imported tenant
     * @param directory creates the host's companies
     * @return the new mappings and the skipped tenants; never null
     * @throws IllegalStateException if the directory returns no company id
     */
    public static ImportResult importTenants(
            TenantMapper mapper,
            String credentialName,
            List<DiscoveredTenant> tenants,
            Set<Dataset> datasets,
            CompanyDirectory directory) {
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(credentialName, "credentialName");
        Objects.requireNonNull(directory, "directory");
        List<TenantMapping> imported = new ArrayList<>();
        List<ImportResult.Skipped> skipped = new ArrayList<>();
        for (DiscoveredTenant tenant : tenants) {
            Optional<TenantMapping> existing = mapper.findByTenant(tenant.tenant());
            if (existing.isPresent()) {
                skipped.add(new ImportResult.Skipped(
                        tenant.tenant(),
                        existing.get().companyId(),
                        "already mapped to company " + existing.get().companyId()));
                continue;
            }
            String companyId = directory.create(tenant.name(), tenant.defaultDomain());
            if (companyId == null || companyId.isBlank()) {
                throw new IllegalStateException("CompanyDirectory.create returned no company id for tenant "
                        + tenant.tenant() + " (" + tenant.name() + "); " + imported.size()
                        + " tenants were imported before it.");
            }
            try {
                imported.add(mapper.map(tenant.toMapping(companyId, credentialName, datasets)));
            } catch (MappingConflictException e) {
                skipped.add(new ImportResult.Skipped(
                        tenant.tenant(),
                        e.existing() == null ? null : e.existing().companyId(),
                        "mapped concurrently while importing; company " + companyId + " was created but is not mapped: "
                                + e.getMessage()));
            }
        }
        return new ImportResult(imported, skipped);
    }
}
