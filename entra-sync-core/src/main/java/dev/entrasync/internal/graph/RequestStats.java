package dev.entrasync.internal.graph;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what a dataset run cost: requests sent, 429s and 503s received, time waited on Retry-After and back-off.
 * Thread-safe.
 */
public final class RequestStats {

    private final LongAdder requests = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder unavailable = new LongAdder();
    private final LongAdder retryAfterNanos = new LongAdder();
    private final LongAdder backoffNanos = new LongAdder();
    private final LongAdder limiterNanos = new LongAdder();

    void request() {
        requests.increment();
    }

    void throttled() {
        throttled.increment();
    }

    void unavailable() {
        unavailable.increment();
    }

    void waitedOnRetryAfter(Duration d) {
        retryAfterNanos.add(d.toNanos());
    }

    void waitedOnBackoff(Duration d) {
        backoffNanos.add(d.toNanos());
    }

    void waitedOnLimiter(Duration d) {
        limiterNanos.add(d.toNanos());
    }

    /** HTTP requests sent (each retry and each {@code $batch} counts once). */
    public long requests() {
        return requests.sum();
    }

    /** 429 responses received (including 429 items inside a batch). */
    public long throttledResponses() {
        return throttled.sum();
    }

    /** 503 Service Unavailable responses received (including 503 items inside a batch). */
    public long unavailableResponses() {
        return unavailable.sum();
    }

    /** Time waited because Graph said {@code Retry-After}. */
    public Duration retryAfterWaited() {
        return Duration.ofNanos(retryAfterNanos.sum());
    }

    /** Time waited on exponential back-off (server errors, connection failures). */
    public Duration backoffWaited() {
        return Duration.ofNanos(backoffNanos.sum());
    }

    /** Time waited on {@code Retry-After} and back-off together (what {@code GraphLimits.maxWaitPerDataset} bounds). */
    public Duration waited() {
        return Duration.ofNanos(retryAfterNanos.sum() + backoffNanos.sum());
    }

    /** Time waited for the per-tenant rate limiter. */
    public Duration limiterWaited() {
        return Duration.ofNanos(limiterNanos.sum());
    }

    /** Adds another run's counts into this one. */
    public void add(RequestStats other) {
        requests.add(other.requests());
        throttled.add(other.throttledResponses());
        unavailable.add(other.unavailableResponses());
        retryAfterNanos.add(other.retryAfterNanos.sum());
        backoffNanos.add(other.backoffNanos.sum());
        limiterNanos.add(other.limiterNanos.sum());
    }

    /** Counts a throttled batch item (its request was already counted with the batch). */
    public void throttledItem() {
        throttled.increment();
    }

    /** Counts a 503 batch item (its request was already counted with the batch). */
    public void unavailableItem() {
        unavailable.increment();
    }
}
