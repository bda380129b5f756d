package dev.entrasync.internal.engine;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.TenantId;
import dev.entrasync.TokenException;

/**
 * Progress of a tenant run, for jobs and listeners. Called on the thread that runs the tenant, in
 * order; keep it quick. A callback that throws fails the dataset it reports on (its session is
 * aborted), as a sink failure would. Every method has a no-op default.
 */
public interface SyncProgress {

    /** Reports nothing. */
    SyncProgress NONE = new SyncProgress() {};

    /** A dataset is about to be fetched in this mode (called again with FULL when a delta link was rejected). */
    default void datasetStarted(TenantId tenant, Dataset dataset, DatasetResult.Mode mode) {}

    /** Records went to the sink; the counts are the dataset's running totals. */
    default void rowsWritten(TenantId tenant, Dataset dataset, long upsertedSoFar, long removedSoFar) {}

    /** A token for the tenant was refused while a dataset ran (the dataset then fails with it). */
    default void tokenFailed(TenantId tenant, TokenException failure) {}

    /** A dataset finished (its session completed or aborted). */
    default void datasetFinished(TenantId tenant, DatasetResult result) {}
}
