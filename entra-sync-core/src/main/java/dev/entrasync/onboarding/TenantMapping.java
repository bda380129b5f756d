package dev.entrasync.onboarding;

import dev.entrasync.Dataset;
import dev.entrasync.TenantId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One host company paired with one tenant: which credential reads it, which datasets are synced
 * and whether syncing is paused. The sync engine schedules every mapping that is not paused.
 * Immutable; derive changed copies with the {@code with…} methods and store them with
 * {@link TenantMapper#update(TenantMapping)}.
 *
 * @param companyId the host's company id
 * @param tenant the tenant's GUID
 * @param credentialName the credential that reads the tenant
 * @param displayName the tenant's name when mapped, or null
 * @param defaultDomain the tenant's default domain when mapped, or null
 * @param datasets what to sync; never empty
 * @param paused true to stop scheduled syncs without deleting the mapping
 */
public record TenantMapping(String companyId, TenantId tenant, String credentialName, String displayName,
                            String defaultDomain, Set<Dataset> datasets, boolean paused) {

    /**
     * @throws IllegalArgumentException naming the field, for a blank company id or credential name, a
     *     tenant that is not a GUID, or no datasets
     */
    public TenantMapping {
        if (companyId == null || companyId.isBlank()) {
            throw new IllegalArgumentException("companyId: must not be empty");
        }
        companyId = companyId.trim();
        if (tenant == null || !tenant.isGuid()) {
            throw new IllegalArgumentException("tenant: must be the tenant's GUID (from discovery or consent), was "
                    + tenant);
        }
        if (credentialName == null || credentialName.isBlank()) {
            throw new IllegalArgumentException("credentialName: must not be empty");
        }
        if (datasets == null || datasets.isEmpty()) {
            throw new IllegalArgumentException("datasets: choose at least one dataset to sync");
        }
        datasets = Collections.unmodifiableSet(EnumSet.copyOf(datasets));
    }

    /** A mapping of a discovered tenant to a host company, not paused. */
    public static TenantMapping of(String companyId, String credentialName, DiscoveredTenant tenant,
                                   Set<Dataset> datasets) {
        return new TenantMapping(companyId, tenant.tenant(), credentialName, tenant.displayName(),
                tenant.defaultDomain(), datasets, false);
    }

    /** A copy syncing these datasets instead. */
    public TenantMapping withDatasets(Set<Dataset> datasets) {
        return new TenantMapping(companyId, tenant, credentialName, displayName, defaultDomain, datasets, paused);
    }

    /** A copy that is paused (or resumed). */
    public TenantMapping withPaused(boolean paused) {
        return new TenantMapping(companyId, tenant, credentialName, displayName, defaultDomain, datasets, paused);
    }
}
