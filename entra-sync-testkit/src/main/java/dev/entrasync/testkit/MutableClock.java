package dev.entrasync.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand, to pass to {@link SimulatedCloud#clock(Clock)} (and to the code
 * under test) so token expiry, delta-token age and consent propagation need no sleeping.
 * Thread-safe; always in UTC.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    private MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Returns a clock standing at {@code start}. */
    public static MutableClock at(Instant start) {
        return new MutableClock(Objects.requireNonNull(start, "start"));
    }

    /** Returns a clock standing at the current system time. */
    public static MutableClock now() {
        return new MutableClock(Instant.now());
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public MutableClock advance(Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
        return this;
    }

    /** Sets the clock. */
    public MutableClock set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
