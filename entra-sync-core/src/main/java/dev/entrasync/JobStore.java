package dev.entrasync;

/**
 * Where the engine keeps its jobs, so a host can show them and a restarted engine can find jobs a
 * crash left running. {@link InMemoryJobStore} keeps them in memory; {@code entra-sync-jdbc} in the
 * host's database. The engine reads and writes it; hosts read it through {@link SyncEngine#jobs()}, a
 * read-only {@link JobHistory}.
 *
 * <p>Implementations must be thread-safe: the engine's workers save jobs concurrently. No method
 * accepts or returns null.
 */
public interface JobStore extends JobHistory {

    /**
     * Inserts or replaces the job with this id.
     *
     * @param job the job to store, replacing any stored job with the same id; never null
     */
    void save(SyncJob job);
}
