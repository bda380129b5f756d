package dev.entrasync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@link TenantMapper} in memory, for tests, demos and hosts that keep mappings elsewhere and load
 * them at start. Thread-safe: every method locks the mapper.
 */
public final class InMemoryTenantMapper implements TenantMapper {

    private final Map<String, TenantMapping> byCompany = new LinkedHashMap<>();
    private final Map<TenantId, String> companyByTenant = new LinkedHashMap<>();
    private final DataPurger purger;

    /** A mapper without a purger: deleting with {@link SyncedData#PURGE} is refused. */
    public InMemoryTenantMapper() {
        this.purger = null;
    }

    /**
     * A mapper that removes a tenant's synced data through this purger on {@link SyncedData#PURGE}.
     *
     * @param purger the purger called on {@link SyncedData#PURGE}; never null
     * @throws NullPointerException if {@code purger} is null
     */
    public InMemoryTenantMapper(DataPurger purger) {
        this.purger = Objects.requireNonNull(purger, "purger");
    }

    @Override
    public synchronized TenantMapping map(TenantMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        String owner = companyByTenant.get(mapping.tenant());
        if (owner != null) {
            throw new MappingConflictException(
                    "Tenant " + mapping.tenant() + " is already mapped to company " + owner
                            + "; a tenant maps to one company at a time. Delete that mapping first to move the tenant.",
                    byCompany.get(owner));
        }
        TenantMapping current = byCompany.get(mapping.companyId());
        if (current != null) {
            throw new MappingConflictException(
                    "Company " + mapping.companyId() + " is already mapped to tenant " + current.tenant()
                            + "; delete that mapping first to map the company to another tenant.",
                    current);
        }
        byCompany.put(mapping.companyId(), mapping);
        companyByTenant.put(mapping.tenant(), mapping.companyId());
        return mapping;
    }

    @Override
    public synchronized TenantMapping update(TenantMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        TenantMapping current = byCompany.get(mapping.companyId());
        if (current == null) {
            throw new IllegalArgumentException(
                    "companyId: company " + mapping.companyId() + " has no mapping to update; map it first");
        }
        if (!current.tenant().equals(mapping.tenant())) {
            throw new IllegalArgumentException("tenant: company " + mapping.companyId() + " is mapped to tenant "
                    + current.tenant() + ", not " + mapping.tenant() + "; delete and map again to change the tenant");
        }
        byCompany.put(mapping.companyId(), mapping);
        return mapping;
    }

    @Override
    public Optional<TenantMapping> delete(String companyId, SyncedData syncedData) {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(syncedData, "syncedData");
        if (syncedData == SyncedData.PURGE && purger == null) {
            throw new IllegalStateException("Cannot purge synced data: this mapper has no DataPurger. Nothing was"
                    + " deleted; build it with new InMemoryTenantMapper(purger) or delete with SyncedData.KEEP.");
        }
        TenantMapping removed;
        synchronized (this) {
            removed = byCompany.remove(companyId.trim());
            if (removed != null) {
                companyByTenant.remove(removed.tenant());
            }
        }
        if (removed != null && syncedData == SyncedData.PURGE) {
            purger.purge(removed);
        }
        return Optional.ofNullable(removed);
    }

    @Override
    public synchronized Optional<TenantMapping> findByCompany(String companyId) {
        return Optional.ofNullable(
                byCompany.get(Objects.requireNonNull(companyId, "companyId").trim()));
    }

    @Override
    public synchronized Optional<TenantMapping> findByTenant(TenantId tenant) {
        String company = companyByTenant.get(Objects.requireNonNull(tenant, "tenant"));
        return company == null ? Optional.empty() : Optional.of(byCompany.get(company));
    }

    @Override
    public synchronized Optional<TenantMapping> change(TenantId tenant, UnaryOperator<TenantMapping> change) {
        Objects.requireNonNull(change, "change");
        Optional<TenantMapping> current = findByTenant(tenant);
        if (current.isEmpty()) {
            return current;
        }
        TenantMapping changed = TenantMapper.checkedChange(current.get(), change);
        byCompany.put(changed.companyId(), changed);
        return Optional.of(changed);
    }

    @Override
    public synchronized List<TenantMapping> list() {
        return List.copyOf(byCompany.values());
    }
}
