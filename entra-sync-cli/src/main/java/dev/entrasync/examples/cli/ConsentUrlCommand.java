package dev.entrasync.examples.cli;

import dev.entrasync.AppCredential;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.TenantId;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.onboarding.ConsentUrl;
import dev.entrasync.onboarding.InMemoryConsentStore;
import dev.entrasync.onboarding.Onboarding;
import dev.entrasync.runtime.EntraSync;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code consent-url}: the admin-consent link to send a tenant's administrator. After they approve,
 * {@code sync --tenant} (or {@code preflight}) confirms the consent with a token.
 */
@Command(
        name = "consent-url",
        mixinStandardHelpOptions = true,
        description = "Print the admin-consent link for a tenant's administrator (any tenant when --tenant is not"
                + " given). With --client-id it needs no secret, database or key; without it, the credential saved"
                + " in the database is used.")
final class ConsentUrlCommand implements Callable<Integer> {

    @Option(
            names = "--tenant",
            paramLabel = "ID",
            description = "The tenant (GUID or domain); default: any (organizations).")
    String tenant;

    @Option(
            names = "--company",
            paramLabel = "ID",
            description = "Your company id, carried in the link's signed state.")
    String company;

    @Option(
            names = "--redirect-uri",
            defaultValue = Cli.DEFAULT_REDIRECT_URI,
            paramLabel = "URI",
            description = "Where the administrator lands afterwards; must be registered on the app (default"
                    + " ${DEFAULT-VALUE}, the web host's consent callback).")
    String redirectUri;

    @Option(
            names = "--state-key-env",
            paramLabel = "VAR",
            description = "Environment variable with your host's consent-state key (32+ characters), so your host's"
                    + " callback accepts the link; default: a one-off key.")
    String stateKeyEnv;

    @Mixin
    CredentialOptions credential;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        credential.refuseSecretOnCommandLine();
        byte[] stateKey = stateKey();
        if (credential.given()) {
            // A link needs the client id and the redirect URI only: no secret, no database, no key file.
            AppCredential app = credential.forConsentLink(tenant);
            InMemoryCredentialStore store = new InMemoryCredentialStore();
            store.save(app);
            try (EntraSync runtime = EntraSync.builder().credentials(store).build()) {
                Onboarding onboarding = runtime.onboarding()
                        .consents(new InMemoryConsentStore())
                        .stateKey(stateKey == null ? Cli.randomKey() : stateKey)
                        .redirectUri(redirectUri)
                        .build();
                return print(onboarding, app);
            }
        }
        try (HostDatabase db = database.open(System.err, false, false)) {
            Onboarding onboarding = Cli.onboarding(db, redirectUri, stateKey, false);
            return print(onboarding, credential.resolve(db.credentials(), tenant, false));
        }
    }

    private int print(Onboarding onboarding, AppCredential app) {
        ConsentUrl link = tenant == null
                ? onboarding.consent().forAnyTenant(app.name(), company)
                : onboarding.consent().forTenant(app.name(), TenantId.of(tenant), company);
        System.out.println(link.uri());
        System.err.println("Valid once, until " + link.expiresAt() + ". After the administrator approves, run sync"
                + " --tenant (or preflight) to confirm the consent.");
        return 0;
    }

    private byte[] stateKey() {
        if (stateKeyEnv == null) {
            return null;
        }
        String value = System.getenv(stateKeyEnv);
        if (value == null || value.length() < 32) {
            throw new IllegalArgumentException("--state-key-env: " + stateKeyEnv + " must hold at least 32 characters");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
