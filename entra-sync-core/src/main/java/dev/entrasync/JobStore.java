package dev.entrasync;

import java.util.List;
import java.util.Optional;

/**
 * Where the engine keeps its jobs, so a host can show them and a restarted engine can find jobs a
 * crash left running. {@link InMemoryJobStore} keeps them in memory; {@code entra-sync-jdbc} in the
 * host's database.
 *
 * <p>Implementations must be thread-safe: the engine's workers save jobs concurrently. No method
 * accepts or returns null.
 */
public interface JobStore {

    /** Inserts or replaces the job with this id. */
    void save(SyncJob job);

    /** The job with this id. */
    Optional<SyncJob> find(String id);

    /** The most recently queued job of the tenant. */
    Optional<SyncJob> latest(TenantId tenant);

    /** Jobs queued or running, oldest first. */
    List<SyncJob> active();

    /**
     * A page of the tenant's jobs, newest first.
     *
     * @param offset jobs to skip (>= 0)
     * @param limit at most this many (>= 1)
     */
    List<SyncJob> history(TenantId tenant, int offset, int limit);
}
