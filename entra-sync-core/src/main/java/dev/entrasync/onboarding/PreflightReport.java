package dev.entrasync.onboarding;

import dev.entrasync.AppCredential;
import dev.entrasync.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a {@link Preflight} found for one tenant: a value a host can show as it is
 * ({@link #toString()}), or read field by field. Immutable.
 *
 * @param credentialName the credential checked
 * @param tenant the tenant checked
 * @param checkedAt when
 * @param tokenIssued whether Entra issued an app-only token
 * @param grantedPermissions the token's {@code roles}; empty without a token
 * @param requiredPermissions what the enabled datasets need (least-privileged names)
 * @param secretExpiresInDays whole days until the client secret or certificate expires (negative once expired), or
 *     null when unknown (and for an assertion callback, which has no expiry)
 * @param entraIdP1 whether the tenant has Entra ID P1, when probed; null when not probed
 * @param problems what is wrong, errors first; empty when all is well
 * @param credentialKind how the credential signs in (which the expiry in {@link #toString()} is named after); null
 *     when the credential was not found
 */
public record PreflightReport(
        String credentialName,
        TenantId tenant,
        Instant checkedAt,
        boolean tokenIssued,
        Set<String> grantedPermissions,
        List<String> requiredPermissions,
        Long secretExpiresInDays,
        Boolean entraIdP1,
        List<PreflightProblem> problems,
        AppCredential.Kind credentialKind) {

    /**
     * A report about a client-secret credential (the form before certificates and assertions existed).
     *
     * @param credentialName the name of the credential checked
     * @param tenant the tenant checked
     * @param checkedAt when the check ran
     * @param tokenIssued true if Entra issued an app-only token
     * @param grantedPermissions the token's {@code roles}; never null, empty without a token
     * @param requiredPermissions what the enabled datasets need; never null
     * @param secretExpiresInDays whole days until the client secret expires, negative once expired; null when unknown
     * @param entraIdP1 whether the tenant has Entra ID P1; null when not probed
     * @param problems what is wrong, in any order; never null, empty when all is well
     * @throws NullPointerException if a collection is null or holds null
     */
    public PreflightReport(
            String credentialName,
            TenantId tenant,
            Instant checkedAt,
            boolean tokenIssued,
            Set<String> grantedPermissions,
            List<String> requiredPermissions,
            Long secretExpiresInDays,
            Boolean entraIdP1,
            List<PreflightProblem> problems) {
        this(
                credentialName,
                tenant,
                checkedAt,
                tokenIssued,
                grantedPermissions,
                requiredPermissions,
                secretExpiresInDays,
                entraIdP1,
                problems,
                AppCredential.Kind.SECRET);
    }

    /**
     * Copies the collections into unmodifiable ones and sorts the problems, errors first.
     *
     * @param credentialName the name of the credential checked
     * @param tenant the tenant checked
     * @param checkedAt when the check ran
     * @param tokenIssued true if Entra issued an app-only token
     * @param grantedPermissions the token's {@code roles}; never null, empty without a token
     * @param requiredPermissions what the enabled datasets need; never null
     * @param secretExpiresInDays whole days until the client secret or certificate expires, negative once expired;
     *     null when unknown
     * @param entraIdP1 whether the tenant has Entra ID P1; null when not probed
     * @param problems what is wrong, in any order; never null, empty when all is well
     * @param credentialKind how the credential signs in; null when the credential was not found
     * @throws NullPointerException if a collection is null or holds null
     */
    public PreflightReport {
        grantedPermissions = Set.copyOf(grantedPermissions);
        requiredPermissions = List.copyOf(requiredPermissions);
        problems = problems.stream()
                .sorted(java.util.Comparator.comparing(PreflightProblem::severity))
                .toList();
    }

    /**
     * True when no problem is an {@link PreflightProblem.Severity#ERROR}: syncing can start.
     *
     * @return true if no problem is an error, so syncing can start (warnings allowed)
     */
    public boolean ok() {
        return problems.stream().noneMatch(p -> p.severity() == PreflightProblem.Severity.ERROR);
    }

    /**
     * The problems of one kind.
     *
     * @param kind the kind of problem; never null
     * @return the problems of that kind, errors first; empty when there is none
     */
    public List<PreflightProblem> problems(PreflightProblem.Kind kind) {
        return problems.stream().filter(p -> p.kind() == kind).toList();
    }

    /** A few lines for people: the verdict, then one line per problem with its fix. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Preflight of tenant ")
                .append(tenant)
                .append(" with credential '")
                .append(credentialName)
                .append("': ")
                .append(problems.isEmpty() ? "all good" : ok() ? "can sync, with warnings" : "cannot sync yet");
        if (secretExpiresInDays != null) {
            text.append(credentialKind == AppCredential.Kind.CERTIFICATE ? "; certificate " : "; client secret ")
                    .append(secretExpiresInDays < 0 ? "expired" : "expires in " + secretExpiresInDays + " days");
        }
        for (PreflightProblem problem : problems) {
            text.append("\n- ").append(problem);
        }
        return text.toString();
    }
}
