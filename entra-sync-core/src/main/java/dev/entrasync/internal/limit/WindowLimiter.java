package dev.entrasync.internal.limit;

import dev.entrasync.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code permits} requests in any {@code window} as the server counts them, on arrival: Graph's
 * identity-reports limit (5 requests per 10 s per app and tenant). A token bucket can only approximate such a limit:
 * one whose burst is the whole limit admits up to twice the limit in the first window, one with a small burst spaces
 * out even the first requests (a small tenant's two report requests waited 2.5 s).
 *
 * <p>A request reaches the server some time after its permit was granted (its thread wakes late, waits for a
 * bulkhead or a token, the network is slow), and before its answer comes back. So a permit counts until
 * {@code window} after its {@linkplain Permit#release() release}, when the answer is in, not after its grant: each of
 * the {@code permits} slots is used again only {@code window} after the previous request on it was answered, so any
 * two requests on one slot reach the server at least {@code window} apart, however late either arrived. A permit is
 * granted at the later of now and when the slot that frees first frees (grants never go backwards); while every slot's
 * request is still unanswered, {@link #reserve()} waits for an answer. On an injected clock and sleeper. Thread-safe.
 */
public final class WindowLimiter extends Limiter {

    /** A slot whose request has not been answered yet. */
    private static final Instant IN_FLIGHT = Instant.MAX;

    private final Duration window;
    /** Per slot, when it may be used again: null never used, {@link #IN_FLIGHT}, or its answer plus the window. */
    private final Instant[] free;

    /**
     * A limiter with all its permits free, for {@code TenantBudget} (one per tenant and app).
     *
     * @param permits the requests allowed in any {@code window}, at least 1
     * @param window positive
     * @throws IllegalArgumentException if either is out of range
     */
    public WindowLimiter(int permits, Duration window, Clock clock, Sleeper sleeper) {
        super(clock, sleeper);
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1, was " + permits);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.free = new Instant[permits];
        this.window = window;
    }

    @Override
    public synchronized Permit reserve() throws InterruptedException {
        int slot;
        while ((slot = firstFree()) < 0) {
            wait(); // every slot's request is unanswered: the first answer frees one
        }
        Instant now = clock.instant();
        Instant at = free[slot] == null || free[slot].isBefore(now) ? now : free[slot];
        free[slot] = IN_FLIGHT;
        int taken = slot;
        return new Permit(Duration.between(now, at), () -> answered(taken));
    }

    /** The slot that frees first (a never-used one first), or -1 if every slot's request is unanswered. */
    private int firstFree() {
        int first = -1;
        for (int i = 0; i < free.length; i++) {
            if (free[i] == null) {
                return i;
            }
            if (!free[i].equals(IN_FLIGHT) && (first < 0 || free[i].isBefore(free[first]))) {
                first = i;
            }
        }
        return first;
    }

    private synchronized void answered(int slot) {
        free[slot] = clock.instant().plus(window);
        notifyAll();
    }
}
