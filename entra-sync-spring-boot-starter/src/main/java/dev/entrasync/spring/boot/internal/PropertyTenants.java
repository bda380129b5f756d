package dev.entrasync.spring.boot.internal;

import dev.entrasync.Dataset;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapper;
import dev.entrasync.TenantMapping;
import dev.entrasync.spring.boot.EntraSyncProperties;
import dev.entrasync.spring.boot.EntraSyncPropertyException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the mappings of {@code entra-sync.tenants}: a company not mapped yet is mapped; a company mapped to the same
 * tenant gets the listed datasets, credential and name, keeping its controls (paused, excluded, interval, block).
 */
public final class PropertyTenants {

    private static final Logger LOG = LoggerFactory.getLogger(PropertyTenants.class);

    private PropertyTenants() {}

    /**
     * Maps or updates every tenant the properties list, in the mapper the engine reads. Called once at start-up.
     *
     * @param properties the bound properties
     * @param mapper the engine's tenant mapper
     * @throws EntraSyncPropertyException naming the entry, for a missing company or tenant id, a tenant that is not a
     *     GUID, a company mapped to another tenant, or a tenant mapped to another company
     */
    public static void apply(EntraSyncProperties properties, TenantMapper mapper) {
        List<EntraSyncProperties.Tenant> tenants = properties.tenants();
        for (int i = 0; i < tenants.size(); i++) {
            apply(properties, mapper, tenants.get(i), "entra-sync.tenants[" + i + "].");
        }
    }

    private static boolean isGuid(String value) {
        try {
            return TenantId.of(value).isGuid();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void apply(
            EntraSyncProperties properties, TenantMapper mapper, EntraSyncProperties.Tenant entry, String prefix) {
        if (entry.companyId() == null || entry.companyId().isBlank()) {
            throw new EntraSyncPropertyException(
                    prefix + "company-id", "is not set", "Set it to your application's id of the company.", null);
        }
        if (entry.tenantId() == null || !isGuid(entry.tenantId())) {
            throw new EntraSyncPropertyException(
                    prefix + "tenant-id",
                    entry.tenantId() == null ? "is not set" : "'" + entry.tenantId() + "' is not a tenant GUID",
                    "Set it to the tenant's Directory (tenant) ID, a GUID from the tenant's Overview page in"
                            + " Microsoft Entra.",
                    null);
        }
        String companyId = entry.companyId().trim();
        TenantId tenant = TenantId.of(entry.tenantId());
        String credential = entry.credential() == null || entry.credential().isBlank()
                ? properties.credential().name()
                : entry.credential().trim();
        Set<Dataset> datasets =
                entry.datasets() == null || entry.datasets().isEmpty() ? properties.datasets() : entry.datasets();
        Optional<TenantMapping> current = mapper.findByCompany(companyId);
        if (current.isEmpty()) {
            Optional<TenantMapping> other = mapper.findByTenant(tenant);
            if (other.isPresent()) {
                throw new EntraSyncPropertyException(
                        prefix + "tenant-id",
                        "tenant " + tenant + " is mapped to company "
                                + other.get().companyId() + " already",
                        "Map the tenant to one company only: change entra-sync.tenants or delete the other mapping.",
                        null);
            }
            mapper.map(new TenantMapping(companyId, tenant, credential, entry.name(), null, datasets, false));
            LOG.info(
                    "entra-sync: mapped company {} to tenant {}{} ({})",
                    companyId,
                    tenant,
                    entry.name() == null ? "" : " (" + entry.name() + ")",
                    datasets.stream().map(Dataset::key).toList());
            return;
        }
        TenantMapping mapping = current.get();
        if (!mapping.tenant().equals(tenant)) {
            throw new EntraSyncPropertyException(
                    prefix + "tenant-id",
                    "company " + companyId + " is mapped to tenant " + mapping.tenant() + ", not " + tenant,
                    "Delete the company's mapping first (SyncEngine's mapper, or the web host) to move it to another"
                            + " tenant, or correct the tenant id.",
                    null);
        }
        TenantMapping wanted = new TenantMapping(
                companyId,
                tenant,
                credential,
                entry.name() == null ? mapping.displayName() : entry.name(),
                mapping.defaultDomain(),
                datasets,
                mapping.paused(),
                mapping.excluded(),
                mapping.interval(),
                mapping.block());
        if (!wanted.equals(mapping)) {
            mapper.update(wanted);
            LOG.info(
                    "entra-sync: updated company {}'s mapping of tenant {} from entra-sync.tenants", companyId, tenant);
        }
    }
}
