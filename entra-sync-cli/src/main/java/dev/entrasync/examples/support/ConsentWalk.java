package dev.entrasync.examples.support;

import dev.entrasync.onboarding.ConsentFlow;
import dev.entrasync.onboarding.ConsentResult;
import dev.entrasync.onboarding.ConsentUrl;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Admin consent as a browser would walk it, without a browser: the administrator of a simulated tenant
 * opens the consent link (Microsoft's sign-in with admin consent) and approves; the simulated cloud redirects
 * to the host's redirect URI with a sign-in code; the host hands the redirect's query to
 * {@link ConsentFlow#complete(String)}, which redeems the code, takes the tenant from the verified ID token
 * and verifies the grant with a token.
 */
public final class ConsentWalk {

    private final SimulatedCloud cloud;
    private final ConsentFlow flow;
    private final HttpClient browser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public ConsentWalk(SimulatedCloud cloud, ConsentFlow flow) {
        this.cloud = cloud;
        this.flow = flow;
    }

    /** The administrator of {@code tenant} opens {@code link} and approves. */
    public ConsentResult approve(ConsentUrl link, SimulatedTenant tenant) {
        cloud.consentPage().approveAs(tenant);
        return flow.complete(redirectQuery(link.uri()));
    }

    private String redirectQuery(URI link) {
        try {
            HttpResponse<Void> response =
                    browser.send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.discarding());
            String location = response.headers()
                    .firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException(
                            "The consent page answered " + response.statusCode() + " without a redirect"));
            return URI.create(location).getRawQuery();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the consent page " + link.getHost() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while opening the consent page", e);
        }
    }
}
