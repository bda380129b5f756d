package dev.entrasync.jdbc;

import dev.entrasync.EntraSyncException;

/**
 * A stored client secret cannot be decrypted: the {@link SecretKeyRing} lacks the key id stored beside it,
 * or holds different key bytes under that id (or the stored row was altered). The message names the
 * credential and the key id — never key material or the secret. Not transient: the host must supply the
 * right key (or save the credential again with its secret).
 */
public final class SecretKeyException extends EntraSyncException {

    private static final long serialVersionUID = 1L;

    /** The name of the credential whose secret could not be decrypted. */
    private final String credentialName;
    /** The key id stored beside the secret. */
    private final String keyId;

    SecretKeyException(String credentialName, String keyId, String message, Throwable cause) {
        super(message, cause);
        this.credentialName = credentialName;
        this.keyId = keyId;
    }

    /**
     * The credential whose secret could not be decrypted.
     *
     * @return the credential's name
     */
    public String credentialName() {
        return credentialName;
    }

    /**
     * The key id stored beside the secret.
     *
     * @return the key id stored beside the secret
     */
    public String keyId() {
        return keyId;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
