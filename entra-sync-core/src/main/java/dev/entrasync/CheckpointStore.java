package dev.entrasync;

import java.util.Optional;

/**
 * Keeps each tenant's and dataset's {@link Checkpoint}. entra-sync loads a checkpoint when a dataset
 * run starts and saves the new one only after the dataset's {@link DatasetSink.Session#complete()}
 * returned; a failed or interrupted run never saves, so the next run starts from the same place.
 *
 * <p>Store checkpoints next to the synced data (the same database and, ideally, the same
 * transaction as the sink's commit), so that the two cannot drift apart: a checkpoint that is newer
 * than the data would skip changes; one that is older only replays them (harmless).
 *
 * <p>Called from the threads that run syncs, for different tenants concurrently: implementations
 * must be thread-safe. Exceptions thrown propagate and fail that dataset's result.
 */
public interface CheckpointStore {

    /**
     * The checkpoint saved for the tenant's dataset, or empty when none (the next run is a full round).
     *
     * @param tenant the tenant; never null
     * @param dataset the dataset; never null
     * @return the saved checkpoint; empty when none is saved
     */
    Optional<Checkpoint> load(TenantId tenant, Dataset dataset);

    /**
     * Saves (replaces) the checkpoint. Never called with nulls.
     *
     * @param tenant the tenant; never null
     * @param dataset the dataset; never null
     * @param checkpoint the new checkpoint, replacing any saved one; never null
     */
    void save(TenantId tenant, Dataset dataset, Checkpoint checkpoint);

    /**
     * Forgets the checkpoint, so the next run is a full round (a host's "resync").
     *
     * @param tenant the tenant; never null
     * @param dataset the dataset; never null; deleting a checkpoint that does not exist does nothing
     */
    void delete(TenantId tenant, Dataset dataset);
}
