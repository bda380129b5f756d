package dev.entrasync.internal.limit;

import dev.entrasync.Sleeper;
import java.time.Clock;
import java.time.Duration;

/**
 * Paces requests on an injected clock and sleeper: {@link #acquire()} reserves a permit and waits for its slot, and
 * the caller {@linkplain Permit#release() releases} the permit once its request has been answered. Subclasses
 * decide the slots; they are thread-safe.
 */
public abstract class Limiter {

    protected final Clock clock;
    private final Sleeper sleeper;

    protected Limiter(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Takes one permit, waiting (through the sleeper) until it may be used. The caller releases it once the request
     * is answered or has failed; interrupted while waiting, the permit is released here.
     *
     * @return the permit, with the time waited for it
     * @throws InterruptedException when interrupted while waiting
     */
    public final Permit acquire() throws InterruptedException {
        Permit permit = reserve();
        try {
            sleeper.sleep(permit.waited());
        } catch (InterruptedException e) {
            permit.release();
            throw e;
        }
        return permit;
    }

    /**
     * Reserves one permit and says how long the caller must wait before using it ({@link Permit#waited()}).
     *
     * @throws InterruptedException when interrupted while waiting for a permit to be released (a {@link WindowLimiter}
     *     whose every permit is on a request still unanswered)
     */
    public abstract Permit reserve() throws InterruptedException;

    /** What releasing a permit counted at grant time does. */
    private static final Runnable NOTHING = () -> {};

    /** A permit whose release does nothing, for limiters that count at grant time. */
    static Permit counted(Duration wait) {
        return new Permit(wait, NOTHING);
    }
}
