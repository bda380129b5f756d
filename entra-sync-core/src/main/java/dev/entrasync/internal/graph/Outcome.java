package dev.entrasync.internal.graph;

import dev.entrasync.GraphException;
import java.time.Duration;

/**
 * What one attempt of a Graph request came to, as {@link ResponseClassifier} reads it: a value, a failure worth sending
 * again, a failure that sending again cannot fix, or a call that did not get a whole answer. {@link RetryPolicy}
 * decides from it what happens next. Immutable.
 *
 * @param <T> what a successful body is read into
 */
sealed interface Outcome<T> {

    static <T> Outcome<T> success(T value) {
        return new Success<>(value);
    }

    static <T> Outcome<T> retryable(GraphException failure, Duration retryAfter) {
        return new Retryable<>(failure, retryAfter);
    }

    static <T> Outcome<T> refused(RuntimeException failure) {
        return new Refused<>(failure);
    }

    /** A 2xx whose body was read. */
    record Success<T>(T value) implements Outcome<T> {}

    /**
     * Graph answered, and the same request may well succeed later: a 429, a 503, another 5xx, or a body cut off.
     *
     * @param retryAfter the wait Graph asked for, or null when it gave none that can be used
     */
    record Retryable<T>(GraphException failure, Duration retryAfter) implements Outcome<T> {

        /** Throttled (a 429, or a 503 with {@code Retry-After}) rather than failed: it has its own attempt budget. */
        boolean throttled() {
            return failure.status() == 429 || (failure.status() == 503 && retryAfter != null);
        }
    }

    /**
     * Sending the same request again would get the same answer (a 3xx, a 4xx, a malformed page), or the failure is
     * already typed for a person (a refused token): stop with this failure as it is.
     */
    record Refused<T>(RuntimeException failure) implements Outcome<T> {}

    /** The connection failed before a whole answer arrived (refused, reset, timed out): worth sending again. */
    record Dropped<T>(Throwable cause) implements Outcome<T> {}

    /** The call failed in some other way (not a connection failure): sending again is not tried. */
    record Broken<T>(Throwable cause) implements Outcome<T> {}
}
