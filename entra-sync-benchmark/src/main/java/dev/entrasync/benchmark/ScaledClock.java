package dev.entrasync.benchmark;

import dev.entrasync.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time that runs {@code factor} times faster than real time: the clock reads the real
 * time elapsed since an anchor, multiplied, and sleeping waits the duration divided. Anchored on
 * the wall clock, so a child JVM given the same {@link Anchor} reads the same time. The simulated
 * cloud's clock {@link #rescale(double) changes speed} between phases. Thread-safe.
 */
final class ScaledClock extends Clock implements Sleeper {

    /**
     * Where simulated and real time meet, and how fast simulated time runs from there.
     *
     * @param simulated the simulated instant at {@code real}
     * @param real the wall-clock instant
     * @param factor simulated seconds per real second, at least 1
     */
    record Anchor(Instant simulated, Instant real, double factor) {
        Anchor {
            if (!(factor >= 1)) {
                throw new IllegalArgumentException("time scale must be at least 1, was " + factor);
            }
        }
    }

    private volatile Anchor anchor;

    ScaledClock(Anchor anchor) {
        this.anchor = anchor;
    }

    /** A clock reading real time (factor 1) from now on. */
    static ScaledClock realTime() {
        Instant now = Instant.now();
        return new ScaledClock(new Anchor(now, now, 1));
    }

    Anchor anchor() {
        return anchor;
    }

    double factor() {
        return anchor.factor();
    }

    /** From now on, simulated time runs {@code factor} times faster than real time. */
    synchronized void rescale(double factor) {
        Instant real = Instant.now();
        anchor = new Anchor(at(anchor, real), real, factor);
    }

    @Override
    public Instant instant() {
        return at(anchor, Instant.now());
    }

    private static Instant at(Anchor a, Instant real) {
        long realNanos = Duration.between(a.real(), real).toNanos();
        return a.simulated().plusNanos((long) (realNanos * a.factor()));
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            long nanos = (long) (duration.toNanos() / anchor.factor());
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
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
