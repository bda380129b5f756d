package dev.entrasync;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one dataset of one sync run went.
 *
 * @param dataset the dataset
 * @param status the outcome
 * @param mode how the data was fetched (a delta run whose link expired reports {@link Mode#FULL})
 * @param rowsUpserted records delivered to the sink (whole or merged) and kept: 0 for a FAILED dataset, whose
 *     session was aborted (a warning then says how many were read)
 * @param rowsRemoved delta removals delivered to the sink (a full run's implied removals are the sink's); 0 for a
 *     FAILED dataset
 * @param requests Graph HTTP requests sent (retries included; a {@code $batch} counts once)
 * @param throttledResponses 429 responses received, including 429 items inside a {@code $batch}
 * @param unavailableResponses 503 (Service Unavailable) responses received, including 503 items inside a
 *     {@code $batch}; each was retried like a 429 (after its {@code Retry-After}, or with back-off)
 * @param retryAfterWaited time spent waiting on {@code Retry-After}
 * @param error what went wrong in words, or null when {@link Status#SUCCEEDED}
 * @param fix what a person should do about {@link #error()}, or null
 * @param warnings what succeeded only in part, each with its reason and fix, e.g. MFA unknown because
 *     the tenant has no Entra ID P1; never null, empty when nothing is degraded
 */
public record DatasetResult(
        Dataset dataset,
        Status status,
        Mode mode,
        long rowsUpserted,
        long rowsRemoved,
        long requests,
        long throttledResponses,
        long unavailableResponses,
        Duration retryAfterWaited,
        String error,
        String fix,
        List<String> warnings) {

    /** A dataset's outcome. */
    public enum Status {
        /** Synced; {@link #warnings()} lists anything that could only be reported as unknown. */
        SUCCEEDED,
        /** Not synced, the sink session was aborted; {@link #error()} says why (a permission, a licence, a failure). */
        FAILED
    }

    /** How a dataset run fetched its data. */
    public enum Mode {
        /** Every object was read; the sink removed what was not delivered. */
        FULL,
        /** Only changes since the saved delta link were read. */
        DELTA,
        /** New items since the saved watermark were appended (audit logs, secure scores). */
        APPEND
    }

    /**
     * Validates the components and copies {@code warnings} into an unmodifiable list, null read as empty.
     *
     * @param dataset the dataset; never null
     * @param status the outcome; never null
     * @param mode how the data was fetched; never null
     * @param rowsUpserted records delivered to the sink, whole or merged
     * @param rowsRemoved delta removals delivered to the sink
     * @param requests Graph HTTP requests sent, retries included
     * @param throttledResponses 429 responses received
     * @param unavailableResponses 503 responses received
     * @param retryAfterWaited time spent waiting on {@code Retry-After}; never null
     * @param error what went wrong in words; null when {@link Status#SUCCEEDED}
     * @param fix what a person should do about the error; may be null
     * @param warnings what succeeded only in part; null is read as empty
     * @throws NullPointerException if {@code dataset}, {@code status}, {@code mode} or {@code retryAfterWaited} is null
     */
    public DatasetResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(retryAfterWaited, "retryAfterWaited");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * A result with no 503 responses counted ({@link #unavailableResponses()} 0), as results were built before that
     * count existed; the engine uses the canonical constructor.
     *
     * @param dataset the dataset; never null
     * @param status the outcome; never null
     * @param mode how the data was fetched; never null
     * @param rowsUpserted records delivered to the sink, whole or merged
     * @param rowsRemoved delta removals delivered to the sink
     * @param requests Graph HTTP requests sent, retries included
     * @param throttledResponses 429 responses received
     * @param retryAfterWaited time spent waiting on {@code Retry-After}; never null
     * @param error what went wrong in words; null when {@link Status#SUCCEEDED}
     * @param fix what a person should do about the error; may be null
     * @param warnings what succeeded only in part; null is read as empty
     * @throws NullPointerException if {@code dataset}, {@code status}, {@code mode} or {@code retryAfterWaited} is null
     */
    public DatasetResult(
            Dataset dataset,
            Status status,
            Mode mode,
            long rowsUpserted,
            long rowsRemoved,
            long requests,
            long throttledResponses,
            Duration retryAfterWaited,
            String error,
            String fix,
            List<String> warnings) {
        this(
                dataset,
                status,
                mode,
                rowsUpserted,
                rowsRemoved,
                requests,
                throttledResponses,
                0,
                retryAfterWaited,
                error,
                fix,
                warnings);
    }

    /**
     * Whether it succeeded with nothing degraded.
     *
     * @return true if the dataset succeeded and {@link #warnings()} is empty
     */
    public boolean clean() {
        return status == Status.SUCCEEDED && warnings.isEmpty();
    }
}
