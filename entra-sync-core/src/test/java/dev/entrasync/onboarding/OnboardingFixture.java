package dev.entrasync.onboarding;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testing.FakeTime;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A simulated cloud on fake time with one registered app (its redirect URI registered), a partner
 * home tenant, a credential for it, and an {@link Onboarding} pointed at it. Close it after each test.
 */
final class OnboardingFixture implements AutoCloseable {

    static final String CLIENT_ID = "6c1f3a2b-8d4e-4f5a-9b6c-7d8e9f0a1b2c";
    static final String SECRET = "Kq7~Onb0arding.Secret-NeverLogged_0123456789";
    static final String REDIRECT = "https://rmm.example.com/entra/consent";
    static final byte[] STATE_KEY = "0123456789abcdef0123456789abcdef-host-key".getBytes(StandardCharsets.US_ASCII);
    private static final OkHttpClient NO_REDIRECTS =
            new OkHttpClient.Builder().followRedirects(false).build();

    final FakeTime time = new FakeTime();
    final SimulatedCloud cloud = SimulatedCloud.start().clock(time);
    final SimulatedApp app = cloud.registerApp(CLIENT_ID, SECRET).addRedirectUri(REDIRECT);
    final SimulatedTenant home =
            cloud.addTenant(TenantBuilder.create("Partner MSP").seed(1).users(1).build());
    final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    final InMemoryConsentStore consents = new InMemoryConsentStore(time);
    final RecordingSecretListener secretEvents = new RecordingSecretListener();
    final EntraSync runtime;
    final Onboarding onboarding;

    OnboardingFixture() {
        this(false);
    }

    OnboardingFixture(boolean cspPartner) {
        credentials.save(credential(SECRET, cspPartner));
        runtime = EntraSync.builder()
                .credentials(credentials)
                .clock(time)
                .sleeper(time)
                .build();
        onboarding = runtime.onboarding()
                .consents(consents)
                .stateKey(STATE_KEY)
                .redirectUri(REDIRECT)
                .secretListener(secretEvents)
                .build();
    }

    AppCredential credential(String secret, boolean cspPartner) {
        return AppCredential.builder()
                .name("msp")
                .cloud(Cloud.custom(cloud.loginUrl(), cloud.graphUrl()))
                .homeTenant(home.id())
                .clientId(CLIENT_ID)
                .secret(secret)
                .cspPartner(cspPartner)
                .build();
    }

    SimulatedTenant tenant(String name) {
        return cloud.addTenant(
                TenantBuilder.create(name).seed(name.hashCode()).users(1).build());
    }

    /** Opens the consent link like a browser would, and returns the query of Microsoft's redirect back to the host. */
    Map<String, String> visit(ConsentUrl link) {
        try (Response response = NO_REDIRECTS
                .newCall(new Request.Builder().url(link.uri().toString()).build())
                .execute()) {
            if (response.code() != 302) {
                throw new AssertionError("consent page answered " + response.code() + ": "
                        + response.body().string());
            }
            HttpUrl back = HttpUrl.get(response.header("Location"));
            if (!back.toString().startsWith(REDIRECT + "?")) {
                throw new AssertionError("redirected elsewhere: " + back);
            }
            Map<String, String> query = new LinkedHashMap<>();
            for (String name : back.queryParameterNames()) {
                query.put(name, back.queryParameter(name));
            }
            return query;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The app-only (client-credentials) token requests. */
    java.util.List<dev.entrasync.testkit.RecordedCall> appOnlyTokenCalls() {
        return cloud.tokenCalls().stream()
                .filter(c -> c.body().contains("grant_type=client_credentials"))
                .toList();
    }

    /** The authorization-code redemptions. */
    java.util.List<dev.entrasync.testkit.RecordedCall> codeRedemptions() {
        return cloud.tokenCalls().stream()
                .filter(c -> c.body().contains("grant_type=authorization_code"))
                .toList();
    }

    /** The fetches of the ID-token signing keys. */
    java.util.List<dev.entrasync.testkit.RecordedCall> jwksCalls() {
        return cloud.calls().stream()
                .filter(c -> c.path().endsWith("/discovery/v2.0/keys"))
                .toList();
    }

    /** The {@code state} parameter of a consent link. */
    static String state(ConsentUrl link) {
        return HttpUrl.get(link.uri().toString()).queryParameter("state");
    }

    @Override
    public void close() {
        runtime.close();
        cloud.close();
    }
}
