package dev.entrasync.onboarding;

import dev.entrasync.TenantId;
import dev.entrasync.TokenException;
import java.util.Optional;
import java.util.Set;

/**
 * What came of an admin-consent redirect, from {@link ConsentFlow#complete(java.util.Map)}. Exactly
 * one of six outcomes ({@link Proven}, a seventh, comes only from
 * {@link ConsentFlow#prove(java.util.Map)}); only {@link Granted} recorded anything. Every outcome has a
 * {@link #message()} a host can show (HTML-escaped) or log as it is: what the redirect's query carried
 * appears there on one line, its control, line-break and invisible formatting characters written as
 * <code>&#92;uXXXX</code>, and cut at {@value #QUOTED_LIMIT} characters. Immutable.
 */
public sealed interface ConsentResult {

    /** The most of one redirect value (an {@code error} or {@code error_description}) a message quotes. */
    int QUOTED_LIMIT = 300;

    /**
     * What happened and what to do, in words.
     *
     * @return the message, quoting what the redirect carried escaped and cut as described above; never null
     */
    String message();

    /**
     * True only for {@link Granted}.
     *
     * @return true if this is a {@link Granted}, false for every other outcome
     */
    default boolean granted() {
        return this instanceof Granted;
    }

    /**
     * The administrator's sign-in proved the tenant (a verified ID token's {@code tid}), the consent was
     * verified with an app-only token and recorded in the {@link ConsentStore}.
     *
     * @param consent the consent recorded in the {@link ConsentStore}; never null
     */
    record Granted(ConsentRecord consent) implements ConsentResult {
        /**
         * The tenant's GUID, from the token.
         *
         * @return the GUID of the tenant the consent was verified in; never null
         */
        public TenantId tenant() {
            return consent.tenant();
        }

        /**
         * The application permissions the token carries.
         *
         * @return the application permissions the token's {@code roles} claim carries, sorted; may be empty; never null
         */
        public Set<String> permissions() {
            return consent.permissions();
        }

        @Override
        public String message() {
            return "Admin consent verified for tenant " + consent.tenant() + " (credential '"
                    + consent.credentialName() + "'); the app holds "
                    + (consent.permissions().isEmpty()
                            ? "no application permissions yet"
                            : String.join(", ", consent.permissions()))
                    + ".";
        }
    }

    /**
     * Microsoft reported that consent was not given (declined, or a failure such as a wrong redirect
     * URI). {@code error} and {@code errorDescription} are Microsoft's; {@code words} and {@code fix}
     * are ours. {@code aadstsCode} may be null.
     *
     * @param error Microsoft's {@code error} parameter, such as {@code access_denied}
     * @param errorDescription Microsoft's {@code error_description}; may be null
     * @param aadstsCode the AADSTS number found in the description; null when there is none
     * @param words what happened, in plain words
     * @param fix what a person should do
     */
    record Declined(String error, String errorDescription, Integer aadstsCode, String words, String fix)
            implements ConsentResult {
        @Override
        public String message() {
            return printable(words, 2 * QUOTED_LIMIT) + " Fix: " + fix + describe(error, errorDescription);
        }
    }

    /**
     * The administrator cancelled the consent page. {@code errorDescription} may be null.
     *
     * @param error Microsoft's {@code error} parameter
     * @param errorDescription Microsoft's {@code error_description}; may be null
     */
    record Cancelled(String error, String errorDescription) implements ConsentResult {
        @Override
        public String message() {
            return "The administrator cancelled the consent page; nothing was granted. Open a new consent link"
                    + " when ready." + describe(error, errorDescription);
        }
    }

    /**
     * The {@code state} was refused: the redirect is not answered and nothing is recorded.
     *
     * @param reason why the state was refused
     * @param message what happened and what to do, in words
     */
    record InvalidState(Reason reason, String message) implements ConsentResult {
        /** Why the state was refused. */
        public enum Reason {
            /** Its signature does not match: it was altered or made with another key. */
            TAMPERED,
            /** It is older than the link lifetime. */
            EXPIRED,
            /** It was already used once. */
            REPLAYED,
            /** It is missing or not a state entra-sync made. */
            MALFORMED
        }
    }

