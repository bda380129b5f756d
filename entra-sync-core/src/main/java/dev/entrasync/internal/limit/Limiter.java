package dev.entrasync.internal.limit;

import java.time.Duration;

/** Paces requests: {@link #acquire()} waits until the caller may send. Implementations are thread-safe. */
public interface Limiter {

    /** Takes one permit, waiting (through the injected sleeper) until it may be used; returns the time waited. */
    Duration acquire() throws InterruptedException;
}
