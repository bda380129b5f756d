package dev.entrasync;

import java.time.Duration;
import java.util.Objects;

/**
 * How one dataset of one sync run went.
 *
 * @param dataset the dataset
 * @param status the outcome
 * @param rowsUpserted records delivered to the sink
 * @param rowsRemoved removals delivered to the sink (delta) or implied by a full run
 * @param requests Graph requests sent (retries included)
 * @param throttledResponses 429 responses received
 * @param retryAfterWaited time spent waiting on {@code Retry-After}
 * @param error what went wrong in words, or null
 * @param fix what a person should do, or null
 */
public record DatasetResult(Dataset dataset, Status status, long rowsUpserted, long rowsRemoved, long requests,
                            long throttledResponses, Duration retryAfterWaited, String error, String fix) {

    /** A dataset's outcome. */
    public enum Status {
        /** Everything synced. */
        SUCCEEDED,
        /** Not synced; {@link #error()} says why (a missing permission or licence, a failure). */
        FAILED
    }

    public DatasetResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(retryAfterWaited, "retryAfterWaited");
    }
}
