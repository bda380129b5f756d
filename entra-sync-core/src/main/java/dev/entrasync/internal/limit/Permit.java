package dev.entrasync.internal.limit;

import java.time.Duration;

/**
 * One permit taken from a {@link Limiter}: how long its taker waited for it, and {@link #release()}, which the taker
 * calls once the request it was taken for has been answered or has failed (a {@link WindowLimiter} counts its window
 * from then; a {@link TokenBucket} ignores it). Thread-safe; releasing twice releases once.
 */
public final class Permit {

    private final Duration waited;
    private final Runnable onRelease;
    private boolean released;

    Permit(Duration waited, Runnable onRelease) {
        this.waited = waited;
        this.onRelease = onRelease;
    }

    /** How long the taker waited (or must wait, right after {@link Limiter#reserve()}) before using the permit. */
    public Duration waited() {
        return waited;
    }

    /**
     * The request this permit was for has been answered, has failed, or will not be sent: called once by the thread
     * that took the permit, after the request's answer (or failure) is in. Later calls do nothing.
     */
    public void release() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        onRelease.run();
    }
}
