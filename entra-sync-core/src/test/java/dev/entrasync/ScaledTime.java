package dev.entrasync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time that runs {@code factor} times faster than real time, consistently for every
 * thread: the clock reads real elapsed time multiplied, and sleeping waits the duration divided.
 */
public final class ScaledTime extends Clock implements Sleeper {

    private final Instant start;
    private final long startNanos = System.nanoTime();
    private final double factor;

    public ScaledTime(Instant start, double factor) {
        this.start = start;
        this.factor = factor;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            long nanos = (long) (duration.toNanos() / factor);
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    @Override
    public Instant instant() {
        return start.plusNanos((long) ((System.nanoTime() - startNanos) * factor));
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
