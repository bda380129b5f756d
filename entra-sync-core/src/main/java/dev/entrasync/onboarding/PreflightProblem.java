package dev.entrasync.onboarding;

import java.util.Objects;

/**
 * One thing a preflight found wrong, with the exact fix. Immutable.
 *
 * @param kind what is wrong
 * @param severity whether syncing fails ({@link Severity#ERROR}) or works with less ({@link Severity#WARNING})
 * @param words what is wrong, in plain words
 * @param fix what a person should do
 * @param permission the application permission to add, for {@link Kind#MISSING_PERMISSION}; else null
 * @param reConsentUrl the admin-consent link to open after the fix, when consent is involved; else null
 */
public record PreflightProblem(
        Kind kind, Severity severity, String words, String fix, String permission, ConsentUrl reConsentUrl) {

    /** What is wrong. */
    public enum Kind {
        /** The mapping names a credential the credential store does not have. */
        CREDENTIAL_NOT_FOUND,
        /** Entra refused the app-only token (its AADSTS failure, in words). */
        TOKEN_REFUSED,
        /** The client secret or certificate has expired. */
        SECRET_EXPIRED,
        /** The client secret or certificate expires within 30 days. */
        SECRET_EXPIRING,
        /** The credential does not say when its secret expires. */
        SECRET_EXPIRY_UNKNOWN,
        /** The token lacks an application permission an enabled dataset needs. */
        MISSING_PERMISSION,
        /** The tenant lacks the licence part of a dataset needs (Entra ID P1 for MFA and sign-in activity, Microsoft Intune for managed
         * devices). */
        LICENSE_MISSING,
        /** A probe could not tell (Graph failed); try again later. */
        PROBE_FAILED
    }

    /** How bad it is. */
    public enum Severity {
        /** Syncing (or a dataset) fails until it is fixed. */
        ERROR,
        /** Syncing works, with less data or soon not at all. */
        WARNING
    }

    /**
     * Validates the components.
     *
     * @param kind what is wrong; never null
     * @param severity how bad it is; never null
     * @param words what is wrong, in plain words; never null
     * @param fix what a person should do; never null
     * @param permission the application permission to add, for {@link Kind#MISSING_PERMISSION}; null otherwise
     * @param reConsentUrl the admin-consent link to open after the fix; null when consent is not involved
     * @throws NullPointerException for a missing kind, severity, words or fix
     */
    public PreflightProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(fix, "fix");
    }

    /** One line: severity, words, fix and the re-consent link if any. */
    @Override
    public String toString() {
        return "[" + severity + "] " + words + " Fix: " + fix
                + (reConsentUrl == null ? "" : " Re-consent: " + reConsentUrl.uri());
    }
}
