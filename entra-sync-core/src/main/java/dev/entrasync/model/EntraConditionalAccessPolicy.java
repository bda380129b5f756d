package dev.entrasync.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Conditional Access policy, from Graph {@code /identity/conditionalAccess/policies} (Microsoft Entra ID P1,
 * Policy.Read.All): who and what it applies to, and what it demands. Delivered in the Conditional Access dataset
 * beside the tenant's {@link EntraSecurityDefaults}. User, group, role and application entries are ids or Graph's
 * keywords ({@code All}, {@code None}, {@code GuestsOrExternalUsers}, {@code Office365}, ...).
 *
 * @param id the policy's id
 * @param displayName the policy's name, or null
 * @param state {@code enabled}, {@code disabled} or {@code enabledForReportingButNotEnforced} (report-only), or null
 * @param createdDateTime when it was created, or null
 * @param modifiedDateTime when it was last changed, or null
 * @param includeUsers the users it applies to (ids, {@code All}, {@code None}, {@code GuestsOrExternalUsers})
 * @param excludeUsers the users it leaves out
 * @param includeGroups the groups whose members it applies to
 * @param excludeGroups the groups whose members it leaves out
 * @param includeRoles the directory role templates whose holders it applies to
 * @param excludeRoles the directory role templates whose holders it leaves out
 * @param includeApplications the applications it applies to (app ids, {@code All}, {@code Office365}, ...)
 * @param excludeApplications the applications it leaves out
 * @param includeUserActions the user actions it applies to, e.g. {@code urn:user:registersecurityinfo}
 * @param clientAppTypes the client apps it applies to, e.g. {@code all}, {@code browser}, {@code exchangeActiveSync}
 * @param grant what it demands before granting access; {@link ConditionalAccessGrant#NONE} when nothing
 * @param session its session controls; {@link ConditionalAccessSession#NONE} when none
 */
public record EntraConditionalAccessPolicy(
        String id,
        String displayName,
        String state,
        Instant createdDateTime,
        Instant modifiedDateTime,
        List<String> includeUsers,
        List<String> excludeUsers,
        List<String> includeGroups,
        List<String> excludeGroups,
        List<String> includeRoles,
        List<String> excludeRoles,
        List<String> includeApplications,
        List<String> excludeApplications,
        List<String> includeUserActions,
        List<String> clientAppTypes,
        ConditionalAccessGrant grant,
        ConditionalAccessSession session)
        implements EntraRecord {

    /** The state of a policy that is on. */
    public static final String ENABLED = "enabled";
    /** The state of a report-only policy: evaluated and logged, never enforced. */
    public static final String REPORT_ONLY = "enabledForReportingButNotEnforced";

    /**
     * Validates the components and copies the lists into unmodifiable ones, null read as empty.
     *
     * @param id the policy's id; never null
     * @param displayName the policy's name; may be null
     * @param state the policy's state; may be null
     * @param createdDateTime when it was created; may be null
     * @param modifiedDateTime when it was last changed; may be null
     * @param includeUsers the users it applies to; null is read as empty
     * @param excludeUsers the users it leaves out; null is read as empty
     * @param includeGroups the groups it applies to; null is read as empty
     * @param excludeGroups the groups it leaves out; null is read as empty
     * @param includeRoles the role templates it applies to; null is read as empty
     * @param excludeRoles the role templates it leaves out; null is read as empty
     * @param includeApplications the applications it applies to; null is read as empty
     * @param excludeApplications the applications it leaves out; null is read as empty
     * @param includeUserActions the user actions it applies to; null is read as empty
     * @param clientAppTypes the client apps it applies to; null is read as empty
     * @param grant the grant controls; null is read as {@link ConditionalAccessGrant#NONE}
     * @param session the session controls; null is read as {@link ConditionalAccessSession#NONE}
     * @throws NullPointerException if {@code id} is null
     */
    public EntraConditionalAccessPolicy {
        Objects.requireNonNull(id, "id");
        includeUsers = copy(includeUsers);
        excludeUsers = copy(excludeUsers);
        includeGroups = copy(includeGroups);
        excludeGroups = copy(excludeGroups);
        includeRoles = copy(includeRoles);
        excludeRoles = copy(excludeRoles);
        includeApplications = copy(includeApplications);
        excludeApplications = copy(excludeApplications);
        includeUserActions = copy(includeUserActions);
        clientAppTypes = copy(clientAppTypes);
        grant = grant == null ? ConditionalAccessGrant.NONE : grant;
        session = session == null ? ConditionalAccessSession.NONE : session;
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /**
     * Whether the policy is on and enforced (state {@code enabled}).
     *
     * @return true for {@link #ENABLED}; false for report-only, disabled or unknown
     */
    public boolean isEnforced() {
        return ENABLED.equals(state);
    }

    /**
     * Whether the policy is report-only: evaluated and logged, never enforced.
     *
     * @return true for {@link #REPORT_ONLY}
     */
    public boolean isReportOnly() {
        return REPORT_ONLY.equals(state);
    }

    /**
     * Whether it applies to every user ({@code includeUsers} holds {@code All}); exclusions such as break-glass
     * accounts are allowed and listed in {@link #excludeUsers()} and {@link #excludeGroups()}.
     *
     * @return true when {@code includeUsers} holds {@code All}
     */
    public boolean appliesToAllUsers() {
        return includeUsers.stream().anyMatch("All"::equalsIgnoreCase);
    }

    /**
     * Whether it applies to every cloud app ({@code includeApplications} holds {@code All}).
     *
     * @return true when {@code includeApplications} holds {@code All}
     */
    public boolean appliesToAllApplications() {
        return includeApplications.stream().anyMatch("All"::equalsIgnoreCase);
    }

    /**
     * Whether it is an enforced policy that requires MFA of all users for all cloud apps: what "MFA is enforced by
     * Conditional Access" means in a findings report.
     *
     * @return true when {@link #isEnforced()}, {@link #appliesToAllUsers()}, {@link #appliesToAllApplications()} and
     *     {@link ConditionalAccessGrant#requiresMfa()} all hold
     */
    public boolean enforcesMfaForAllUsers() {
        return isEnforced() && appliesToAllUsers() && appliesToAllApplications() && grant.requiresMfa();
    }
}
