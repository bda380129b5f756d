package dev.entrasync.internal.engine;

import dev.entrasync.JobStatus;
import dev.entrasync.JobStore;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantId;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Cleans up after an engine instance that stopped while it had jobs: such a job is still QUEUED or
 * RUNNING in the store but not in this engine's {@link JobBook}. It is marked FAILED ("interrupted")
 * and, where the tenant still needs its run, a RECOVERY job is queued in its place. Thread-safe.
 */
final class CrashRecovery {

    private final JobStore jobs;
    private final JobBook book;
    private final Clock clock;

    CrashRecovery(JobStore jobs, JobBook book, Clock clock) {
        this.jobs = jobs;
        this.book = book;
        this.clock = clock;
    }

    /**
     * At start, under a scheduler that alone runs this engine's jobs: every unfinished job in the store
     * was left by a crash; each is failed and its recovery job handed to {@code submit}.
     */
    void recoverAll(Consumer<SyncJob> submit) {
        for (SyncJob stale : jobs.active()) {
            if (!book.isLocal(stale)) {
                submit.accept(recover(stale));
            }
        }
    }

    /** Marks a job a crash left behind as failed ("interrupted") and queues a recovery job for its tenant. */
    SyncJob recover(SyncJob stale) {
        jobs.save(stale.finish(
                JobStatus.FAILED,
                clock.instant(),
                "interrupted: the engine stopped while this job was "
                        + stale.status().name().toLowerCase()));
        return book.recovery(stale);
    }

    /**
     * A scheduled run of a tenant that is not running here but is RUNNING in the store was left by a
     * dead instance: a scheduler runs one scheduled run of a tenant at a time, cluster-wide, and only
     * revives it when its instance died.
     */
    void retireDeadScheduledRun(TenantId tenant) {
        jobs.latest(tenant)
                .filter(j -> j.trigger() == SyncTrigger.SCHEDULED && j.status() == JobStatus.RUNNING)
                .filter(j -> !book.isLocal(j))
                .ifPresent(j -> jobs.save(j.finish(
                        JobStatus.FAILED,
                        clock.instant(),
                        "interrupted: the instance running this job stopped; another instance ran the tenant again")));
    }
}
