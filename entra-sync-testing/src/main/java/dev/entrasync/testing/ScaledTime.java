package dev.entrasync.testing;

import dev.entrasync.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Simulated time that runs {@code factor} times faster than real time, the same for every thread: a
 * {@link Clock} reading the real time elapsed since an {@link Anchor}, multiplied, and a {@link Sleeper} that
 * really waits the duration divided. Use it where real concurrency matters (schedulers, clustered engines, a
 * fleet under throttling) but the engine's minute-long intervals should pass in seconds; give the same instance
 * to the engine, the scheduler and the simulated cloud. Where nothing needs to run concurrently, {@link FakeTime}
 * is faster and exact.
 *
 * <p>The anchor ties simulated time to the wall clock, so another JVM given the same {@link #anchor()} reads the
 * same time; within one JVM elapsed time is measured with {@link System#nanoTime()}, so it never goes back.
 * {@link #rescale} changes speed between phases of a run. Thread-safe; always in UTC. No method accepts null.
 */
public final class ScaledTime extends Clock implements Sleeper {

    /**
     * Where simulated and real time meet, and how fast simulated time runs from there.
     *
     * @param simulated the simulated instant at {@code real}
     * @param real the wall-clock instant
     * @param factor simulated seconds per real second, at least 1
     */
    public record Anchor(Instant simulated, Instant real, double factor) {

        /** @throws IllegalArgumentException if {@code factor} is below 1 (or not a number) */
        public Anchor {
            Objects.requireNonNull(simulated, "simulated");
            Objects.requireNonNull(real, "real");
            if (!(factor >= 1)) {
                throw new IllegalArgumentException("time scale must be at least 1, was " + factor);
            }
        }
    }

    /** The wall clock at {@link #nanos}: this JVM's monotonic reading of real time starts there. */
    private final Instant wall = Instant.now();

    private final long nanos = System.nanoTime();
    private volatile Anchor anchor;

    /** Time anchored as given (typically another process's {@link #anchor()}). */
    public ScaledTime(Anchor anchor) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
    }

    /**
     * Time standing at {@code start} now and running {@code factor} times faster than real time.
     *
     * @throws IllegalArgumentException if {@code factor} is below 1
     */
    public ScaledTime(Instant start, double factor) {
        this.anchor = new Anchor(start, wall, factor);
    }

    /** Time reading real time (factor 1) from now on, to {@link #rescale} later. */
    public static ScaledTime realTime() {
        Instant now = Instant.now();
        return new ScaledTime(new Anchor(now, now, 1));
    }

    /** The current anchor, to hand to another process. */
    public Anchor anchor() {
        return anchor;
    }

    /** Simulated seconds per real second. */
    public double factor() {
        return anchor.factor();
    }

    /**
     * From now on, simulated time runs {@code factor} times faster than real time; the time read now is kept.
     *
     * @throws IllegalArgumentException if {@code factor} is below 1
     */
    public synchronized void rescale(double factor) {
        Instant real = realNow();
        anchor = new Anchor(at(anchor, real), real, factor);
    }

    /** How much real time a duration of this time takes at the current factor. */
    public Duration real(Duration scaled) {
        return Duration.ofNanos((long) (scaled.toNanos() / anchor.factor()));
    }

    /** Waits (really, scaled down) until this time reads {@code at}; returns at once if it already does. */
    public void sleepUntil(Instant at) throws InterruptedException {
        sleep(Duration.between(instant(), at));
    }

    @Override
    public Instant instant() {
        return at(anchor, realNow());
    }

    private Instant realNow() {
        return wall.plusNanos(System.nanoTime() - nanos);
    }

    private static Instant at(Anchor a, Instant real) {
        long realNanos = Duration.between(a.real(), real).toNanos();
        return a.simulated().plusNanos((long) (realNanos * a.factor()));
    }

    /** Waits the duration divided by the factor (zero or negative: returns at once). */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            long real = real(duration).toNanos();
            Thread.sleep(real / 1_000_000, (int) (real % 1_000_000));
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This time itself: it reads UTC whatever zone is asked, as the engine only reads instants. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
