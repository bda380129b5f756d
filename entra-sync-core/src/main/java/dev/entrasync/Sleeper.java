package dev.entrasync;

import java.time.Duration;

/**
 * Waits. entra-sync never calls {@link Thread#sleep} directly: every wait (a {@code Retry-After}, a
 * back-off, a rate limiter) goes through the sleeper the host configured, so tests can record waits
 * instead of sleeping. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /** The real sleeper, {@link Thread#sleep}. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
        }
    };

    /**
     * Waits for the duration (zero or negative: returns at once).
     *
     * @param duration how long to wait; zero or negative returns at once; never null
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
