package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.AadError;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a {@code client_assertion} (private_key_jwt) the way Microsoft Entra does, with JDK crypto only: a
 * compact RS256 JWS; for a certificate assertion ({@code iss} = {@code sub} = client id) the {@code aud} is the
 * token endpoint and the signature verifies against a certificate uploaded to the app, found by the header's
 * {@code x5t#S256} or {@code x5t}; for a federated assertion a federated identity credential matches
 * {@code iss}, {@code sub} and {@code aud}, and its key verifies the signature. Both must be within
 * {@code nbf}..{@code exp}, with five minutes of clock skew.
 *
 * <p>Error codes and wording follow Microsoft's: AADSTS50027 (malformed), 700021 (application identifier
 * does not match client_id), 700023 (audience does not match), 700027 (invalid signature: key not found, or
 * expired), 700024 (not within its valid time range), 70021 and 700212 (no matching federated identity
 * record); see https://learn.microsoft.com/entra/identity-platform/reference-error-codes and
 * https://learn.microsoft.com/entra/identity-platform/certificate-credentials.
 */
final class ClientAssertions {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final String DOCS = " Review the documentation at"
            + " https://learn.microsoft.com/entra/identity-platform/certificate-credentials.";

    static final AadError MALFORMED =
            AadError.custom(50027, 400, "invalid_request", "JWT token is invalid or malformed.");
    static final AadError WRONG_TYPE = AadError.custom(
            50027,
            400,
            "invalid_request",
            "JWT token is invalid or malformed. client_assertion_type must be " + JWT_BEARER + ".");
    static final AadError APP_MISMATCH = AadError.custom(
            700021,
            400,
            "invalid_client",
            "Client assertion application identifier doesn't match 'client_id' parameter." + DOCS);
    static final AadError AUDIENCE_MISMATCH = AadError.custom(
            700023, 400, "invalid_client", "Client assertion audience claim does not match Realm issuer." + DOCS);
    static final AadError KEY_NOT_FOUND = AadError.custom(
            700027,
            401,
            "invalid_client",
            "Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key"
                    + " used by client: '{thumbprint}', Please visit the Azure Portal, Graph Explorer or directly"
                    + " use MS Graph to see configured keys for app Id '{appId}'.]");
    static final AadError KEY_EXPIRED = AadError.custom(
            700027,
            401,
            "invalid_client",
            "Client assertion contains an invalid signature. [Reason - The key used is expired., Thumbprint of key"
                    + " used by client: '{thumbprint}', Found key 'Start=..., End={keyEnd}', Please visit the Azure"
                    + " Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id"
                    + " '{appId}'.]");
    static final AadError BAD_SIGNATURE =
            AadError.custom(700027, 401, "invalid_client", "Client assertion contains an invalid signature.");
    static final AadError NOT_IN_TIME = AadError.custom(
            700024,
            400,
            "invalid_client",
            "Client assertion is not within its valid time range. Current time: {now}, assertion valid from"
                    + " {nbf}, expiry time of assertion {exp}." + DOCS);
    static final AadError NO_FEDERATED_RECORD = AadError.custom(
            70021,
            400,
            "invalid_client",
            "No matching federated identity record found for presented assertion. Assertion Issuer: '{iss}'."
                    + " Assertion Subject: '{sub}'. Assertion Audience: '{aud}'.");
    static final AadError NO_FEDERATED_AUDIENCE = AadError.custom(
            700212,
            400,
            "invalid_client",
            "No matching federated identity record found for presented assertion audience '{aud}'.");

    private final Set<String> audienceHosts = ConcurrentHashMap.newKeySet();

