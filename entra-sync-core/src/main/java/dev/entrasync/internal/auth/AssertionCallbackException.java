package dev.entrasync.internal.auth;

/**
 * The host's {@link dev.entrasync.ClientAssertionProvider} threw or returned no usable assertion. The message
 * says what went wrong without repeating what the callback returned or the text of what it threw (either may
 * hold a token); {@link TokenErrors} turns it into a {@link dev.entrasync.TokenException}.
 */
final class AssertionCallbackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AssertionCallbackException(String message) {
        super(message, null, false, false);
    }
}
