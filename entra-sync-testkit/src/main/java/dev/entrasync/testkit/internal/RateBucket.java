package dev.entrasync.testkit.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket on the cloud's clock: {@code capacity} tokens, refilled evenly over
 * {@code window}. Thread-safe.
 */
final class RateBucket {
    private final double capacity;
    private final double perSecond;
    private double tokens;
    private Instant updatedAt;

    RateBucket(double capacity, Duration window, Instant now) {
        this.capacity = capacity;
        this.perSecond = capacity / (window.toNanos() / 1e9);
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes {@code amount} tokens when that many are left; returns whether it did. */
    synchronized boolean tryTake(double amount, Instant now) {
        refill(now);
        if (tokens < amount) {
            return false;
        }
        tokens -= amount;
        return true;
    }

    /** Returns whether any token is left (the bucket is not in debt). */
    synchronized boolean positive(Instant now) {
        refill(now);
        return tokens > 0;
    }

    /** Takes {@code amount} tokens, going into debt if needed. */
    synchronized void charge(double amount, Instant now) {
        refill(now);
        tokens -= amount;
    }

    /** Returns the seconds until {@code amount} tokens are available (0 when they are). */
    synchronized double secondsUntil(double amount, Instant now) {
        refill(now);
        return tokens >= amount ? 0 : (amount - tokens) / perSecond;
    }

    /** Returns the share of the capacity in use, 0 (full bucket) to above 1 (in debt). */
    synchronized double used(Instant now) {
        refill(now);
        return (capacity - tokens) / capacity;
    }

    private void refill(Instant now) {
        if (now.isAfter(updatedAt)) {
            double elapsed = Duration.between(updatedAt, now).toNanos() / 1e9;
            tokens = Math.min(capacity, tokens + elapsed * perSecond);
            updatedAt = now;
        }
    }
}
