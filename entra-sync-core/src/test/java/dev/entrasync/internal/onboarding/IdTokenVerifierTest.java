package dev.entrasync.internal.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.testing.FakeTime;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ID-token verifier asks only the credential's login origin: a login server that misbehaves on purpose
 * (keys or a redirect on another port of the same host, an issuer of another host) gets nothing fetched elsewhere.
 */
class IdTokenVerifierTest {

    private static final String TID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String CLIENT_ID = "6c1f3a2b-8d4e-4f5a-9b6c-7d8e9f0a1b2c";

    private final MockWebServer login = new MockWebServer();
    private final MockWebServer elsewhere = new MockWebServer();
    private final AtomicInteger elsewhereHits = new AtomicInteger();
    private volatile String discoveryAnswer;
    private volatile String redirectTo;

    @BeforeEach
    void start() throws Exception {
        elsewhere.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                elsewhereHits.incrementAndGet();
                return new MockResponse.Builder()
                        .code(200)
                        .body("{\"keys\":[]}")
                        .build();
            }
        });
        login.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (redirectTo != null) {
                    return new MockResponse.Builder()
                            .code(302)
                            .addHeader("Location", redirectTo)
                            .build();
                }
                return new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "application/json")
                        .body(discoveryAnswer)
                        .build();
            }
        });
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        login.start(loopback, 0);
        elsewhere.start(loopback, 0);
    }

    @AfterEach
    void stop() {
        login.close();
        elsewhere.close();
    }

    @Test
    void signingKeysOnAnotherPortOfTheLoginHostAreNotFetched() {
        discoveryAnswer = "{\"jwks_uri\":\"" + base(elsewhere) + "/" + TID + "/discovery/v2.0/keys\"}";

        assertThatThrownBy(() -> verifier().verify(credential(), token(), "nonce"))
                .isInstanceOf(IdTokenVerifier.Rejected.class)
                .hasMessageContaining("outside the login origin " + base(login))
                .hasMessageContaining("refusing");
        assertThat(elsewhereHits).hasValue(0);
    }

    @Test
    void aRedirectFromTheDiscoveryDocumentIsNotFollowed() {
        redirectTo = base(elsewhere) + "/" + TID + "/v2.0/.well-known/openid-configuration";

        assertThatThrownBy(() -> verifier().verify(credential(), token(), "nonce"))
                .isInstanceOf(IdTokenVerifier.Rejected.class)
                .hasMessageContaining("answered 302");
        assertThat(elsewhereHits).hasValue(0);
    }

    @Test
    void aDomainWhoseIssuerIsOnAnotherHostNamesNoTenant() {
        discoveryAnswer = "{\"issuer\":\"https://login.attacker.example/" + TID + "/v2.0\"}";

        assertThatThrownBy(() -> verifier().tenantOfDomain(credential().cloud(), "contoso.onmicrosoft.com"))
                .isInstanceOf(IdTokenVerifier.Rejected.class)
                .hasMessageContaining("names no tenant of this cloud");
    }

    @Test
    void aDomainsTenantIsTheIssuersTenantOnTheLoginOrigin() throws Exception {
        discoveryAnswer = "{\"issuer\":\"" + base(login) + "/" + TID + "/v2.0\"}";

        assertThat(verifier()
                        .tenantOfDomain(credential().cloud(), "contoso.onmicrosoft.com")
                        .value())
                .isEqualTo(TID);
        assertThat(login.takeRequest().getUrl().encodedPath())
                .isEqualTo("/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration");
    }

    private IdTokenVerifier verifier() {
        return new IdTokenVerifier(new OkHttpClient(), new FakeTime());
    }

    private AppCredential credential() {
        return AppCredential.builder()
                .name("msp")
                .cloud(Cloud.custom(base(login), "http://127.0.0.1:1"))
                .homeTenant(TID)
                .clientId(CLIENT_ID)
                .secret("s3cret-not-used-here")
                .build();
    }

    private static String token() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(
                ("{\"tid\":\"" + TID + "\",\"aud\":\"" + CLIENT_ID + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + b64.encodeToString(new byte[256]);
    }

    private static String base(MockWebServer server) {
        return "http://127.0.0.1:" + server.getPort();
    }
}
