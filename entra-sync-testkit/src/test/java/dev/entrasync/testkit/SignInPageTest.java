package dev.entrasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenID Connect sign-in with admin consent: authorize page, code redemption, signed ID token, JWKS. */
class SignInPageTest {
    private static final String CLIENT = "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    private static final String SECRET = "secret";
    private static final String REDIRECT = "https://rmm.example.com/entra/consent";
    private static final String VERIFIER = "a-verifier-of-at-least-forty-three-characters-0123456789";
    private static final OkHttpClient NO_REDIRECTS =
            new OkHttpClient.Builder().followRedirects(false).build();

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-22T08:00:00Z"));
    private final SimulatedCloud cloud = SimulatedCloud.start().clock(clock);
    private final SimulatedApp app = cloud.registerApp(CLIENT, SECRET).addRedirectUri(REDIRECT);
    private final SimulatedTenant contoso =
            cloud.addTenant(TenantBuilder.create("Contoso").build());
    private final SimulatedTenant fabrikam =
            cloud.addTenant(TenantBuilder.create("Fabrikam").seed(7).build());

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void approvalRedirectsWithCodeAndStateOnlyAndGrantsTheConfiguredPermissions() {
        cloud.consentPage().approveAs(contoso);

        HttpUrl back = signIn("organizations");

        assertThat(back.toString()).startsWith(REDIRECT + "?");
        assertThat(back.queryParameterNames()).containsExactlyInAnyOrder("code", "state");
        assertThat(back.queryParameter("state")).isEqualTo("s-1");
        assertThat(contoso.hasConsent(app)).isTrue();
    }

    @Test
    void theCodeIsRedeemedForAnIdTokenSignedWithAPublishedKey() throws Exception {
        cloud.consentPage().approveAs(contoso);
        String code = signIn("organizations").queryParameter("code");

        SimClient.Reply reply = redeem("organizations", code, REDIRECT, VERIFIER);

        assertThat(reply.status()).isEqualTo(200);
        String idToken = (String) reply.json().get("id_token");
        Map<String, Object> header = SimClient.JSON.readValue(decode(idToken.split("\\.")[0]), Map.class);
        assertThat(header).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(verifies(idToken, (String) header.get("kid"))).isTrue();
        Map<String, Object> claims = SimClient.claims(idToken);
        assertThat(claims)
                .containsEntry("tid", contoso.id())
                .containsEntry("aud", CLIENT)
                .containsEntry("nonce", "n-1")
                .containsEntry("iss", cloud.loginUrl() + "/" + contoso.id() + "/v2.0");
        assertThat(reply.json()).containsKey("client_info");
        Map<String, Object> discovery = SimClient.call(new Request.Builder()
                        .url(cloud.loginUrl() + "/" + contoso.id() + "/v2.0/.well-known/openid-configuration")
                        .build())
                .json();
        assertThat(discovery.get("jwks_uri")).isEqualTo(cloud.loginUrl() + "/" + contoso.id() + "/discovery/v2.0/keys");
    }

    @Test
    void aCodeIsRedeemedOnlyOnce() {
        cloud.consentPage().approveAs(contoso);
        String code = signIn("organizations").queryParameter("code");
        assertThat(redeem("organizations", code, REDIRECT, VERIFIER).status()).isEqualTo(200);

        SimClient.Reply again = redeem("organizations", code, REDIRECT, VERIFIER);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant").contains("AADSTS54005");
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        cloud.consentPage().approveAs(contoso);
        String code = signIn("organizations").queryParameter("code");
        clock.advance(Duration.ofMinutes(10));

        assertThat(redeem("organizations", code, REDIRECT, VERIFIER).body()).contains("AADSTS70008");
    }

    @Test
    void aWrongVerifierOrRedirectUriOrSecretIsRefused() {
        cloud.consentPage().approveAs(contoso).approveAs(contoso).approveAs(contoso);
        String first = signIn("organizations").queryParameter("code");
        String second = signIn("organizations").queryParameter("code");
        String third = signIn("organizations").queryParameter("code");

        assertThat(redeem("organizations", first, REDIRECT, VERIFIER + "x").body())
                .contains("AADSTS501481");
        assertThat(redeem("organizations", second, "https://evil.example/cb", VERIFIER)
                        .body())
                .contains("AADSTS500112");
        assertThat(redeemWith("organizations", third, REDIRECT, VERIFIER, "wrong")
                        .body())
                .contains("AADSTS7000215");
    }

