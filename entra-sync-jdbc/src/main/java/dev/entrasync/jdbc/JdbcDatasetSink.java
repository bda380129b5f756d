package dev.entrasync.jdbc;

import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.jdbc.internal.StagingSink;

/**
 * A {@link DatasetSink} that keeps each dataset in its own table of the host's database, keyed by
 * (tenant, object id), with {@code first_seen}, {@code last_seen}, {@code removed_at} (soft delete) and
 * the {@code run_id} that last saw the row. Get it from {@link JdbcStorage#datasetSink()}.
 *
 * <h2>How the contract is kept</h2>
 * A session writes every batch to the dataset's staging table ({@code <table>_stage}) as one JDBC batch
 * with the database's own upsert, and changes the live table only in {@code complete()}, in one
 * transaction: staged rows are merged in, delta removals and (for a full run) every row the run did not
 * deliver get {@code removed_at}. {@code abort()} — or a process killed mid-run — leaves the live table as
 * the last completed session left it; staged rows of a session that never finished are purged once they
 * are older than {@link JdbcStorage.Builder#abandonedSessionsAfter}. Replaying a batch or a whole run (same
 * run id) changes nothing, not even {@code last_seen}. Audit events and secure scores are append-only:
 * a full run never marks them removed.
 *
 * <h2>Change feed</h2>
 * In the same completing transaction the session reads the rows it may change before and after the merge (for a
 * delta run the ids it staged, for a full run and for secure score snapshots all of the tenant's current rows),
 * computes the changes with {@link dev.entrasync.ChangeDetector}, writes them to the {@code changes} table and
 * deletes the tenant's changes older than {@link JdbcStorage.Builder#changeRetention}; {@link Session#changes()}
 * then returns them. The first completed session of a tenant's dataset is its baseline and records none.
 *
 * <h2>Threads</h2>
 * Thread-safe; each session is used by one thread at a time, as {@link DatasetSink} requires. Each call
 * borrows a connection from the host's {@code DataSource} and returns it before returning.
 */
public final class JdbcDatasetSink implements DatasetSink {

    private final StagingSink sink;

    JdbcDatasetSink(StagingSink sink) {
        this.sink = sink;
    }

    /**
     * @throws IllegalArgumentException if this version of entra-sync-jdbc keeps no table for the dataset
     * @throws JdbcStoreException if the session cannot be recorded
     */
    @Override
    public Session open(SinkContext context) {
        return sink.open(context);
    }
}