    /** Also accepts certificate assertions addressed to the token endpoint under this host name. */
    void acceptAudienceHost(String host) {
        audienceHosts.add(host.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Returns the error for an assertion Entra would refuse, or null when it is accepted. {@code values} gets
     * the placeholders the error's description needs.
     */
    AadError check(
            String assertion,
            String type,
            AppState app,
            TenantData tenant,
            String segment,
            String loginUrl,
            Instant now,
            Map<String, String> values) {
        if (!JWT_BEARER.equals(type)) {
            return WRONG_TYPE;
        }
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.", -1);
        if (parts.length != 3) {
            return MALFORMED;
        }
        Map<String, Object> header;
        Map<String, Object> claims;
        byte[] signature;
        try {
            header = Json.parseObject(Base64.getUrlDecoder().decode(parts[0]));
            claims = Json.parseObject(Base64.getUrlDecoder().decode(parts[1]));
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (RuntimeException e) {
            return MALFORMED;
        }
        if (!"RS256".equals(header.get("alg"))) {
            return MALFORMED;
        }
        String iss = text(claims.get("iss"));
        String sub = text(claims.get("sub"));
        List<String> audiences = audiences(claims.get("aud"));
        Long nbf = number(claims.get("nbf"));
        Long exp = number(claims.get("exp"));
        if (iss == null || sub == null || audiences.isEmpty() || exp == null) {
            return MALFORMED;
        }
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        values.put("iss", iss);
        values.put("sub", sub);
        values.put("aud", String.join(",", audiences));
        AadError error;
        if (iss.equalsIgnoreCase(app.clientId()) || sub.equalsIgnoreCase(app.clientId())) {
            error = certificateAssertion(
                    header, iss, sub, audiences, app, tenant, segment, loginUrl, signed, signature, now, values);
        } else {
            error = federatedAssertion(iss, sub, audiences, app, signed, signature);
        }
        if (error != null) {
            return error;
        }
        Instant notBefore = nbf == null ? null : Instant.ofEpochSecond(nbf);
        Instant expires = Instant.ofEpochSecond(exp);
        if (!now.isBefore(expires.plus(SKEW))
                || (notBefore != null && now.plus(SKEW).isBefore(notBefore))) {
            values.put("now", now.toString());
            values.put("nbf", notBefore == null ? "" : notBefore.toString());
            values.put("exp", expires.toString());
            return NOT_IN_TIME;
        }
        return null;
    }

    private AadError certificateAssertion(
            Map<String, Object> header,
            String iss,
            String sub,
            List<String> audiences,
            AppState app,
            TenantData tenant,
            String segment,
            String loginUrl,
            byte[] signed,
            byte[] signature,
            Instant now,
            Map<String, String> values) {
        if (!iss.equalsIgnoreCase(app.clientId()) || !sub.equalsIgnoreCase(app.clientId())) {
            return APP_MISMATCH;
        }
        if (audiences.stream().noneMatch(aud -> isTokenEndpoint(aud, tenant, segment, loginUrl))) {
            return AUDIENCE_MISMATCH;
        }
        String thumbprint = thumbprint(header);
        values.put("thumbprint", thumbprint == null ? "" : thumbprint);
        AppState.KeyCredential key = thumbprint == null ? null : app.certificate(thumbprint);
        if (key == null) {
            return KEY_NOT_FOUND;
        }
        if (!now.isBefore(key.endDateTime())) {
            values.put("keyEnd", key.endDateTime().toString());
            return KEY_EXPIRED;
        }
        return verifies(key.key(), signed, signature) ? null : BAD_SIGNATURE;
    }

    private static AadError federatedAssertion(
            String iss, String sub, List<String> audiences, AppState app, byte[] signed, byte[] signature) {
        boolean subjectMatched = false;
        for (AppState.FederatedCredential fic : app.federatedCredentials()) {
            if (!fic.issuer().equals(iss) || !fic.subject().equals(sub)) {
                continue;
            }
            subjectMatched = true;
            if (audiences.stream().noneMatch(fic.audiences()::contains)) {
                continue;
            }
            return verifies(fic.key(), signed, signature) ? null : BAD_SIGNATURE;
        }
        return subjectMatched ? NO_FEDERATED_AUDIENCE : NO_FEDERATED_RECORD;
    }

    /** {@code https://<login host>/<tenant>/oauth2/v2.0/token}, the tenant by id, domain or the request's segment. */
    private boolean isTokenEndpoint(String aud, TenantData tenant, String segment, String loginUrl) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(aud);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        java.net.URI login = java.net.URI.create(loginUrl);
        boolean hostOk = (host.equals(login.getHost()) && uri.getPort() == login.getPort())
                || ("https".equals(uri.getScheme()) && audienceHosts.contains(host));
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!hostOk || !path.endsWith("/oauth2/v2.0/token")) {
            return false;
        }
        String audTenant = path.substring(1, path.length() - "/oauth2/v2.0/token".length());
        return audTenant.equalsIgnoreCase(segment) || audTenant.equalsIgnoreCase(tenant.id());
    }

    private static String thumbprint(Map<String, Object> header) {
        try {
            // RFC 7515 says base64url; MSAL4J 1.26.1 sends standard Base64 with padding. Entra takes both.
            if (header.get("x5t#S256") instanceof String s256) {
                return HexFormat.of().withUpperCase().formatHex(anyBase64(s256));
            }
            if (header.get("x5t") instanceof String sha1) {
                return HexFormat.of().withUpperCase().formatHex(anyBase64(sha1));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static byte[] anyBase64(String value) {
        String standard = value.replace('-', '+').replace('_', '/').replace("=", "");
        return Base64.getDecoder().decode(standard + "===".substring(0, (4 - standard.length() % 4) % 4));
    }

    private static boolean verifies(PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private static List<String> audiences(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        return List.of();
    }
}
