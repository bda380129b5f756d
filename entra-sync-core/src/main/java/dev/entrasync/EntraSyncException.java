package dev.entrasync;

/**
 * The root of every exception entra-sync throws. Unchecked. Messages say what happened and what a
 * person should do; they never contain a secret or an access token.
 */
public abstract class EntraSyncException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected EntraSyncException(String message) {
        super(message);
    }

    protected EntraSyncException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether trying again later, unchanged, could succeed (throttling, a server error, a network
     * failure). False for problems a person must fix first (a wrong secret, a missing permission).
     */
    public abstract boolean isTransient();
}
