package dev.entrasync.onboarding;

import dev.entrasync.EntraSyncException;

/**
 * A secret rotation did not happen: Entra refused the new secret (the cause is the
 * {@link dev.entrasync.TokenException} with the AADSTS failure and its fix), or the credential
 * store failed to save it. Either way the old secret stays in use. Never contains a secret.
 */
public final class SecretRotationException extends EntraSyncException {

    private static final long serialVersionUID = 1L;

    private final String credentialName;
    private final boolean transientFailure;

    /**
     * @param credentialName the credential whose secret was not rotated
     * @param transientFailure whether trying again unchanged may work
     */
    public SecretRotationException(String message, String credentialName, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.credentialName = credentialName;
        this.transientFailure = transientFailure;
    }

    /** The credential whose secret was not rotated. */
    public String credentialName() {
        return credentialName;
    }

    @Override
    public boolean isTransient() {
        return transientFailure;
    }
}
