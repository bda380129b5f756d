package dev.entrasync.internal.limit;

import dev.entrasync.Sleeper;
import java.time.Clock;
import java.time.Duration;

/**
 * Paces requests on an injected clock and sleeper: {@link #acquire()} reserves a permit and waits
 * for its slot. Subclasses decide the slots; they are thread-safe.
 */
public abstract class Limiter {

    protected final Clock clock;
    private final Sleeper sleeper;

    protected Limiter(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Takes one permit, waiting (through the sleeper) until it may be used; returns the time waited. */
    public final Duration acquire() throws InterruptedException {
        Duration wait = reserve();
        sleeper.sleep(wait);
        return wait;
    }

    /** Reserves one permit and returns how long the caller must wait before using it. */
    public abstract Duration reserve();
}
