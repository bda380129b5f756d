package dev.entrasync.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The self-signed certificate of an HTTPS {@link SimulatedCloud} and what a client needs to trust
 * it: a trust manager, a socket factory, or a PKCS12 trust store file for other processes.
 * Immutable and thread-safe.
 */
public final class Tls {
    private final HeldCertificate certificate;
    private final HandshakeCertificates server;
    private final HandshakeCertificates client;

    private Tls(HeldCertificate certificate) {
        this.certificate = certificate;
        this.server =
                new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        this.client = new HandshakeCertificates.Builder()
                .addTrustedCertificate(certificate.certificate())
                .build();
    }

    static Tls selfSigned() {
        return new Tls(new HeldCertificate.Builder()
                .commonName("entra-sync simulated cloud")
                .addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName("127.0.0.1")
                .build());
    }

    SSLSocketFactory serverSocketFactory() {
        return server.sslSocketFactory();
    }

    /** Returns a trust manager that trusts the cloud's certificate (and nothing else). */
    public X509TrustManager trustManager() {
        return client.trustManager();
    }

    /** Returns a client socket factory that trusts the cloud's certificate. */
    public SSLSocketFactory socketFactory() {
        return client.sslSocketFactory();
    }

    /** Returns the certificate in PEM form. */
    public String certificatePem() {
        return certificate.certificatePem();
    }

    /**
     * Writes a PKCS12 trust store holding the certificate, e.g. for
     * {@code -Djavax.net.ssl.trustStore=<path>}.
     */
    public void writeTrustStore(Path path, char[] password) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("entra-sync-simulated-cloud", certificate.certificate());
            store.store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the trust store", e);
        }
    }
}
