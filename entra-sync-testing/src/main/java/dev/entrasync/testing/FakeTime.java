package dev.entrasync.testing;

import dev.entrasync.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Simulated time a test moves by hand: a {@link Clock} and a {@link Sleeper} in one. Give the same instance to
 * {@code EntraSync.builder().clock(..).sleeper(..)}, to the simulated cloud ({@code SimulatedCloud.clock}) and to
 * the stores that read a clock, and token expiry, delta-token age, {@code Retry-After} and back-offs take no real
 * time: {@link #sleep} returns at once, moving the clock forward by the duration and recording it for
 * {@link #sleeps()}; the test moves the clock itself with {@link #advance} and {@link #set}.
 *
 * <p>Thread-safe: the engine's workers sleep on it while the test thread advances it. Always in UTC. No method
 * accepts null.
 */
public final class FakeTime extends Clock implements Sleeper {

    /** Where {@link #FakeTime()} starts: 2026-11-22T08:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-22T08:00:00Z");

    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    /** Time standing at {@code start}. */
    public FakeTime(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Time standing at {@link #DEFAULT_START}. */
    public FakeTime() {
        this(DEFAULT_START);
    }

    /**
     * Records the wait and moves the clock forward by it, without blocking. A zero or negative duration is
     * neither recorded nor applied, as {@link Sleeper#SYSTEM} returns at once for it.
     */
    @Override
    public synchronized void sleep(Duration duration) {
        if (!duration.isNegative() && !duration.isZero()) {
            sleeps.add(duration);
            now = now.plus(duration);
        }
    }

    /** Moves the clock forward (or back, for a negative duration); not recorded as a sleep. */
    public synchronized FakeTime advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    /** Sets the clock; not recorded as a sleep. */
    public synchronized FakeTime set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
        return this;
    }

    /** Every wait {@link #sleep} recorded so far, in order (a copy). */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The sum of {@link #sleeps()}. */
    public synchronized Duration totalSlept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view of this time in another zone: it moves with this one. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : new Zoned(this, zone);
    }

    private static final class Zoned extends Clock {
        private final FakeTime time;
        private final ZoneId zone;

        Zoned(FakeTime time, ZoneId zone) {
            this.time = time;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return time.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return time.withZone(other);
        }
    }
}
