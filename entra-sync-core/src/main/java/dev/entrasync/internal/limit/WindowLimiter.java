package dev.entrasync.internal.limit;

import dev.entrasync.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code permits} permits in any {@code window}, as Graph states its identity-reports limit
 * (5 requests per 10 s per app and tenant). A token bucket can only approximate such a limit: one
 * whose burst is the whole limit admits up to twice the limit in the first window, one with a small
 * burst spaces out even the first requests (a small tenant's two report requests waited 2.5 s).
 * Here a permit is granted at the later of now and {@code window} after the permit {@code permits}
 * back (so grants never go backwards: each is at least the one before), on an injected clock and
 * sleeper. Thread-safe.
 */
public final class WindowLimiter extends Limiter {

    private final Duration window;
    /** The times of the last {@code permits} reservations, a ring: the oldest at {@code next}. */
    private final Instant[] granted;

    private int next;

    public WindowLimiter(int permits, Duration window, Clock clock, Sleeper sleeper) {
        super(clock, sleeper);
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1, was " + permits);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.granted = new Instant[permits];
        this.window = window;
    }

    @Override
    public synchronized Duration reserve() {
        Instant now = clock.instant();
        Instant at = now;
        Instant oldest = granted[next];
        if (oldest != null && oldest.plus(window).isAfter(at)) {
            at = oldest.plus(window);
        }
        granted[next] = at;
        next = (next + 1) % granted.length;
        return Duration.between(now, at);
    }
}
