package dev.entrasync;

/**
 * Supplies a signed client assertion (a JWT) at the moment entra-sync asks Microsoft Entra for a token: the
 * credential of <em>workload identity federation</em>, where the multi-tenant app trusts tokens of another
 * identity provider through a federated identity credential (issuer, subject, audience
 * {@code api://AzureADTokenExchange}) instead of holding a secret or certificate. Typical providers read a
 * Kubernetes service-account token from its projected file ({@code AZURE_FEDERATED_TOKEN_FILE}) or fetch an
 * Azure managed identity's token for {@code api://AzureADTokenExchange}; see
 * <a href="https://learn.microsoft.com/entra/workload-id/workload-identity-federation">workload identity
 * federation</a>.
 *
 * <p>Implemented by the host. Called on the thread that needs a token (an engine worker, onboarding, mail), once
 * per token request (entra-sync caches the resulting access token, not the assertion), possibly from several
 * threads at once: implementations must be thread-safe and should return a fresh token each time. entra-sync never
 * stores, logs or prints the assertion; a credential holding a provider lives only in memory (see
 * {@link AppCredential}).
 */
@FunctionalInterface
public interface ClientAssertionProvider {

    /**
     * A signed assertion, valid now, whose audience is {@code api://AzureADTokenExchange} and whose issuer and
     * subject match a federated identity credential on the app registration.
     *
     * @return the compact JWS ({@code header.payload.signature}); never null or blank
     * @throws Exception when the assertion cannot be obtained; entra-sync reports it as a token failure for the
     *     credential without repeating the assertion
     */
    String assertion() throws Exception;
}