    /**
     * Only from {@link ConsentFlow#prove(java.util.Map)}: the redirect proved which tenant's administrator
     * consented (the tenant is the verified ID token's {@code tid}), but nothing is recorded yet. Pass it
     * to {@link ConsentFlow#verify(String, TenantId, String)}, which confirms the consent with an
     * app-only token (waiting for Microsoft's propagation) and records it. {@code companyId} may be null.
     *
     * @param credentialName the name of the credential the consent link was made for
     * @param tenant the GUID of the tenant the signed-in administrator belongs to (the ID token's {@code tid})
     * @param companyId the host's company the consent link named; may be null
     */
    record Proven(String credentialName, TenantId tenant, String companyId) implements ConsentResult {
        @Override
        public String message() {
            return "An administrator of tenant " + tenant + " signed in and consented (credential '" + credentialName
                    + "'); the consent is being confirmed with Microsoft and is not recorded yet.";
        }
    }

    /**
     * The redirect did not prove which tenant's administrator consented, so nothing is recorded and no
     * app-only token is asked for. {@link #reason()} says which check failed; the message says what
     * happened and that the administrator should open a new consent link (the link was used up).
     *
     * @param reason which proof was missing or wrong
     * @param message what happened and what to do, in words
     */
    record NotProven(Reason reason, String message) implements ConsentResult {
        /** Which proof was missing or wrong. */
        public enum Reason {
            /** The redirect carried no authorization code (for example a link made by an older entra-sync). */
            NO_CODE,
            /** Microsoft refused to redeem the code: already redeemed (a replay), expired, or not ours. */
            CODE_REFUSED,
            /** The ID token failed verification: signature, algorithm, issuer, audience, nonce or lifetime. */
            ID_TOKEN_INVALID,
            /**
             * The signed-in administrator's tenant is not the one the link was for, or the redirect's
             * {@code tenant} parameter names another tenant than the ID token.
             */
            TENANT_MISMATCH,
            /** The cloud's signing keys or discovery document could not be fetched; try again later. */
            CLOUD_UNAVAILABLE
        }
    }

    /**
     * The tenant is known (proved by the administrator's sign-in, or given to
     * {@link ConsentFlow#verify}), but no app-only token could be had for it within the propagation
     * window (or the token named another tenant), or the credential the link named is no longer in the
     * credential store. Nothing is recorded.
     * {@code claimedTenant} (the tenant being verified) and the failure may be absent.
     *
     * @param claimedTenant the tenant being verified, as given or proved; may be null
     * @param message what happened and what to do, in words
     * @param tokenFailure the token endpoint's refusal; null when that was not the reason
     */
    record NotVerified(String claimedTenant, String message, TokenException tokenFailure) implements ConsentResult {
        /**
         * The token endpoint's refusal, if that was the reason.
         *
         * @return the {@link TokenException} the token endpoint refused with; empty when the reason was another
         */
        public Optional<TokenException> failure() {
            return Optional.ofNullable(tokenFailure);
        }
    }

    private static String describe(String error, String description) {
        return error == null
                ? ""
                : " (Microsoft: " + printable(error, QUOTED_LIMIT)
                        + (description == null ? "" : ": " + printable(description, QUOTED_LIMIT)) + ")";
    }

    /**
     * The text on one line, safe to log: control, line-break and invisible formatting characters (which
     * the redirect's query may carry to forge or hide log lines) as <code>&#92;uXXXX</code>, cut at {@code limit}.
     */
    private static String printable(String text, int limit) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), limit + 1));
        for (int i = 0; i < text.length() && out.length() < limit; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
            if (i < text.length() && out.length() >= limit) {
                out.append('…');
            }
        }
        return out.toString();
    }
}
