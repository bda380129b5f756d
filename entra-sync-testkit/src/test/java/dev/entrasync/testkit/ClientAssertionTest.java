package dev.entrasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint's {@code client_assertion} checks, with hand-made assertions (JDK crypto): what Entra
 * accepts, and each refusal with Microsoft's AADSTS code in Microsoft's error shape.
 */
class ClientAssertionTest {
    private static final String CLIENT_ID = "6c2f1a1e-2a5b-4c1d-9e3f-0a1b2c3d4e5f";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final String SUBJECT = "repo:contoso/sync:ref:refs/heads/main";

    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, "right-secret");
    private final SimulatedTenant contoso =
            cloud.addTenant(TenantBuilder.create("Contoso").seed(1).users(5).build());
    private final Instant now = cloud.clock().instant();
    private final TestCertificate uploaded =
            TestCertificate.selfSigned("uploaded", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    private final ExternalIssuer github = ExternalIssuer.create("https://token.actions.githubusercontent.com");

    ClientAssertionTest() {
        contoso.consent(app, Permissions.USER_READ_ALL);
        app.addCertificate(uploaded.certificate());
        app.addFederatedCredential(github.issuer(), SUBJECT, github.publicKey());
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private String endpoint(String tenant) {
        return cloud.loginUrl() + "/" + tenant + "/oauth2/v2.0/token";
    }

    private SimClient.Reply request(String assertion, String type) {
        return SimClient.call(new Request.Builder()
                .url(endpoint(contoso.id()))
                .post(new FormBody.Builder()
                        .add("grant_type", "client_credentials")
                        .add("client_id", CLIENT_ID)
                        .add("scope", cloud.graphUrl() + "/.default")
                        .add("client_assertion_type", type)
                        .add("client_assertion", assertion)
                        .build())
                .build());
    }

    private SimClient.Reply request(String assertion) {
        return request(assertion, JWT_BEARER);
    }

    /** A certificate assertion as MSAL builds one, with the given header thumbprint and claims changed. */
    private static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key)
            throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString(SimClient.JSON.writeValueAsBytes(header)) + "."
                + b64.encodeToString(SimClient.JSON.writeValueAsBytes(claims));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + b64.encodeToString(signer.sign());
    }

    private static Map<String, Object> header(String name, String algorithm, X509Certificate certificate)
            throws Exception {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put(
                name,
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded())));
        return header;
    }

    private Map<String, Object> claims(String aud, String iss, String sub, Instant issued, Duration lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", aud);
        claims.put("iss", iss);
        claims.put("sub", sub);
        claims.put("jti", "b1f7c3a2-1111-4222-8333-944455556666");
        claims.put("nbf", issued.getEpochSecond());
        claims.put("exp", issued.plus(lifetime).getEpochSecond());
        return claims;
    }

    private Map<String, Object> goodClaims() {
        return claims(endpoint(contoso.id()), CLIENT_ID, CLIENT_ID, now, Duration.ofMinutes(10));
    }

    private static void assertRefused(SimClient.Reply reply, int status, int code, String error) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        Map<String, Object> body = reply.json();
        assertThat(body).containsEntry("error", error).containsEntry("error_codes", List.of(code));
        assertThat((String) body.get("error_description")).startsWith("AADSTS" + code + ": ");
    }

    @Test
    void acceptsACertificateAssertionBySha256OrSha1ThumbprintAndMarksTheTokenAsCertificateAuthenticated()
            throws Exception {
        SimClient.Reply bySha256 = request(
                sign(header("x5t#S256", "SHA-256", uploaded.certificate()), goodClaims(), uploaded.privateKey()));
        SimClient.Reply bySha1 =
                request(sign(header("x5t", "SHA-1", uploaded.certificate()), goodClaims(), uploaded.privateKey()));

        assertThat(bySha256.status()).as(bySha256.body()).isEqualTo(200);
        assertThat(bySha1.status()).as(bySha1.body()).isEqualTo(200);
        assertThat(SimClient.claims((String) bySha256.json().get("access_token")))
                .containsEntry("appidacr", "2")
                .containsEntry("appid", CLIENT_ID);
    }

    @Test
    void refusesAnAssertionSignedWithAnotherKeyOrNamingAnUnknownCertificate() throws Exception {
        TestCertificate stranger = TestCertificate.selfSigned("stranger", now, now.plus(Duration.ofDays(1)));

        SimClient.Reply forged = request(
                sign(header("x5t#S256", "SHA-256", uploaded.certificate()), goodClaims(), stranger.privateKey()));
        SimClient.Reply unknown = request(
                sign(header("x5t#S256", "SHA-256", stranger.certificate()), goodClaims(), stranger.privateKey()));

        assertRefused(forged, 401, 700027, "invalid_client");
        assertRefused(unknown, 401, 700027, "invalid_client");
        assertThat((String) unknown.json().get("error_description")).contains("The key was not found");
    }

    @Test
    void refusesTheWrongAudienceIssuerOrSubjectAndAWrongTimeRange() throws Exception {
        Map<String, Object> header = header("x5t#S256", "SHA-256", uploaded.certificate());
        PrivateKey key = uploaded.privateKey();
        String otherTenant = "11111111-2222-4333-8444-555555555555";

        assertRefused(
                request(sign(
                        header, claims(endpoint(otherTenant), CLIENT_ID, CLIENT_ID, now, Duration.ofMinutes(10)), key)),
                400,
                700023,
                "invalid_client");
        assertRefused(
                request(sign(
                        header,
                        claims(
                                "https://evil.example/" + contoso.id() + "/oauth2/v2.0/token",
                                CLIENT_ID,
                                CLIENT_ID,
                                now,
                                Duration.ofMinutes(10)),
                        key)),
                400,
                700023,
                "invalid_client");
        assertRefused(
                request(sign(
                        header,
                        claims(endpoint(contoso.id()), CLIENT_ID, "someone-else", now, Duration.ofMinutes(10)),
                        key)),
                400,
                700021,
                "invalid_client");
        SimClient.Reply expired = request(sign(
                header,
                claims(
                        endpoint(contoso.id()),
                        CLIENT_ID,
                        CLIENT_ID,
                        now.minus(Duration.ofMinutes(20)),
                        Duration.ofMinutes(10)),
                key));
        assertRefused(expired, 400, 700024, "invalid_client");
        assertThat((String) expired.json().get("error_description"))
                .contains("Client assertion is not within its valid time range");
        assertRefused(
                request(sign(
                        header,
                        claims(
                                endpoint(contoso.id()),
                                CLIENT_ID,
                                CLIENT_ID,
                                now.plus(Duration.ofHours(1)),
                                Duration.ofMinutes(10)),
                        key)),
                400,
                700024,
                "invalid_client");
        // within Entra's five minutes of clock skew
        SimClient.Reply skewed = request(sign(
                header,
                claims(
                        endpoint(contoso.id()),
                        CLIENT_ID,
                        CLIENT_ID,
                        now.minus(Duration.ofMinutes(12)),
                        Duration.ofMinutes(10)),
                key));
        assertThat(skewed.status()).as(skewed.body()).isEqualTo(200);
    }

    @Test
    void refusesMalformedAssertionsAndTheWrongAssertionType() throws Exception {
        String good = sign(header("x5t#S256", "SHA-256", uploaded.certificate()), goodClaims(), uploaded.privateKey());
        String[] parts = good.split("\\.");
        String algNone = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";

        assertRefused(request(algNone), 400, 50027, "invalid_request");
        assertRefused(request(parts[0] + "." + parts[1]), 400, 50027, "invalid_request");
        assertRefused(request("%%%.###.!!!"), 400, 50027, "invalid_request");
        assertRefused(
                request(good, "urn:ietf:params:oauth:client-assertion-type:saml2-bearer"),
                400,
                50027,
                "invalid_request");
    }

    @Test
    void acceptsAFederatedTokenOnlyForTheRegisteredIssuerSubjectAndAudience() {
        SimClient.Reply accepted = request(github.token(SUBJECT, now, Duration.ofMinutes(5)));
        SimClient.Reply otherSubject =
                request(github.token("repo:evil/fork:ref:refs/heads/main", now, Duration.ofMinutes(5)));
        SimClient.Reply otherAudience = request(github.token(SUBJECT, "api://other", now, Duration.ofMinutes(5)));
        SimClient.Reply otherIssuer = request(
                ExternalIssuer.create("https://issuer.evil.example").token(SUBJECT, now, Duration.ofMinutes(5)));
        SimClient.Reply forged =
                request(ExternalIssuer.create(github.issuer()).token(SUBJECT, now, Duration.ofMinutes(5)));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertRefused(otherSubject, 400, 70021, "invalid_client");
        assertThat((String) otherSubject.json().get("error_description"))
                .contains("No matching federated identity record found for presented assertion")
                .contains("repo:evil/fork");
        assertRefused(otherAudience, 400, 700212, "invalid_client");
        assertRefused(otherIssuer, 400, 70021, "invalid_client");
        assertRefused(forged, 401, 700027, "invalid_client");
    }

    @Test
    void aRemovedCertificateIsNoLongerAccepted() throws Exception {
        app.removeCertificate(uploaded.certificate());

        assertRefused(
                request(sign(
                        header("x5t#S256", "SHA-256", uploaded.certificate()), goodClaims(), uploaded.privateKey())),
                401,
                700027,
                "invalid_client");
    }
}
