package dev.entrasync.jdbc.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for secrets at rest: a fresh random 96-bit IV per encryption, a 128-bit tag, and associated
 * data that binds a ciphertext to its row (so a ciphertext copied to another row does not decrypt).
 */
public final class SecretCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretCipher() {}

    /**
     * An encrypted value.
     *
     * @param iv the random 96-bit IV of this encryption
     * @param ciphertext the ciphertext followed by the GCM tag
     */
    public record Sealed(byte[] iv, byte[] ciphertext) {}

    /** Encrypts {@code plaintext} under {@code key}, binding {@code associatedData}. */
    public static Sealed seal(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            return new Sealed(iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts and authenticates.
     *
     * @throws AEADBadTagException if the key, the associated data or the stored bytes differ from the sealing
     */
    public static byte[] open(SecretKey key, Sealed sealed, byte[] associatedData) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.iv()));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            // An IV of the wrong length, for example: the stored bytes were altered.
            AEADBadTagException bad = new AEADBadTagException("the stored IV or ciphertext is malformed");
            bad.initCause(e);
            throw bad;
        }
    }
}
