package dev.entrasync;

/** Where a sync job is in its life. */
public enum JobStatus {
    /** Waiting for a worker. */
    QUEUED,
    /** Syncing. */
    RUNNING,
    /** Every dataset synced. */
    SUCCEEDED,
    /** Some datasets synced, others failed; each failed dataset says why. */
    PARTIAL,
    /** Nothing synced (no token, or every dataset failed, or the run was interrupted by a crash). */
    FAILED,
    /** Stopped by the engine's close before it finished; nothing it wrote was kept. */
    CANCELLED;

    /**
     * Whether the job has ended.
     *
     * @return true for {@link #SUCCEEDED}, {@link #PARTIAL}, {@link #FAILED} and {@link #CANCELLED}; false while queued
     *     or running
     */
    public boolean isFinished() {
        return this != QUEUED && this != RUNNING;
    }
}
