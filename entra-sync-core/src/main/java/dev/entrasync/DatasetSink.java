package dev.entrasync;

import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import java.util.Collection;
import java.util.List;

/**
 * Where synced records go: the host's storage. entra-sync opens one {@link Session} per tenant,
 * dataset and run, streams pages into it, and ends it with {@link Session#complete()} or
 * {@link Session#abort(Throwable)}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>A full run ({@link SinkContext#fullRun()}) delivers every object of the dataset through
 *       {@link Session#upsert}; on {@code complete()} the sink removes the objects it holds for that
 *       tenant and dataset that the run did not deliver. Nothing is removed before.</li>
 *   <li>A delta run ({@code fullRun() == false}) delivers only changes: whole new objects through
 *       {@code upsert}, changed objects through {@link Session#merge} (only the named fields change;
 *       the others keep their stored values — Graph's delta pages may carry only the properties that
 *       changed), and deletions through {@link Session#remove}. An append run (audit events, secure
 *       score snapshots) is a delta run that never removes.</li>
 *   <li>Operations apply in the order they were called: a later {@code remove} undoes an earlier
 *       {@code upsert} of the same id within the session, and the other way round.</li>
 *   <li>An aborted session, or one never completed (the process stopped), leaves the stored data
 *       exactly as the previous completed session left it.</li>
 *   <li>Writes are idempotent: replaying a batch, a delta page or a whole run changes nothing.</li>
 *   <li>entra-sync saves checkpoints (delta links, watermarks) in its {@link CheckpointStore} only
 *       after {@code complete()} returned, so a failure in {@code complete()} makes the next run
 *       deliver the same changes again.</li>
 * </ul>
 *
 * <h2>Records per dataset</h2>
 * Each dataset delivers one record type from {@code dev.entrasync.model} (users {@code EntraUser},
 * devices {@code EntraDevice}, groups {@code EntraGroup}, licences {@code EntraLicense}, roles
 * {@code EntraRole}, audit logs {@code EntraAuditEvent}, tenant profile {@code EntraTenantProfile}),
 * except secure scores, which delivers {@code EntraSecureScore} snapshots and
 * {@code EntraSecureScoreControl} profiles in the same (append) session; their ids never collide.
 *
 * <h2>Threads</h2>
 * A session is used by one thread at a time; sessions of different tenants or datasets may be open
 * concurrently on different threads, so {@link #open} must be thread-safe. If a session method
 * throws, entra-sync aborts the session and reports the dataset as failed with that error.
 */
public interface DatasetSink {

    /**
     * Opens a session; never returns null.
     *
     * @param context the tenant, dataset and run the session is for, and whether it is a full run; never null
     * @return a new session for that run; never null
     */
    Session open(SinkContext context);

    /** One run's writes for one tenant and dataset. */
    interface Session {

        /**
         * Adds or replaces whole records (by id). The list is never null or empty.
         *
         * @param batch the records to store, replacing any stored record with the same id; never null or empty
         */
        void upsert(List<? extends EntraRecord> batch);

        /**
         * Applies partial records (delta runs): for each patch, the fields it names replace the
         * stored ones and every other field keeps its stored value. For an id not stored yet, a patch
         * with {@link RecordPatch#insertIfAbsent()} is stored as {@link RecordPatch#values()} and
         * one without is dropped. {@link RecordPatch#applyTo} does the merge for a sink that holds
         * whole records. The list is never null or empty.
         *
         * @param patches the partial records to apply, in order; never null or empty
         */
        void merge(List<? extends RecordPatch<?>> patches);

        /**
         * Marks these object ids removed (delta removals). Never null or empty.
         *
         * @param ids the ids of the objects removed; never null or empty
         */
        void remove(Collection<String> ids);

        /** Makes the run's writes durable and visible; for a full run, removes what was not delivered. */
        void complete();

        /**
         * The changes {@link #complete()} made to the stored data: objects added, removed and changed, with the
         * changed fields (see {@link Change} and {@link ChangeDetector}, which computes them from the stored records
         * before and after). Empty for the first completed session of a tenant's dataset (a baseline), for a session
         * that changed nothing, and before {@code complete()} returned. entra-sync calls it once, on the session's
         * thread, right after {@code complete()} returned, and tells the result to {@link SyncListener#changes}. The
         * default reports none, for a sink that does not track changes.
         *
         * @return the changes the completed session made; never null
         */
        default List<Change> changes() {
            return List.of();
        }

        /**
         * Discards the run's writes. Must not throw; {@code cause} is never null.
         *
         * @param cause why the run stopped; never null
         */
        void abort(Throwable cause);
    }
}
