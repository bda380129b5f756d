package dev.entrasync.jdbc;

import dev.entrasync.model.EntraRecord;
import java.time.Instant;
import java.util.Objects;

/**
 * A record as the dataset table keeps it, with the sync metadata beside it.
 *
 * @param record the record; never null
 * @param firstSeen when a completed run first delivered it; never null
 * @param lastSeen when a completed run last delivered it; never null
 * @param removedAt when a run found it gone (soft delete), or null while it exists
 * @param runId the run that last delivered it; never null
 * @param <R> the record type
 */
public record StoredRecord<R extends EntraRecord>(
        R record, Instant firstSeen, Instant lastSeen, Instant removedAt, String runId) {

    /**
     * Validates the components.
     *
     * @param record the record; never null
     * @param firstSeen when a completed run first delivered it; never null
     * @param lastSeen when a completed run last delivered it; never null
     * @param removedAt when a run found it gone; null while it exists
     * @param runId the run that last delivered it; never null
     * @throws NullPointerException if {@code record}, {@code firstSeen}, {@code lastSeen} or {@code runId} is null
     */
    public StoredRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(runId, "runId");
    }

    /**
     * Whether a run found the object gone.
     *
     * @return true if {@link #removedAt()} is set: a run found the object gone
     */
    public boolean removed() {
        return removedAt != null;
    }
}
