package dev.entrasync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate credential of an app registration: an RSA private key and its X.509 certificate chain (the
 * app's own certificate first). MSAL4J signs each token request's client assertion with the key; Microsoft
 * Entra checks the signature against the certificate uploaded to the app registration (Certificates &amp;
 * secrets), found by the certificate's thumbprint.
 *
 * <p>Loaded from a PKCS#12 file ({@link #fromPkcs12}) or PEM text ({@link #fromPem}: an unencrypted PKCS#8
 * {@code PRIVATE KEY} block and one or more {@code CERTIFICATE} blocks), or built from JDK objects
 * ({@link #of}). Each factory checks that the key belongs to the first certificate. Immutable and
 * thread-safe. {@link #toString()} shows the thumbprint and expiry only, never the key; no message of this
 * class contains the key or a password.
 */
public final class ClientCertificate {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----", Pattern.DOTALL);

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final String thumbprint;

    private ClientCertificate(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = chain;
        this.thumbprint = digest("SHA-1", chain.get(0));
    }

    /**
     * A certificate credential from a private key and its chain.
     *
     * @param privateKey the RSA private key of the first certificate; never null
     * @param chain the certificate chain, the app's own certificate first; not empty, no nulls
     * @return the credential; never null
     * @throws IllegalArgumentException if the key is not an RSA key, the chain is empty, or the key does not
     *     belong to the first certificate
     */
    public static ClientCertificate of(PrivateKey privateKey, List<X509Certificate> chain) {
        if (privateKey == null) {
            throw new IllegalArgumentException("certificate: the private key is missing");
        }
        if (chain == null || chain.isEmpty() || chain.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("certificate: the certificate chain is empty");
        }
        if (!"RSA".equals(privateKey.getAlgorithm())) {
            // MSAL4J 1.26.1 signs client assertions with SHA256withRSA (RS256) only.
            throw new IllegalArgumentException("certificate: the private key is a " + privateKey.getAlgorithm()
                    + " key; Microsoft Entra client assertions signed by MSAL4J need an RSA key (2048 bits or"
                    + " more). Create an RSA certificate for the app registration.");
        }
        List<X509Certificate> copy = List.copyOf(chain);
        checkKeyMatches(privateKey, copy.get(0));
        return new ClientCertificate(privateKey, copy);
    }

    /**
     * Loads a certificate credential from a PKCS#12 ({@code .pfx}, {@code .p12}) file: its one private key
     * entry, with that entry's certificate chain.
     *
     * @param file the PKCS#12 file; never null
     * @param password the file's password (empty for none); the caller may clear it afterwards; never null
     * @return the credential; never null
     * @throws IllegalArgumentException if the file cannot be read, is not PKCS#12, the password is wrong, or
     *     it holds no or several private keys; the message names the file, never the password
     */
    public static ClientCertificate fromPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            return fromPkcs12(in, password, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("certificate: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a certificate credential from PKCS#12 bytes (as {@link #fromPkcs12(Path, char[])}).
     *
     * @param pkcs12 the PKCS#12 bytes; never null
     * @param password the password (empty for none); never null
     * @return the credential; never null
     * @throws IllegalArgumentException if the bytes are not PKCS#12, the password is wrong, or they hold no or
     *     several private keys
     */
    public static ClientCertificate fromPkcs12(byte[] pkcs12, char[] password) {
        return fromPkcs12(new ByteArrayInputStream(pkcs12), password, "the PKCS#12 data");
    }

    private static ClientCertificate fromPkcs12(InputStream in, char[] password, String what) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            PrivateKey key = null;
            Certificate[] chain = null;
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                if (store.isKeyEntry(alias)) {
                    Key found = store.getKey(alias, password);
                    if (found instanceof PrivateKey privateKey) {
                        if (key != null) {
                            throw new IllegalArgumentException("certificate: " + what
                                    + " holds more than one private key; export only the app's certificate with"
                                    + " its key");
                        }
                        key = privateKey;
                        chain = store.getCertificateChain(alias);
                    }
                }
            }
            if (key == null || chain == null || chain.length == 0) {
                throw new IllegalArgumentException("certificate: " + what
                        + " holds no private key with a certificate; export the certificate with its private key");
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : chain) {
                certificates.add((X509Certificate) c);
            }
            return of(key, certificates);
        } catch (IOException e) {
            // KeyStore.load reports a wrong password as an IOException caused by UnrecoverableKeyException.
            throw new IllegalArgumentException(
                    "certificate: cannot open " + what
                            + " as PKCS#12: the password is wrong or it is not a PKCS#12 file",
                    null);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "certificate: cannot open " + what + " as PKCS#12 ("
                            + e.getClass().getSimpleName() + "); check the file and its password",
                    null);
        }
    }

    /**
     * Loads a certificate credential from a PEM file (see {@link #fromPem(String)}).
     *
     * @param file the PEM file; never null
     * @return the credential; never null
     * @throws IllegalArgumentException if the file cannot be read or is not as {@link #fromPem(String)} needs
     */
    public static ClientCertificate fromPem(Path file) {
        try {
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalArgumentException("certificate: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a certificate credential from PEM text: one unencrypted PKCS#8 {@code -----BEGIN PRIVATE KEY-----}
     * block and the certificate chain as {@code -----BEGIN CERTIFICATE-----} blocks, the app's certificate
     * first. Text outside the blocks is ignored.
     *
     * @param pem the PEM text; never null
     * @return the credential; never null
     * @throws IllegalArgumentException for an encrypted or PKCS#1 ({@code RSA PRIVATE KEY}) key, no or several
     *     keys, no certificate, or a key that is not the certificate's; never quoting the key
     */
    public static ClientCertificate fromPem(String pem) {
        PrivateKey key = null;
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher m = PEM_BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("certificate: a " + type + " PEM block is not valid Base64", null);
            }
            switch (type) {
                case "PRIVATE KEY" -> {
                    if (key != null) {
                        throw new IllegalArgumentException("certificate: the PEM text holds more than one private key");
                    }
                    key = rsaKey(der);
                    Arrays.fill(der, (byte) 0);
                }
                case "CERTIFICATE" -> certificates.addAll(parseCertificates(der));
                case "ENCRYPTED PRIVATE KEY" ->
                    throw new IllegalArgumentException(
                            "certificate: the PEM private key is encrypted; use a PKCS#12 file with a password instead,"
                                    + " or decrypt it (openssl pkcs8 -in key.pem -nocrypt -topk8)");
                case "RSA PRIVATE KEY" ->
                    throw new IllegalArgumentException(
                            "certificate: the PEM private key is PKCS#1 (BEGIN RSA PRIVATE KEY); convert it to PKCS#8"
                                    + " (openssl pkcs8 -topk8 -nocrypt -in key.pem)");
                default -> {
                    // other blocks (parameters, CSRs) are not part of the credential
                }
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("certificate: the PEM text holds no -----BEGIN PRIVATE KEY----- block");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("certificate: the PEM text holds no -----BEGIN CERTIFICATE----- block");
        }
        return of(key, certificates);
    }

    /**
     * Rebuilds a credential from what a credential store kept: the PKCS#8 key bytes and the DER-encoded
     * chain (as {@link #privateKeyPkcs8()} and {@link #encodedChain()} give them).
     *
     * @param pkcs8 the PKCS#8 DER bytes of the RSA private key; the caller may clear them afterwards; never null
     * @param encodedChain the chain's certificates, DER-encoded, concatenated, the app's own first; never null
     * @return the credential; never null
     * @throws IllegalArgumentException if the bytes are not an RSA key and its certificate chain
     */
    public static ClientCertificate fromEncoded(byte[] pkcs8, byte[] encodedChain) {
        return of(rsaKey(pkcs8), parseCertificates(encodedChain));
    }

    private static PrivateKey rsaKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "certificate: the private key is not a PKCS#8 RSA key; MSAL4J signs client assertions with RSA"
                            + " (RS256) only",
                    null);
        }
    }

    private static List<X509Certificate> parseCertificates(byte[] der) {
        try {
            Collection<? extends Certificate> parsed =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(der));
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : parsed) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("certificate: no X.509 certificate found");
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificate: not a valid X.509 certificate: " + e.getMessage(), e);
        }
    }

    private static void checkKeyMatches(PrivateKey key, X509Certificate certificate) {
        byte[] probe = "entra-sync key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // falls through to the mismatch below
        }
        throw new IllegalArgumentException("certificate: the private key does not belong to the first certificate"
                + " (thumbprint " + digest("SHA-1", certificate)
                + "); put the app's own certificate first and supply its key");
    }

    private static String digest(String algorithm, X509Certificate certificate) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate: cannot encode the certificate: " + e.getMessage(), e);
        }
    }

    /**
     * The private key, for MSAL4J to sign with. Hosts never need it.
     *
     * @return the private key; never null
     */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * The private key as PKCS#8 DER bytes, for a credential store to encrypt; a new array each call that the
     * caller should clear after use.
     *
     * @return a fresh copy of the key's PKCS#8 encoding; never null
     */
    public byte[] privateKeyPkcs8() {
        byte[] encoded = privateKey.getEncoded();
        if (encoded == null) {
            throw new IllegalStateException("certificate: the private key cannot be exported (a hardware key?)");
        }
        return encoded;
    }

    /**
     * The certificate chain, the app's certificate first.
     *
     * @return an unmodifiable list, never empty
     */
    public List<X509Certificate> chain() {
        return Collections.unmodifiableList(chain);
    }

    /**
     * The chain's certificates DER-encoded and concatenated (public data), for a credential store.
     *
     * @return a fresh byte array; never null
     */
    public byte[] encodedChain() {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (X509Certificate c : chain) {
                out.write(c.getEncoded());
            }
            return out.toByteArray();
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalStateException("certificate: cannot encode the chain", e);
        }
    }

    /**
     * The app certificate's SHA-1 thumbprint in upper-case hex, as the Entra admin center shows it under
     * Certificates &amp; secrets.
     *
     * @return 40 upper-case hex digits; never null
     */
    public String thumbprint() {
        return thumbprint;
    }

    /**
     * The app certificate's SHA-256 thumbprint in upper-case hex (MSAL4J 1.26.1 sends it, base64url-encoded,
     * in the assertion header's {@code x5t#S256}).
     *
     * @return 64 upper-case hex digits; never null
     */
    public String thumbprintSha256() {
        return digest("SHA-256", chain.get(0));
    }

    /**
     * When the app certificate stops being valid; Microsoft Entra refuses assertions signed with it afterwards.
     *
     * @return the certificate's {@code notAfter}; never null
     */
    public Instant notAfter() {
        return chain.get(0).getNotAfter().toInstant();
    }

    /**
     * When the app certificate starts being valid.
     *
     * @return the certificate's {@code notBefore}; never null
     */
    public Instant notBefore() {
        return chain.get(0).getNotBefore().toInstant();
    }

    /**
     * The app certificate's subject, for display.
     *
     * @return the subject distinguished name; never null
     */
    public String subject() {
        return chain.get(0).getSubjectX500Principal().getName();
    }

    /** Equal when the chain and the key are the same (the key compared in constant time). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ClientCertificate other)) {
            return false;
        }
        if (!chain.equals(other.chain)) {
            return false;
        }
        byte[] mine = privateKey.getEncoded();
        byte[] theirs = other.privateKey.getEncoded();
        try {
            return mine != null && theirs != null
                    ? MessageDigest.isEqual(mine, theirs)
                    : privateKey == other.privateKey;
        } finally {
            if (mine != null) {
                Arrays.fill(mine, (byte) 0);
            }
            if (theirs != null) {
                Arrays.fill(theirs, (byte) 0);
            }
        }
    }

    @Override
    public int hashCode() {
        return thumbprint.hashCode();
    }

    /** The thumbprint and expiry; never the key. */
    @Override
    public String toString() {
        return "ClientCertificate[thumbprint=" + thumbprint + ", notAfter=" + notAfter() + "]";
    }
}
