package dev.entrasync;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Company ⇄ tenant mappings, keyed by the host's company ids: <i>import</i> (each discovered tenant
 * becomes a new company: {@code onboarding.TenantImport}), <i>map existing</i>
 * ({@link #map}), {@link #delete}, {@link #list}. One tenant maps to one company at a time, and one
 * company to one tenant; a second mapping of either is refused with a
 * {@link MappingConflictException}. The sync engine reads the mappings to know what to sync, and
 * keeps each tenant's controls in them (paused, excluded, own interval, blocked; see
 * {@link TenantMapping}), writing them with {@link #change}.
 *
 * <p>Implementations must be thread-safe, store every component of a {@link TenantMapping} (the
 * controls too: they hold across instances and restarts only as long as the mapper keeps them), and
 * make {@link #map} atomic (check and insert as one); a mapper shared by several processes should
 * make {@link #change} atomic too.
 * {@link InMemoryTenantMapper} is the in-memory implementation; {@code entra-sync-jdbc} persists
 * mappings. No method accepts or returns {@code null}.
 */
public interface TenantMapper {

    /**
     * Maps an existing host company to a tenant.
     *
     * @param mapping the new mapping; never null
     * @return the stored mapping
     * @throws MappingConflictException if the tenant or the company is mapped already (nothing changes)
     */
    TenantMapping map(TenantMapping mapping);

    /**
     * Replaces the mapping of {@code mapping.companyId()} (to change datasets, pause, or refresh names).
     *
     * @param mapping the replacement, naming the same company and tenant as the stored mapping; never null
     * @return the stored mapping; never null
     * @throws IllegalArgumentException if the company has no mapping, or the new one names another tenant
     *     (delete and map again to move a company to another tenant)
     */
    TenantMapping update(TenantMapping mapping);

    /**
     * Deletes the company's mapping; syncing of the tenant stops. With {@link SyncedData#PURGE} the
     * tenant's synced data is removed too.
     *
     * @param companyId the host's company id; never null
     * @param syncedData whether the tenant's synced data is kept or purged; never null
     * @return the deleted mapping, or empty when the company had none
     * @throws IllegalStateException for {@link SyncedData#PURGE} when this mapper has no {@link DataPurger}
     *     (nothing is deleted then)
     */
    Optional<TenantMapping> delete(String companyId, SyncedData syncedData);

    /**
     * The mapping of this company, if any.
     *
     * @param companyId the host's company id; never null
     * @return the company's mapping; empty when the company has none
     */
    Optional<TenantMapping> findByCompany(String companyId);

    /**
     * The mapping of this tenant (GUID), if any.
     *
     * @param tenant the tenant's GUID; never null
     * @return the tenant's mapping; empty when the tenant is not mapped
     */
    Optional<TenantMapping> findByTenant(TenantId tenant);

    /**
     * Every mapping, in the order they were made.
     *
     * @return every mapping, in the order they were made; empty when there is none; never null
     */
    List<TenantMapping> list();

    /**
     * Changes the tenant's mapping as one step: reads it, applies {@code change} and stores the result,
     * so two engines setting different controls of one tenant at once (one excludes it while the other
     * blocks it, say) do not undo each other. The sync engine calls it to store the tenant's controls;
     * {@code change} may be called more than once and must have no side effects. If it returns the
     * mapping unchanged, nothing is written.
     *
     * <p>This default reads with {@link #findByTenant} and writes with {@link #update}, which is atomic
     * only within one mapper; a mapper shared by several processes (a database) overrides it to lock the
     * row. {@link InMemoryTenantMapper} and {@code entra-sync-jdbc}'s mapper are atomic.
     *
     * @param tenant the tenant's GUID; never null
     * @param change the function deriving the new mapping from the stored one; never null, never returning null, free
     *     of side effects
     * @return the stored mapping, or empty when the tenant is not mapped (nothing changes)
     * @throws IllegalArgumentException if {@code change} returns a mapping of another company or tenant
     *     (nothing changes)
     */
    default Optional<TenantMapping> change(TenantId tenant, UnaryOperator<TenantMapping> change) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(change, "change");
        Optional<TenantMapping> current = findByTenant(tenant);
        if (current.isEmpty()) {
            return current;
        }
        TenantMapping changed = checkedChange(current.get(), change);
        return Optional.of(changed.equals(current.get()) ? changed : update(changed));
    }

    /**
     * Applies {@code change} to {@code current} for {@link #change}, refusing a result that names
     * another company or tenant. For implementations of {@link #change}.
     *
     * @param current the stored mapping; never null
     * @param change the function deriving the new mapping from {@code current}; never null, never returning null
     * @return the new mapping, naming the same company and tenant as {@code current}; never null
     * @throws IllegalArgumentException naming the field that changed
     * @throws NullPointerException if {@code change} returns null
     */
    static TenantMapping checkedChange(TenantMapping current, UnaryOperator<TenantMapping> change) {
        TenantMapping changed = Objects.requireNonNull(change.apply(current), "change returned null");
        if (!changed.companyId().equals(current.companyId())
                || !changed.tenant().equals(current.tenant())) {
            throw new IllegalArgumentException("change: may not move the mapping of tenant " + current.tenant()
                    + " (company " + current.companyId() + ") to company " + changed.companyId() + " and tenant "
                    + changed.tenant() + "; delete and map again to change them");
        }
        return changed;
    }
}
