package dev.entrasync;

/**
 * The root of every exception entra-sync throws. Unchecked. Messages say what happened and what a
 * person should do; they never contain a secret or an access token.
 */
public abstract class EntraSyncException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message and no cause.
     *
     * @param message what happened and what a person should do; never containing a secret or token
     */
    protected EntraSyncException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what happened and what a person should do; never containing a secret or token
     * @param cause the underlying exception; may be null
     */
    protected EntraSyncException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether trying again later, unchanged, could succeed (throttling, a server error, a network
     * failure). False for problems a person must fix first (a wrong secret, a missing permission).
     *
     * @return true if trying again later, unchanged, could succeed; false if a person must fix something first
     */
    public abstract boolean isTransient();
}
