package dev.entrasync.internal.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Verifies the ID token of an administrator's OpenID Connect sign-in, with the JDK alone: RS256 only
 * (never {@code none} or HS*), the signature against the keys the cloud publishes (its OpenID
 * discovery document's {@code jwks_uri}; keys cached per {@code jwks_uri}, fetched again once when a
 * token names an unknown {@code kid}), then {@code iss} = {@code {login}/{tid}/v2.0}, {@code aud} =
 * the client id, the expected {@code nonce}, and {@code exp}/{@code nbf}/{@code iat} within
 * {@link #CLOCK_SKEW} of the injected clock. Every request goes to the credential's cloud login
 * origin (scheme, host and port) and nowhere else: a {@code jwks_uri} elsewhere is refused, and
 * redirects are not followed. Thread-safe.
 */
public final class IdTokenVerifier {

    /** How far the cloud's clock and ours may disagree. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private static final int MAX_DOCUMENT_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** Why an ID token (or a discovery document) was refused, in words for the administrator's page. */
    public static final class Rejected extends Exception {
        private final boolean unavailable;

        Rejected(String message, boolean unavailable) {
            super(message, null, false, false);
            this.unavailable = unavailable;
        }

        /** True when the cloud could not be asked (network, an error status), not when it answered wrongly. */
        public boolean unavailable() {
            return unavailable;
        }
    }

    private final OkHttpClient http;
    private final Clock clock;
    private final Map<String, Map<String, PublicKey>> keysByJwksUri = new ConcurrentHashMap<>();

    /** @param http a client that does not follow redirects (the token client) */
    public IdTokenVerifier(OkHttpClient http, Clock clock) {
        this.http = http.followRedirects()
                ? http.newBuilder().followRedirects(false).build()
                : http;
        this.clock = clock;
    }

    /**
     * Verifies the ID token and returns its {@code tid}, the tenant of the administrator who signed in.
     *
     * @throws Rejected saying what was wrong, when anything is
     */
    public TenantId verify(AppCredential credential, String idToken, String expectedNonce) throws Rejected {
        if (idToken == null || idToken.isBlank()) {
            throw rejected("Microsoft's answer to the sign-in code carried no ID token.");
        }
        String[] parts = idToken.split("\\.", -1);
        if (parts.length != 3) {
            throw rejected("The ID token is not a signed JWT (it has " + parts.length + " parts, not 3).");
        }
        JsonNode header = json(parts[0], "header");
        JsonNode claims = json(parts[1], "claims");
        String alg = header.path("alg").asText("");
        if (!"RS256".equals(alg)) {
            throw rejected("The ID token is signed with alg '" + printable(alg) + "'; only RS256 signatures by the"
                    + " cloud's published keys are accepted.");
        }
        String kid = header.path("kid").asText("");
        if (kid.isEmpty()) {
            throw rejected("The ID token's header names no signing key (kid).");
        }
        TenantId tid = guidClaim(claims);
        PublicKey key = key(credential.cloud(), tid, kid);
        if (!signatureValid(key, parts)) {
            throw rejected("The ID token's signature does not verify with the cloud's published key '" + printable(kid)
                    + "': it was not signed by Microsoft.");
        }
        String issuer = credential.cloud().loginUrl() + "/" + tid.value() + "/v2.0";
        if (!issuer.equals(claims.path("iss").asText(null))) {
            throw rejected(
                    "The ID token's issuer is '" + printable(claims.path("iss").asText("")) + "', not " + issuer + ".");
        }
        if (!audienceIs(claims.get("aud"), credential.clientId())) {
            throw rejected("The ID token was issued to another application (aud '"
                    + printable(claims.path("aud").toString()) + "'), not to client id " + credential.clientId() + ".");
        }
        String nonce = claims.path("nonce").asText(null);
        if (nonce == null
                || !MessageDigest.isEqual(
                        nonce.getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            throw rejected(
                    "The ID token's nonce " + (nonce == null ? "is missing" : "does not match this consent" + " link's")
                            + ": it belongs to another sign-in.");
        }
        checkTimes(claims);
        return tid;
    }

    /**
     * The tenant id of a verified domain, from the issuer of the domain's OpenID discovery document
     * ({@code {login}/{domain}/v2.0/.well-known/openid-configuration}), asked of the login origin only.
     *
     * @throws Rejected when the cloud does not know the domain or cannot be asked
     */
    public TenantId tenantOfDomain(Cloud cloud, String domain) throws Rejected {
        JsonNode discovery = discovery(cloud, domain);
        String issuer = discovery.path("issuer").asText("");
        String prefix = cloud.loginUrl() + "/";
        String middle = issuer.startsWith(prefix) && issuer.endsWith("/v2.0")
                ? issuer.substring(prefix.length(), issuer.length() - "/v2.0".length())
                : "";
        TenantId tenant = guidOrNull(middle);
        if (tenant == null) {
            throw rejected("The discovery document of domain " + domain + " names no tenant of this cloud (issuer '"
                    + printable(issuer) + "').");
        }
        return tenant;
    }

    private PublicKey key(Cloud cloud, TenantId tid, String kid) throws Rejected {
        String jwksUri = discovery(cloud, tid.value()).path("jwks_uri").asText("");
        HttpUrl jwks = HttpUrl.parse(jwksUri);
        if (jwks == null || !sameOrigin(jwks, cloud)) {
            throw rejected("The cloud's discovery document points its signing keys (jwks_uri) at '" + printable(jwksUri)
                    + "', outside the login origin " + cloud.loginUrl() + "; refusing to fetch them.");
        }
        Map<String, PublicKey> cached = keysByJwksUri.get(jwks.toString());
        if (cached != null && cached.containsKey(kid)) {
            return cached.get(kid);
        }
        Map<String, PublicKey> fresh = fetchKeys(jwks);
        keysByJwksUri.put(jwks.toString(), fresh);
        PublicKey key = fresh.get(kid);
        if (key == null) {
            throw rejected("The ID token is signed with a key ('" + printable(kid) + "') the cloud does not publish at "
                    + jwks + ": it was not signed by Microsoft.");
        }
        return key;
    }

    private Map<String, PublicKey> fetchKeys(HttpUrl jwks) throws Rejected {
        JsonNode document = get(jwks, "signing keys");
        Map<String, PublicKey> keys = new ConcurrentHashMap<>();
        for (JsonNode jwk : document.path("keys")) {
            String use = jwk.path("use").asText("sig");
            if (!"RSA".equals(jwk.path("kty").asText())
                    || !"sig".equals(use)
                    || !jwk.path("kid").isTextual()) {
                continue;
            }
            try {
                BigInteger n = new BigInteger(1, DECODE.decode(jwk.path("n").asText()));
                BigInteger e = new BigInteger(1, DECODE.decode(jwk.path("e").asText()));
                keys.put(
                        jwk.get("kid").asText(),
                        KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
            } catch (IllegalArgumentException | GeneralSecurityException ignored) {
                // a key we cannot read cannot have signed a token we accept
            }
        }
        return keys;
    }

    private JsonNode discovery(Cloud cloud, String tenantOrDomain) throws Rejected {
        HttpUrl url = HttpUrl.get(cloud.loginUrl().toString())
                .newBuilder()
                .addPathSegment(tenantOrDomain)
                .addPathSegment("v2.0")
                .addPathSegment(".well-known")
                .addPathSegment("openid-configuration")
                .build();
        return get(url, "OpenID discovery document for " + tenantOrDomain);
    }

    private JsonNode get(HttpUrl url, String what) throws Rejected {
        try (Response response =
                http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            ResponseBody body = response.body();
            if (response.code() != 200 || body == null) {
                throw new Rejected(
                        "The cloud answered " + response.code() + " for its " + what + " (" + url + ").",
                        response.code() >= 500 || response.code() == 429);
            }
            return JSON.readTree(limited(body));
        } catch (IOException e) {
            throw new Rejected("The cloud's " + what + " could not be read from " + url + ": " + e.getMessage(), true);
        }
    }

    private static byte[] limited(ResponseBody body) throws IOException {
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw new IOException("larger than " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private void checkTimes(JsonNode claims) throws Rejected {
        Instant now = clock.instant();
        if (!claims.path("exp").canConvertToLong() || !claims.path("iat").canConvertToLong()) {
            throw rejected("The ID token has no expiry (exp) or issue time (iat).");
        }
        Instant exp = Instant.ofEpochSecond(claims.get("exp").asLong());
        if (!now.isBefore(exp.plus(CLOCK_SKEW))) {
            throw rejected("The ID token expired at " + exp + " (now " + now + ").");
        }
        Instant iat = Instant.ofEpochSecond(claims.get("iat").asLong());
        Instant nbf = claims.path("nbf").canConvertToLong()
                ? Instant.ofEpochSecond(claims.get("nbf").asLong())
                : iat;
        if (now.plus(CLOCK_SKEW).isBefore(iat) || now.plus(CLOCK_SKEW).isBefore(nbf)) {
            throw rejected("The ID token is not valid before " + (nbf.isAfter(iat) ? nbf : iat) + " (now " + now
                    + "); check this server's clock.");
        }
    }

    private static boolean signatureValid(PublicKey key, String[] parts) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(DECODE.decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean audienceIs(JsonNode aud, String clientId) {
        if (aud == null) {
            return false;
        }
        if (aud.isTextual()) {
            return aud.asText().equalsIgnoreCase(clientId);
        }
        return aud.isArray() && aud.size() == 1 && aud.get(0).asText().equalsIgnoreCase(clientId);
    }

    private static TenantId guidClaim(JsonNode claims) throws Rejected {
        TenantId tid = guidOrNull(claims.path("tid").asText(""));
        if (tid == null) {
            throw rejected("The ID token carries no tenant id (tid) of a work or school account.");
        }
        return tid;
    }

    private static TenantId guidOrNull(String value) {
        try {
            TenantId tenant = TenantId.of(value);
            return tenant.isGuid() ? tenant : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sameOrigin(HttpUrl url, Cloud cloud) {
        HttpUrl login = HttpUrl.get(cloud.loginUrl().toString());
        return url.scheme().equals(login.scheme()) && url.host().equals(login.host()) && url.port() == login.port();
    }

    private static JsonNode json(String part, String what) throws Rejected {
        try {
            JsonNode node = JSON.readTree(DECODE.decode(part));
            if (node == null || !node.isObject()) {
                throw rejected("The ID token's " + what + " is not a JSON object.");
            }
            return node;
        } catch (IOException | IllegalArgumentException e) {
            throw rejected("The ID token's " + what + " cannot be read (not base64url JSON).");
        }
    }

    /** Text from a token, safe to show: at most 100 printable characters. */
    private static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

    private static Rejected rejected(String message) {
        return new Rejected(message, false);
    }
}
