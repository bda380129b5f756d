package dev.entrasync;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The jobs an engine ran and runs, read-only: what a host shows ("last synced", a job's progress, a tenant's
 * history). Hosts get it from {@link SyncEngine#jobs()}; {@link JobStore} extends it with the write the engine
 * needs. Implementations are thread-safe; no method accepts or returns null.
 */
public interface JobHistory {

    /**
     * The job with this id.
     *
     * @param id the job's id; never null
     * @return the job; empty when no job has this id
     */
    Optional<SyncJob> find(String id);

    /**
     * The most recently queued job of the tenant.
     *
     * @param tenant the tenant; never null
     * @return the tenant's most recently queued job; empty when the tenant has none
     */
    Optional<SyncJob> latest(TenantId tenant);

    /**
     * Jobs queued or running, oldest first.
     *
     * @return the queued and running jobs, oldest first; empty when there are none
     */
    List<SyncJob> active();

    /**
     * A page of the tenant's jobs, newest first.
     *
     * @param offset jobs to skip (>= 0)
     * @param limit at most this many (>= 1)
     * @param tenant the tenant; never null
     * @return up to {@code limit} jobs of the tenant, newest first; empty past the last
     */
    List<SyncJob> history(TenantId tenant, int offset, int limit);

    /**
     * A view of {@code jobs} that only reads: the engine hands hosts this, so they cannot save jobs behind its
     * back (a cast to {@link JobStore} fails).
     *
     * @param jobs the history to read from; never null
     * @return a read-only view that delegates every read to {@code jobs}; never null
     * @throws NullPointerException if {@code jobs} is null
     */
    static JobHistory readOnly(JobHistory jobs) {
        Objects.requireNonNull(jobs, "jobs");
        return new JobHistory() {
            @Override
            public Optional<SyncJob> find(String id) {
                return jobs.find(id);
            }

            @Override
            public Optional<SyncJob> latest(TenantId tenant) {
                return jobs.latest(tenant);
            }

            @Override
            public List<SyncJob> active() {
                return jobs.active();
            }

            @Override
            public List<SyncJob> history(TenantId tenant, int offset, int limit) {
                return jobs.history(tenant, offset, limit);
            }

            @Override
            public String toString() {
                return "read-only " + jobs;
            }
        };
    }
}
