package dev.entrasync.onboarding;

import dev.entrasync.EntraSyncException;

/**
 * A secret rotation did not happen: Entra refused the new secret (the cause is the
 * {@link dev.entrasync.TokenException} with the AADSTS failure and its fix), or the credential
 * store failed to save it. Either way the old secret stays in use. Never contains a secret.
 */
public final class SecretRotationException extends EntraSyncException {

    private static final long serialVersionUID = 1L;

    /** The name of the credential whose secret was not rotated. */
    private final String credentialName;
    /** Whether trying again unchanged may work. */
    private final boolean transientFailure;

    /**
     * @param credentialName the credential whose secret was not rotated
     * @param transientFailure whether trying again unchanged may work
     * @param message the whole message, what happened and what to do; never containing a secret
     * @param cause the {@link dev.entrasync.TokenException} Entra refused the secret with, or the store's exception;
     *     may be null
     */
    public SecretRotationException(String message, String credentialName, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.credentialName = credentialName;
        this.transientFailure = transientFailure;
    }

    /**
     * The credential whose secret was not rotated.
     *
     * @return the name of the credential whose secret was not rotated
     */
    public String credentialName() {
        return credentialName;
    }

    @Override
    public boolean isTransient() {
        return transientFailure;
    }
}
