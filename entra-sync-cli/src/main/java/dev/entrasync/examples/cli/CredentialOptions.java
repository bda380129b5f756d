package dev.entrasync.examples.cli;

import dev.entrasync.AppCredential;
import dev.entrasync.ClientCertificate;
import dev.entrasync.Cloud;
import dev.entrasync.CredentialStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which app registration to sign in as: given once with {@code --client-id ... --client-secret-env VAR} or
 * {@code --client-certificate FILE [--client-certificate-password-env VAR]} (then saved in the database, the
 * secret or private key encrypted), or read back from the database by {@code --credential}. A secret or
 * password is never accepted on the command line.
 */
final class CredentialOptions {

    @Option(
            names = "--credential",
            defaultValue = "default",
            paramLabel = "NAME",
            description = "The credential's name in the database (default ${DEFAULT-VALUE}).")
    String name;

    @Option(
            names = "--cloud",
            paramLabel = "CLOUD",
            description = "global, usgov, usgov-dod, china or custom (default global).")
    String cloud;

    @Option(
            names = "--login-url",
            paramLabel = "URL",
            description = "With --cloud custom: the login (authority) base URL.")
    String loginUrl;

    @Option(
            names = "--graph-url",
            paramLabel = "URL",
            description = "With --cloud custom: the Graph base URL (with or without /v1.0).")
    String graphUrl;

    @Option(names = "--client-id", paramLabel = "ID", description = "The app registration's application (client) id.")
    String clientId;

    @Option(
            names = "--client-secret-env",
            paramLabel = "VAR",
            description = "Environment variable holding the client secret (never pass a secret on the command line).")
    String secretEnv;

    @Option(
            names = "--client-certificate",
            paramLabel = "FILE",
            description = "Instead of a secret: the app's certificate with its private key, a PKCS#12 file"
                    + " (.pfx/.p12) or PEM (unencrypted PKCS#8 key and certificate chain). Upload the public"
                    + " certificate to the app registration (Certificates & secrets).")
    Path certificateFile;

    @Option(
            names = "--client-certificate-password-env",
            paramLabel = "VAR",
            description = "Environment variable holding the PKCS#12 file's password (none: no password).")
    String certificatePasswordEnv;

    @Option(names = "--client-secret", hidden = true, paramLabel = "SECRET")
    String secretOnCommandLine;

    @Option(
            names = "--credential-tenant",
            paramLabel = "ID",
            description = "The app's home tenant (the partner's own tenant, where GDAP customers are listed).")
    String homeTenant;

    @Option(names = "--secret-expires", paramLabel = "YYYY-MM-DD", description = "When the client secret expires.")
    LocalDate secretExpires;

