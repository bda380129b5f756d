package dev.entrasync.internal.graph;

/**
 * Graph rejected a saved delta link (410 Gone, {@code syncStateNotFound}, {@code resyncRequired}):
 * the run must be redone as a full round. Thrown before or while the delta pages are read; the
 * engine aborts the session it opened for the delta run and opens one for a full round.
 */
public final class DeltaTokenExpiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeltaTokenExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
