package dev.entrasync;

import dev.entrasync.model.EntraRecord;
import java.util.Collection;
import java.util.List;

/**
 * Where synced records go: the host's storage. entra-sync opens one {@link Session} per tenant,
 * dataset and run, streams pages into it, and ends it with {@link Session#complete()} or
 * {@link Session#abort(Throwable)}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>A full run ({@link SinkContext#fullRun()}) marks objects it did not deliver as removed only
 *       on {@code complete()}; nothing is removed before.</li>
 *   <li>An aborted session leaves the stored data exactly as the previous completed run left it.</li>
 *   <li>Writes are idempotent: replaying a batch, a delta page or a whole run changes nothing.</li>
 *   <li>entra-sync saves checkpoints (delta links, watermarks) only after {@code complete()} returned.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * A session is used by one thread at a time; sessions of different tenants or datasets may be open
 * concurrently on different threads, so {@link #open} must be thread-safe. If a session method
 * throws, entra-sync aborts the session and reports the dataset as failed with that error.
 */
public interface DatasetSink {

    /** Opens a session; never returns null. */
    Session open(SinkContext context);

    /** One run's writes for one tenant and dataset. */
    interface Session {

        /** Adds or replaces records (by id). The list is never null or empty. */
        void upsert(List<? extends EntraRecord> batch);

        /** Marks these object ids removed (delta removals). Never null or empty. */
        void remove(Collection<String> ids);

        /** Makes the run's writes durable and visible; for a full run, removes what was not delivered. */
        void complete();

        /** Discards the run's writes. Must not throw; {@code cause} is never null. */
        void abort(Throwable cause);
    }
}