    /**
     * The credential from the flags (saved in {@code store}), or the saved one.
     *
     * @param fallbackHome the home tenant when {@code --credential-tenant} is not given, or null
     * @param cspPartner whether the credential discovers GDAP customers
     * @throws IllegalArgumentException saying what is missing or wrong
     */
    AppCredential resolve(CredentialStore store, String fallbackHome, boolean cspPartner) {
        refuseSecretOnCommandLine();
        if (clientId == null) {
            if (cloud != null
                    || secretEnv != null
                    || certificateFile != null
                    || certificatePasswordEnv != null
                    || loginUrl != null
                    || graphUrl != null) {
                throw new IllegalArgumentException("--client-id is required with --cloud, --client-secret-env,"
                        + " --client-certificate, --login-url or --graph-url");
            }
            return store.find(name).orElseThrow(() -> noSuchCredential(store));
        }
        Cloud chosenCloud = cloud();
        if ((secretEnv == null) == (certificateFile == null)) {
            throw new IllegalArgumentException("--client-id needs exactly one of --client-secret-env VAR (the"
                    + " environment variable holding the client secret) and --client-certificate FILE (a PKCS#12 or"
                    + " PEM file with the certificate and its private key)");
        }
        if (certificatePasswordEnv != null && certificateFile == null) {
            throw new IllegalArgumentException("--client-certificate-password-env goes with --client-certificate");
        }
        if (secretExpires != null && certificateFile != null) {
            throw new IllegalArgumentException("--secret-expires goes with --client-secret-env only: a certificate's"
                    + " expiry is read from the certificate");
        }
        String home = homeTenant != null ? homeTenant : fallbackHome;
        if (home == null) {
            throw new IllegalArgumentException(
                    "--credential-tenant ID is required: the app registration's home tenant");
        }
        AppCredential.Builder builder = AppCredential.builder()
                .name(name)
                .cloud(chosenCloud)
                .homeTenant(home)
                .clientId(clientId)
                .cspPartner(cspPartner);
        if (certificateFile != null) {
            builder.certificate(certificate());
        } else {
            String secret = System.getenv(secretEnv);
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException(
                        "--client-secret-env: the environment variable " + secretEnv + " is not set or empty");
            }
            builder.secret(secret)
                    .secretExpiresAt(
                            secretExpires == null
                                    ? null
                                    : secretExpires.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        AppCredential credential = builder.build();
        store.save(credential);
        return credential;
    }

    /**
     * Reads {@code --client-certificate}: PEM when the file is text with a {@code -----BEGIN} line, else PKCS#12
     * with the password from {@code --client-certificate-password-env} (none when not given).
     */
    private ClientCertificate certificate() {
        if (!Files.isReadable(certificateFile)) {
            throw new IllegalArgumentException("--client-certificate: cannot read " + certificateFile);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(certificateFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("--client-certificate: cannot read " + certificateFile + ": " + e);
        }
        char[] password = null;
        try {
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN ")) {
                if (certificatePasswordEnv != null) {
                    throw new IllegalArgumentException("--client-certificate-password-env: " + certificateFile
                            + " is PEM, whose key must be unencrypted PKCS#8; the password is for PKCS#12 files");
                }
                return ClientCertificate.fromPem(text);
            }
            if (certificatePasswordEnv != null) {
                String value = System.getenv(certificatePasswordEnv);
                if (value == null) {
                    throw new IllegalArgumentException("--client-certificate-password-env: the environment variable "
                            + certificatePasswordEnv + " is not set");
                }
                password = value.toCharArray();
            } else {
                password = new char[0];
            }
            return ClientCertificate.fromPkcs12(bytes, password);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--client-certificate " + certificateFile + ": "
                    + e.getMessage().replaceFirst("^certificate: ", ""));
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * The refusal when {@code --credential} names no saved credential: the names the database does hold, if any (the
     * demo's is {@code northwind}, not {@code default}), else how to save one.
     */
    private IllegalArgumentException noSuchCredential(CredentialStore store) {
        List<String> saved;
        try {
            saved = store.list().stream().map(AppCredential::name).sorted().toList();
        } catch (RuntimeException unreadable) {
            saved = List.of(); // a credential that cannot be read now: give the general advice
        }
        if (!saved.isEmpty()) {
            return new IllegalArgumentException("No credential named '" + name + "' in the database; it holds "
                    + String.join(", ", saved) + ": pass --credential NAME with one of them, or --client-id ID with"
                    + " --client-secret-env VAR or --client-certificate FILE (and --cloud, --credential-tenant) to"
                    + " save '" + name + "'.");
        }
        return new IllegalArgumentException("No credential named '" + name
                + "' in the database yet: pass --client-id ID with --client-secret-env VAR or"
                + " --client-certificate FILE (and --cloud, --credential-tenant) once; it is saved with"
                + " the secret or private key encrypted.");
    }

    /** Whether the credential is given by flags ({@code --client-id}) rather than read from the database. */
    boolean given() {
        return clientId != null;
    }

    /**
     * The credential from the flags for building a consent link only: the link carries the client id, cloud and
     * redirect URI, never the secret, so no secret is asked for (a placeholder stands in, never sent anywhere).
     *
     * <p>The home tenant is not part of a link either: without {@code --credential-tenant} and a tenant, a placeholder
     * domain stands in ({@code organizations}, the link's authority for any tenant, is not a tenant a credential can
     * name).
     *
     * @param fallbackHome the home tenant when {@code --credential-tenant} is not given, or null
     */
    AppCredential forConsentLink(String fallbackHome) {
        refuseSecretOnCommandLine();
        String home = homeTenant != null
                ? homeTenant
                : fallbackHome != null ? fallbackHome : "home-tenant-not-needed-for-a-consent-link.invalid";
        return AppCredential.builder()
                .name(name)
                .cloud(cloud())
                .homeTenant(home)
                .clientId(clientId)
                .secret("not-needed-for-a-consent-link")
                .build();
    }

    /**
     * Refuses {@code --client-secret} before anything else happens.
     *
     * @throws IllegalArgumentException when a secret was given on the command line (the message never shows it)
     */
    void refuseSecretOnCommandLine() {
        if (secretOnCommandLine != null) {
            throw new IllegalArgumentException("--client-secret is refused: a secret on the command line ends up in"
                    + " shell history and process lists. Put it in an environment variable and pass"
                    + " --client-secret-env VAR.");
        }
    }

    private Cloud cloud() {
        String chosen = cloud == null ? "global" : cloud;
        if (chosen.equalsIgnoreCase("custom")) {
            if (loginUrl == null || graphUrl == null) {
                throw new IllegalArgumentException("--cloud custom needs --login-url URL and --graph-url URL");
            }
            // SimulatedCloudMain prints the Graph URL with /v1.0; Cloud wants the base.
            return Cloud.custom(loginUrl, graphUrl.replaceFirst("/v1\\.0/?$", ""));
        }
        if (loginUrl != null || graphUrl != null) {
            throw new IllegalArgumentException("--login-url and --graph-url go with --cloud custom only");
        }
        return Cloud.of(chosen);
    }
}
