package dev.entrasync.jdbc;

import dev.entrasync.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Time that runs {@code factor} times faster than real time for every thread, so that the engine's
 * one-minute minimum interval passes in seconds: reading it scales real elapsed time, sleeping on it waits
 * the duration divided. Give the same instance to the engine, the scheduler and the simulated cloud.
 */
final class ScaledClock extends Clock implements Sleeper {

    private final Instant start;
    private final long startNanos = System.nanoTime();
    private final long factor;

    ScaledClock(Instant start, long factor) {
        this.start = start;
        this.factor = factor;
    }

    /** Real time for a duration of this clock. */
    Duration real(Duration scaled) {
        return scaled.dividedBy(factor);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long nanos = Math.max(0, duration.toNanos() / factor);
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }

    @Override
    public Instant instant() {
        return start.plusNanos((System.nanoTime() - startNanos) * factor);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
