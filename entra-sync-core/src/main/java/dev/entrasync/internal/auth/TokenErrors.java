package dev.entrasync.internal.auth;

import com.microsoft.aad.msal4j.MsalServiceException;
import dev.entrasync.AppCredential;
import dev.entrasync.ClientCertificate;
import dev.entrasync.TokenException;
import dev.entrasync.TokenFailure;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns MSAL4J failures into {@link TokenException}s with the AADSTS code, the cause in words and the fix. */
final class TokenErrors {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+):?\\s*([^\\r\\n]*)");

    private TokenErrors() {}

    /** As {@link #map(Throwable, String, String)}, with a fix naming the credential's certificate or callback. */
    static TokenException map(Throwable error, AppCredential credential, String tenant) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AssertionCallbackException callback) {
                return new TokenException(
                        TokenFailure.ASSERTION_CALLBACK_FAILED,
                        null,
                        credential.name(),
                        TenantIds.orNull(tenant),
                        null,
                        TokenFailure.ASSERTION_CALLBACK_FAILED.fix() + " This time: " + callback.getMessage(),
                        null);
            }
        }
        TokenException plain = map(error, credential.name(), tenant);
        String fix = fix(plain.failure(), credential);
        if (fix == null) {
            return plain;
        }
        return new TokenException(
                plain.failure(),
                plain.aadstsCode().orElse(null),
                plain.credentialName(),
                plain.tenant(),
                plain.microsoftDescription().orElse(null),
                fix,
                null);
    }

    private static String fix(TokenFailure failure, AppCredential credential) {
        ClientCertificate certificate = credential.certificate();
        return switch (failure) {
            case CERTIFICATE_NOT_REGISTERED ->
                certificate == null
                        ? null
                        : "Upload the certificate with thumbprint " + certificate.thumbprint() + " (subject "
                                + certificate.subject() + ", valid until " + certificate.notAfter()
                                + ") to the app registration " + credential.clientId()
                                + " under Certificates & secrets > Certificates (the public certificate, not the"
                                + " private key), or configure credential '" + credential.name()
                                + "' with a certificate that is uploaded there.";
            case ASSERTION_EXPIRED ->
                credential.kind() == AppCredential.Kind.ASSERTION
                        ? "The assertion callback of credential '" + credential.name() + "' returned an expired (or not"
                                + " yet valid) token: make it return a fresh token at every call instead of a cached"
                                + " one (a Kubernetes projected service-account token is renewed by the kubelet; read"
                                + " the file each time), and check this server's clock."
                        : "MSAL signed an assertion valid for 10 minutes from this server's time, which Microsoft Entra"
                                + " did not accept: correct this server's clock (NTP).";
            case NO_FEDERATED_CREDENTIAL ->
                "Add a federated identity credential to the app registration "
                        + credential.clientId()
                        + " (Certificates & secrets > Federated credentials) with the issuer and subject of the token"
                        + " the callback of credential '" + credential.name()
                        + "' returns and the audience api://AzureADTokenExchange.";
            default -> null;
        };
    }

    static TokenException map(Throwable error, String credentialName, String tenant) {
        if (error instanceof MsalServiceException service) {
            String message = service.getMessage() == null ? "" : service.getMessage();
            Matcher m = AADSTS.matcher(message);
            Integer code = null;
            String description = null;
            if (m.find()) {
                code = Integer.parseInt(m.group(1));
                description = m.group(2).trim();
            }
            Integer status = service.statusCode();
            TokenFailure failure;
            if (status != null && (status == 429 || status >= 500)) {
                failure = TokenFailure.SERVICE_UNAVAILABLE; // e.g. AADSTS90033 "a transient error has occurred"
            } else if (code != null) {
                failure = TokenFailure.forCode(code);
            } else {
                failure = TokenFailure.UNKNOWN;
                description = firstLine(message);
            }
            // Neither an exception nor Microsoft's text ever carries the secret; keep only Microsoft's first line.
            return new TokenException(failure, code, credentialName, TenantIds.orNull(tenant), description, null);
        }
        String what = error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + firstLine(error.getMessage()));
        return new TokenException(
                TokenFailure.SERVICE_UNAVAILABLE, null, credentialName, TenantIds.orNull(tenant), what, null);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line.trim();
    }
}
