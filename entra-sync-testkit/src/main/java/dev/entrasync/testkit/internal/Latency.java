package dev.entrasync.testkit.internal;

import java.time.Duration;

/**
 * How long the simulated Graph takes to answer: a fixed time per HTTP request plus a little per
 * object the response carries. {@link #NONE} answers at once.
 */
public record Latency(Duration perRequest, Duration perObject) {
    public static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

    public Latency {
        if (perRequest.isNegative() || perObject.isNegative()) {
            throw new IllegalArgumentException(
                    "latency must not be negative, was " + perRequest + " + " + perObject + " per object");
        }
    }

    /** Returns the delay of a response carrying {@code objects} objects, in nanoseconds. */
    public long nanos(int objects) {
        return perRequest.toNanos() + perObject.toNanos() * objects;
    }
}
