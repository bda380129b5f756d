package dev.entrasync.benchmark;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The naive loop's tokens: one MSAL4J confidential client per tenant (client credentials, scope
 * {@code https://graph.microsoft.com/.default}), cached by MSAL, handed to the Graph SDK as Kiota's
 * {@link AccessTokenProvider}. The simulated Graph's host is the allowed host.
 */
final class MsalTokenProvider implements AccessTokenProvider {

    private static final Set<String> SCOPE = Set.of("https://graph.microsoft.com/.default");

    private final ConfidentialClientApplication app;
    private final AllowedHostsValidator hosts;

    MsalTokenProvider(String tenantId, String clientId, String secret, LoginRouting login, String graphHost)
            throws MalformedURLException {
        this.app = ConfidentialClientApplication.builder(clientId, ClientCredentialFactory.createFromSecret(secret))
                .authority("https://" + LoginRouting.AUTHORITY_HOST + "/" + tenantId + "/")
                .instanceDiscovery(false)
                .httpClient(login)
                .build();
        this.hosts = new AllowedHostsValidator(graphHost);
    }

    @Override
    public String getAuthorizationToken(URI uri, Map<String, Object> additionalContext) {
        if (!hosts.isUrlHostValid(uri)) {
            return "";
        }
        try {
            return app.acquireToken(ClientCredentialParameters.builder(SCOPE).build())
                    .get()
                    .accessToken();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "no token for the naive loop: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while getting a token", e);
        }
    }

    @Override
    public AllowedHostsValidator getAllowedHostsValidator() {
        return hosts;
    }
}
