package dev.entrasync.internal.limit;

import dev.entrasync.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket on an injected clock and sleeper (resilience4j's rate limiter reads
 * {@code System.nanoTime} and parks threads itself, so it cannot run on simulated time). Callers
 * reserve a permit and wait for their slot; reservations are handed out in order. Thread-safe.
 */
public final class TokenBucket extends Limiter {

    private volatile double permitsPerSecond;
    private final int burst;
    private double available;
    private Instant updatedAt;

    public TokenBucket(double permitsPerSecond, int burst, Clock clock, Sleeper sleeper) {
        super(clock, sleeper);
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
        this.available = burst;
        this.updatedAt = clock.instant();
    }

    /** A token bucket counts a permit when it grants it: releasing the permit does nothing. */
    @Override
    public synchronized Permit reserve() {
        Instant now = clock.instant();
        if (now.isAfter(updatedAt)) {
            double elapsed = Duration.between(updatedAt, now).toNanos() / 1e9;
            available = Math.min(burst, available + elapsed * permitsPerSecond);
            updatedAt = now;
        }
        available -= 1;
        if (available >= 0) {
            return counted(Duration.ZERO);
        }
        return counted(Duration.ofNanos((long) (-available / permitsPerSecond * 1e9)));
    }

    /** Changes the rate (adaptive throttling); permits already reserved keep their slots. */
    public synchronized void setRate(double permitsPerSecond) {
        reserve(); // settle the accrual at the old rate
        available += 1;
        this.permitsPerSecond = permitsPerSecond;
    }

    /** The current rate. */
    public double rate() {
        return permitsPerSecond;
    }
}
