package dev.entrasync.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import okhttp3.tls.HeldCertificate;

/**
 * A self-signed RSA-2048 certificate with its private key, made at test time, for certificate credentials:
 * upload it with {@link SimulatedApp#addCertificate(X509Certificate)} and give the client its PEM or PKCS#12
 * form. Built on okhttp-tls's {@code HeldCertificate} (already the testkit's TLS certificate builder), so no
 * keytool or {@code sun.security} is needed. Immutable and thread-safe. {@link #toString()} never shows the key.
 */
public final class TestCertificate {
    private final HeldCertificate held;

    private TestCertificate(HeldCertificate held) {
        this.held = held;
    }

    /**
     * A certificate valid from {@code notBefore} until {@code notAfter}.
     *
     * @param commonName the subject's CN, e.g. {@code "entra-sync test"}
     * @param notBefore the start of validity
     * @param notAfter the end of validity; may be in the past, for an expired certificate
     * @return a new certificate with a new key
     */
    public static TestCertificate selfSigned(String commonName, Instant notBefore, Instant notAfter) {
        return new TestCertificate(new HeldCertificate.Builder()
                .commonName(Objects.requireNonNull(commonName, "commonName"))
                .rsa2048()
                .validityInterval(notBefore.toEpochMilli(), notAfter.toEpochMilli())
                .build());
    }

    /** Returns the X.509 certificate (the public part to upload). */
    public X509Certificate certificate() {
        return held.certificate();
    }

    /** Returns the private key. */
    public PrivateKey privateKey() {
        return held.keyPair().getPrivate();
    }

    /** Returns the PKCS#8 private key and the certificate as PEM text, key first. */
    public String pem() {
        return held.privateKeyPkcs8Pem() + held.certificatePem();
    }

    /** Returns the certificate alone as PEM text. */
    public String certificatePem() {
        return held.certificatePem();
    }

    /**
     * Returns a PKCS#12 file's bytes holding the key and certificate under the alias {@code entra-sync}.
     *
     * @param password the file's password
     */
    public byte[] pkcs12(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("entra-sync", privateKey(), password, new Certificate[] {certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a PKCS#12 file", e);
        }
    }

    /** Returns the certificate's DER encoding, base64 (as Graph's keyCredential {@code key}). */
    public String base64Der() {
        try {
            return Base64.getEncoder().encodeToString(certificate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "TestCertificate[" + certificate().getSubjectX500Principal().getName() + ", notAfter="
                + certificate().getNotAfter().toInstant() + "]";
    }
}
