package dev.entrasync.examples.cli;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.CredentialStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/**
 * Which app registration to sign in as: given once with {@code --client-id ... --client-secret-env VAR}
 * (then saved in the database, the secret encrypted), or read back from the database by {@code --credential}.
 * A secret is never accepted on the command line.
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
            if (cloud != null || secretEnv != null || loginUrl != null || graphUrl != null) {
                throw new IllegalArgumentException(
                        "--client-id is required with --cloud, --client-secret-env," + " --login-url or --graph-url");
            }
            return store.find(name)
                    .orElseThrow(() -> new IllegalArgumentException("No credential named '" + name
                            + "' in the database yet: pass --client-id ID --client-secret-env VAR (and --cloud,"
                            + " --credential-tenant) once; it is saved with the secret encrypted."));
        }
        Cloud chosenCloud = cloud();
        if (secretEnv == null) {
            throw new IllegalArgumentException("--client-secret-env VAR is required with --client-id: the name of the"
                    + " environment variable that holds the client secret");
        }
        String secret = System.getenv(secretEnv);
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(
                    "--client-secret-env: the environment variable " + secretEnv + " is not set or empty");
        }
        String home = homeTenant != null ? homeTenant : fallbackHome;
        if (home == null) {
            throw new IllegalArgumentException(
                    "--credential-tenant ID is required: the app registration's home tenant");
        }
        AppCredential credential = AppCredential.builder()
                .name(name)
                .cloud(chosenCloud)
                .homeTenant(home)
                .clientId(clientId)
                .secret(secret)
                .cspPartner(cspPartner)
                .secretExpiresAt(
                        secretExpires == null
                                ? null
                                : secretExpires.atStartOfDay(ZoneOffset.UTC).toInstant())
                .build();
        store.save(credential);
        return credential;
    }

    /** Whether the credential is given by flags ({@code --client-id}) rather than read from the database. */
    boolean given() {
        return clientId != null;
    }

    /**
     * The credential from the flags for building a consent link only: the link carries the client id, cloud and
     * redirect URI, never the secret, so no secret is asked for (a placeholder stands in, never sent anywhere).
     *
     * @param fallbackHome the home tenant when {@code --credential-tenant} is not given, or null
     */
    AppCredential forConsentLink(String fallbackHome) {
        refuseSecretOnCommandLine();
        String home = homeTenant != null ? homeTenant : fallbackHome != null ? fallbackHome : "organizations";
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
