package dev.entrasync;

/**
 * Removes a tenant's synced data from the host's storage, when a mapping is deleted with
 * {@link SyncedData#PURGE}. The host implements it over its storage (or uses its sink's). Called on
 * the thread that deletes the mapping, after the mapping is gone; if it throws, the mapping stays
 * deleted and the exception reaches the caller, who may purge again.
 */
@FunctionalInterface
public interface DataPurger {

    /**
     * Removes every record synced for the mapping's tenant.
     *
     * @param mapping the deleted mapping, naming the tenant whose data to remove; never null
     */
    void purge(TenantMapping mapping);
}
