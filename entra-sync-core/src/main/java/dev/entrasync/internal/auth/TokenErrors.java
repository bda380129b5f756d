package dev.entrasync.internal.auth;

import com.microsoft.aad.msal4j.MsalServiceException;
import dev.entrasync.TokenException;
import dev.entrasync.TokenFailure;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns MSAL4J failures into {@link TokenException}s with the AADSTS code, the cause in words and the fix. */
final class TokenErrors {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+):?\\s*([^\\r\\n]*)");

    private TokenErrors() {}

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
