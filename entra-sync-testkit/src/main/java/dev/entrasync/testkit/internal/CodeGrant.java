package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.AadError;
import dev.entrasync.testkit.IdTokenForgery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /{tenant|organizations}/oauth2/v2.0/token} with {@code grant_type=authorization_code}:
 * redeems a code from {@link AuthorizeEndpoint} once, within {@link SignIns#CODE_LIFETIME}, for the
 * client it was issued to, with the same redirect URI and (when the sign-in sent a challenge) the
 * PKCE verifier. Answers like Entra: an {@code id_token} signed RS256 with a published key (spoiled
 * when a {@link IdTokenForgery} is queued), a delegated access token for Graph, and
 * {@code client_info} (which MSAL reads to name the account).
 */
final class CodeGrant {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final AadError SECRET_MISSING = AadError.custom(
            7000218,
            401,
            "invalid_client",
            "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    private static final AadError UNKNOWN_CODE =
            AadError.custom(9002313, 400, "invalid_grant", "Invalid request. Request is malformed or invalid.");
    private static final AadError OTHER_CLIENT = AadError.custom(
            700005,
            400,
            "invalid_grant",
            "Provided Authorization Code is intended to use against other client or tenant.");
    private static final AadError REDEEMED = AadError.custom(
            54005,
            400,
            "invalid_grant",
            "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an"
                    + " existing refresh token.");
    private static final AadError EXPIRED = AadError.custom(
            70008,
            400,
            "invalid_grant",
            "The provided authorization code or refresh token has expired due to inactivity. Send a new"
                    + " interactive authorization request for this user and resource.");
    private static final AadError REDIRECT_MISMATCH = AadError.custom(
            500112,
            400,
            "invalid_grant",
            "The reply address does not match the reply address provided when requesting Authorization code.");
    private static final AadError PKCE_MISMATCH = AadError.custom(
            501481,
            400,
            "invalid_grant",
            "The Code_Verifier does not match the code_challenge supplied in the authorization request.");

    private final CloudState cloud;

    CodeGrant(CloudState cloud) {
        this.cloud = cloud;
    }

    SimServer.Handled handle(Map<String, String> form, String segment, String correlation) {
        Instant now = cloud.now();
        Map<String, String> values = new HashMap<>();
        values.put("tenant", segment);
        values.put("appId", form.getOrDefault("client_id", ""));
        values.put("scope", form.getOrDefault("scope", ""));
        AppState app = cloud.apps().get(form.getOrDefault("client_id", "").toLowerCase());
        if (app == null) {
            return fail(AadError.APP_NOT_FOUND_IN_TENANT, values, correlation, now, null);
        }
        if (app.disabled()) {
            return fail(AadError.APP_DISABLED, values, correlation, now, null);
        }
        if (!form.containsKey("client_secret")) {
            return fail(SECRET_MISSING, values, correlation, now, null);
        }
        switch (app.check(form.get("client_secret"), now)) {
            case WRONG:
                return fail(AadError.INVALID_CLIENT_SECRET, values, correlation, now, null);
            case EXPIRED:
                return fail(AadError.CLIENT_SECRET_EXPIRED, values, correlation, now, null);
            default:
                break;
        }
        SignIns.IssuedCode code = cloud.signIns().code(form.get("code"));
        if (code == null) {
            return fail(UNKNOWN_CODE, values, correlation, now, null);
        }
        String tenantId = code.tenant().id();
        boolean anySegment = segment.equalsIgnoreCase("organizations") || segment.equalsIgnoreCase("common");
        if (!code.clientId().equals(app.clientId()) || (!anySegment && cloud.tenant(segment) != code.tenant())) {
            return fail(OTHER_CLIENT, values, correlation, now, tenantId);
        }
        if (code.redeemed().getAndSet(true)) {
            return fail(REDEEMED, values, correlation, now, tenantId);
        }
        if (!now.isBefore(code.issuedAt().plus(SignIns.CODE_LIFETIME))) {
            return fail(EXPIRED, values, correlation, now, tenantId);
        }
        if (!code.redirectUri().equals(form.get("redirect_uri"))) {
            return fail(REDIRECT_MISMATCH, values, correlation, now, tenantId);
        }
        if (code.challenge() != null && !pkceMatches(code, form.get("code_verifier"))) {
            return fail(PKCE_MISMATCH, values, correlation, now, tenantId);
        }
        return new SimServer.Handled(issue(code, app, now), tenantId);
    }

    private SimResponse issue(SignIns.IssuedCode code, AppState app, Instant now) {
        TenantData tenant = code.tenant();
        String oid = UUID.nameUUIDFromBytes(("testkit-admin|" + tenant.id()).getBytes(StandardCharsets.UTF_8))
                .toString();
        long lifetime = cloud.tokenLifetime().getSeconds();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("scope", "email openid profile");
        body.put("expires_in", lifetime);
        body.put("ext_expires_in", lifetime);
        body.put("access_token", cloud.signer().sign(accessClaims(tenant, app, oid, now, lifetime)));
        if (code.scope() != null && code.scope().contains("openid")) {
            IdTokenForgery forgery = cloud.signIns().nextForgery();
            body.put("id_token", cloud.signIns().keys().sign(idClaims(code, app, oid, now, forgery), forgery));
        }
        body.put("client_info", ENCODER.encodeToString(Json.bytes(Map.of("uid", oid, "utid", tenant.id()))));
        return SimResponse.json(200, body)
                .withHeader("Cache-Control", "no-store, no-cache")
                .withHeader("Pragma", "no-cache");
    }

    private Map<String, Object> idClaims(
            SignIns.IssuedCode code, AppState app, String oid, Instant now, IdTokenForgery forgery) {
        TenantData tenant = forgery == IdTokenForgery.OTHER_TENANT ? cloud.otherTenant(code.tenant()) : code.tenant();
        long iat = forgery == IdTokenForgery.EXPIRED ? now.getEpochSecond() - 7200 : now.getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(
                "aud",
                forgery == IdTokenForgery.WRONG_AUDIENCE ? UUID.randomUUID().toString() : app.clientId());
        claims.put(
                "iss",
                (forgery == IdTokenForgery.WRONG_ISSUER ? "https://login.attacker.example" : cloud.loginUrl()) + "/"
                        + tenant.id() + "/v2.0");
        claims.put("iat", iat);
        claims.put("nbf", iat);
        claims.put("exp", iat + 3600);
        claims.put("name", "Administrator of " + tenant.displayName());
        if (code.nonce() != null && forgery != IdTokenForgery.NO_NONCE) {
            claims.put("nonce", forgery == IdTokenForgery.WRONG_NONCE ? "forged-" + Ids.random() : code.nonce());
        }
        claims.put("oid", oid);
        claims.put("preferred_username", "admin@" + tenant.defaultDomain());
        claims.put("sub", ENCODER.encodeToString(sha256(oid + "|" + app.clientId())));
        claims.put("tid", tenant.id());
        claims.put("uti", Ids.random().replace("-", "").substring(0, 22));
        claims.put("ver", "2.0");
        return claims;
    }

    private Map<String, Object> accessClaims(TenantData tenant, AppState app, String oid, Instant now, long lifetime) {
        String issuer = "https://sts.windows.net/" + tenant.id() + "/";
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", cloud.graphUrl());
        claims.put("iss", issuer);
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + lifetime);
        claims.put("appid", app.clientId());
        claims.put("idtyp", "user");
        claims.put("oid", oid);
        claims.put("scp", "email openid profile");
        claims.put("tid", tenant.id());
        claims.put("ver", "1.0");
        return claims;
    }

    private static boolean pkceMatches(SignIns.IssuedCode code, String verifier) {
        if (verifier == null) {
            return false;
        }
        String expected = "S256".equals(code.challengeMethod()) ? ENCODER.encodeToString(sha256(verifier)) : verifier;
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), code.challenge().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private SimServer.Handled fail(
            AadError error, Map<String, String> values, String correlation, Instant now, String tenantId) {
        return new SimServer.Handled(AadErrors.response(error, values, correlation, now, cloud.loginUrl()), tenantId);
    }
}