    @Test
    void anAdministratorOfAnotherTenantOnATenantLinkIsRefused() {
        cloud.consentPage().approveAs(fabrikam);

        HttpUrl back = signIn(contoso.id());

        assertThat(back.queryParameter("code")).isNull();
        assertThat(back.queryParameter("error")).isEqualTo("access_denied");
        assertThat(back.queryParameter("error_description")).contains("AADSTS50020");
        assertThat(fabrikam.hasConsent(app)).isFalse();
    }

    @Test
    void forgedIdTokensAreIssuedWhenQueued() throws Exception {
        cloud.consentPage()
                .approveAs(contoso)
                .approveAs(contoso)
                .forgeNextIdToken(IdTokenForgery.WRONG_KEY)
                .forgeNextIdToken(IdTokenForgery.ALG_NONE);
        String wrongKey =
                (String) redeem("organizations", signIn("organizations").queryParameter("code"), REDIRECT, VERIFIER)
                        .json()
                        .get("id_token");
        String none =
                (String) redeem("organizations", signIn("organizations").queryParameter("code"), REDIRECT, VERIFIER)
                        .json()
                        .get("id_token");

        Map<String, Object> header = SimClient.JSON.readValue(decode(wrongKey.split("\\.")[0]), Map.class);
        assertThat(verifies(wrongKey, (String) header.get("kid"))).isFalse();
        assertThat(none).endsWith(".");
        assertThat(new String(decode(none.split("\\.")[0]), StandardCharsets.UTF_8))
                .contains("\"none\"");
    }

    @Test
    void aRotatedKeyIsPublishedNextToTheOldOne() throws Exception {
        cloud.consentPage().approveAs(contoso).rotateSigningKey().rotateSigningKey();
        String idToken =
                (String) redeem("organizations", signIn("organizations").queryParameter("code"), REDIRECT, VERIFIER)
                        .json()
                        .get("id_token");

        Map<String, Object> header = SimClient.JSON.readValue(decode(idToken.split("\\.")[0]), Map.class);
        assertThat(header.get("kid")).isEqualTo("testkit-rs256-2");
        assertThat(verifies(idToken, "testkit-rs256-2")).isTrue();
        assertThat(keys()).hasSize(2);
    }

    private HttpUrl signIn(String segment) {
        HttpUrl url = HttpUrl.get(cloud.loginUrl() + "/" + segment + "/oauth2/v2.0/authorize")
                .newBuilder()
                .addQueryParameter("client_id", CLIENT)
                .addQueryParameter("response_type", "code")
                .addQueryParameter("redirect_uri", REDIRECT)
                .addQueryParameter("scope", "openid profile " + cloud.graphUrl() + "/.default")
                .addQueryParameter("prompt", "consent")
                .addQueryParameter("state", "s-1")
                .addQueryParameter("nonce", "n-1")
                .addQueryParameter("code_challenge", challenge(VERIFIER))
                .addQueryParameter("code_challenge_method", "S256")
                .build();
        try (Response response =
                NO_REDIRECTS.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(response.code()).as("sign-in page status").isEqualTo(302);
            return HttpUrl.get(response.header("Location"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SimClient.Reply redeem(String segment, String code, String redirect, String verifier) {
        return redeemWith(segment, code, redirect, verifier, SECRET);
    }

    private SimClient.Reply redeemWith(String segment, String code, String redirect, String verifier, String secret) {
        return SimClient.call(new Request.Builder()
                .url(cloud.loginUrl() + "/" + segment + "/oauth2/v2.0/token")
                .post(new FormBody.Builder()
                        .add("grant_type", "authorization_code")
                        .add("client_id", CLIENT)
                        .add("client_secret", secret)
                        .add("code", code)
                        .add("redirect_uri", redirect)
                        .add("code_verifier", verifier)
                        .add("scope", "openid profile " + cloud.graphUrl() + "/.default")
                        .build())
                .build());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> keys() {
        return (List<Map<String, Object>>) SimClient.call(new Request.Builder()
                        .url(cloud.loginUrl() + "/common/discovery/v2.0/keys")
                        .build())
                .json()
                .get("keys");
    }

    private boolean verifies(String jwt, String kid) throws Exception {
        Map<String, Object> jwk = keys().stream()
                .filter(k -> kid.equals(k.get("kid")))
                .findFirst()
                .orElse(null);
        if (jwk == null) {
            return false;
        }
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, decode((String) jwk.get("n"))),
                        new BigInteger(1, decode((String) jwk.get("e")))));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        String[] parts = jwt.split("\\.");
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(decode(parts[2]));
    }

    private static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
