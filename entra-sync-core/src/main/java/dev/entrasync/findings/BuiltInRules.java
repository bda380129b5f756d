package dev.entrasync.findings;

import dev.entrasync.Dataset;
import dev.entrasync.model.ApplicationCredential;
import dev.entrasync.model.AuditTarget;
import dev.entrasync.model.EntraApplication;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraConditionalAccessPolicy;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraManagedDevice;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraRoleMember;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSecurityDefaults;
import dev.entrasync.model.EntraSignInActivity;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import dev.entrasync.model.ModifiedProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The rules entra-sync ships, each naming the recommendation it comes from. Hosts take them all with {@link #all()}
 * (or {@link Findings#builtIn()}), or pick and configure single rules through the factory methods. Every rule returned
 * is immutable and thread-safe.
 */
public final class BuiltInRules {

    /**
     * The built-in directory roles counted as privileged, by role template id (the same in every tenant): the roles
     * CISA's SCuBA Entra ID baseline (MS.AAD.7) names as highly privileged, plus the other roles Microsoft marks
     * "privileged" in "Microsoft Entra built-in roles" (learn.microsoft.com/entra/identity/role-based-access-control/
     * permissions-reference) that can take over the tenant. The testkit's {@code RoleAuditEvents.PRIVILEGED} repeats
     * the ids (it cannot depend on core); {@code PrivilegedRolesTest} keeps the two equal.
     */
    static final Map<String, String> PRIVILEGED_ROLES = Map.ofEntries(
            Map.entry("62e90394-69f5-4237-9190-012177145e10", "Global Administrator"),
            Map.entry("e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator"),
            Map.entry("7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator"),
            Map.entry("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator"),
            Map.entry("f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "SharePoint Administrator"),
            Map.entry("29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator"),
            Map.entry("8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", "Hybrid Identity Administrator"),
            Map.entry("9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "Application Administrator"),
            Map.entry("158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator"),
            Map.entry("194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator"),
            Map.entry("b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", "Conditional Access Administrator"),
            Map.entry("c4e39bd9-1100-46d3-8c65-fb160da0071f", "Authentication Administrator"),
            Map.entry("3a2c62db-5318-420d-8d74-23affee5d9d5", "Intune Administrator"));

    /** The Global Administrator role's template id. */
    static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";

    /** The audit activity of a role given to a user, group or service principal (logged by Core Directory). */
    static final String ADD_MEMBER_TO_ROLE = "Add member to role";

    /** The audit activity of a role taken away. */
    static final String REMOVE_MEMBER_FROM_ROLE = "Remove member from role";

    /** The app Privileged Identity Management initiates its activations as. */
    static final String PIM_APP = "MS-PIM";

    /** Microsoft's own tenant: the owner of first-party service principals such as Microsoft Graph's. */
    static final String MICROSOFT_TENANT = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    private BuiltInRules() {}

    /**
     * Every built-in rule with its default thresholds: privileged roles assigned in the last day, app credentials
     * expiring within 30 days, accounts without a sign-in for 90 days, a secure score down by more than 5 points in 7
     * days.
     *
     * @return the rules, most important first; never null
     */
    public static List<FindingRule> all() {
        return List.of(
                mfaNotEnforced(),
                privilegedUsersWithoutMfa(),
                privilegedRoleAssignedRecently(Duration.ofDays(1)),
                globalAdministratorCount(),
                privilegedGuests(),
                highPrivilegeServicePrincipals(),
                appCredentialsExpiring(Duration.ofDays(30)),
                inactiveAccounts(Duration.ofDays(90)),
                nonCompliantDevices(),
                secureScoreDrop(5, Duration.ofDays(7)),
                unassignedLicenses());
    }

    /**
     * {@code mfa-not-enforced} (CRITICAL): neither security defaults nor an enabled Conditional Access policy requiring
     * MFA of all users for all cloud apps. Source: CISA SCuBA Microsoft Entra ID baseline MS.AAD.3.2v1 ("an alternative
     * MFA method SHALL be enforced for all users" when phishing-resistant MFA is not) and Microsoft's "Security
     * defaults in Microsoft Entra ID" (learn.microsoft.com/entra/fundamentals/security-defaults). A tenant whose
     * security defaults setting was not stored yields an INFO that the rule cannot be evaluated.
     *
     * @return the rule; never null
     */
    public static FindingRule mfaNotEnforced() {
        return new Rule(
                "mfa-not-enforced",
                "MFA is not enforced for all users",
                Severity.CRITICAL,
                EnumSet.of(Dataset.CONDITIONAL_ACCESS),
                (rule, data) -> {
                    List<EntraSecurityDefaults> defaults = data.records(EntraSecurityDefaults.class);
                    List<EntraConditionalAccessPolicy> policies = data.records(EntraConditionalAccessPolicy.class);
                    if (policies.stream().anyMatch(EntraConditionalAccessPolicy::enforcesMfaForAllUsers)
                            || defaults.stream().anyMatch(EntraSecurityDefaults::isEnabled)) {
                        return List.of();
                    }
                    if (defaults.isEmpty()) {
                        return List.of(rule.cannotEvaluate(
                                "The security defaults setting was not stored, so whether MFA is enforced is unknown.",
                                "Grant Policy.Read.All and sync the conditional_access dataset again."));
                    }
                    return List.of(rule.finding(
                            "Security defaults are off and no enabled Conditional Access policy requires MFA of all"
                                    + " users for all cloud apps (" + policies.size() + " policies checked).",
                            "Create a Conditional Access policy requiring MFA for All users and All cloud apps"
                                    + " (excluding only emergency access accounts), or turn security defaults on if the"
                                    + " tenant has no Entra ID P1.",
                            policies.stream()
                                    .filter(p -> p.grant().requiresMfa())
                                    .map(p -> new AffectedObject(p.id(), p.displayName()))
                                    .toList()));
                });
    }

    /**
     * {@code privileged-users-without-mfa} (CRITICAL): users holding a privileged role (see the role list above) whom
     * the MFA registration report shows as not registered. Source: Microsoft's "Best practices for Microsoft Entra
     * roles" ("turn on multifactor authentication for all your privileged accounts") and CISA SCuBA MS.AAD.3.6v1
     * (phishing-resistant MFA SHALL be required for highly privileged roles). Users
     * whose registration is unknown (no P1 for the report) are not reported as unregistered; when every privileged
     * user is unknown the rule reports an INFO that it cannot be evaluated.
     *
     * @return the rule; never null
     */
    public static FindingRule privilegedUsersWithoutMfa() {
        return new Rule(
                "privileged-users-without-mfa",
                "Privileged role members without MFA registered",
                Severity.CRITICAL,
                EnumSet.of(Dataset.USERS, Dataset.ROLES),
                (rule, data) -> {
                    Map<String, EntraUser> users = usersById(data);
                    List<AffectedObject> affected = new ArrayList<>();
                    int known = 0;
                    int privileged = 0;
                    for (EntraRoleMember m : privilegedUserMembers(data).values()) {
                        privileged++;
                        EntraUser u = users.get(m.id());
                        MfaStatus.State state =
                                u == null ? MfaStatus.State.UNKNOWN : u.mfa().state();
                        if (state != MfaStatus.State.UNKNOWN) {
                            known++;
                        }
                        if (state == MfaStatus.State.NOT_REGISTERED) {
                            affected.add(new AffectedObject(m.id(), m.label()));
                        }
                    }
                    if (!affected.isEmpty()) {
                        return List.of(rule.finding(
                                affected.size() + " of " + privileged
                                        + " users holding a privileged role have no MFA method registered.",
                                "Have each of them register a strong MFA method (Microsoft Authenticator, a passkey or a"
                                        + " FIDO2 key) now, and require MFA for admin roles with Conditional Access.",
                                affected));
                    }
                    if (privileged > 0 && known == 0) {
                        return List.of(rule.cannotEvaluate(
                                "The MFA registration of the " + privileged + " privileged users is unknown.",
                                "The registration report needs Entra ID P1 and AuditLog.Read.All; check the users"
                                        + " dataset's warnings."));
                    }
                    return List.of();
                });
    }

    /**
     * {@code privileged-role-assigned-recently} (HIGH): a privileged role (see the role list above) given to a user,
     * group or service principal within the window before now, read from the directory audit log's successful
     * {@code Add member to role} events (category {@code RoleManagement}); the role is recognised by the
     * {@code Role.TemplateId} the event names, else by its {@code Role.DisplayName}. An assignment the log shows
     * removed again later ({@code Remove member from role}) is not reported, and neither are the events Privileged
     * Identity Management initiates (its app {@code MS-PIM}): its time-bound activations of eligible assignments are the
     * recommended way to hold a role, and changes made in PIM are covered by PIM's own assignment alerts. Source: CISA SCuBA Microsoft Entra ID baseline MS.AAD.7.7v1 ("Eligible and Active
     * highly privileged role assignments SHALL trigger an alert"), Microsoft's "Best practices for Microsoft Entra
     * roles" (use Privileged Identity Management, review role assignments) and "Security operations for privileged
     * accounts" (learn.microsoft.com/entra/architecture/security-operations-privileged-accounts: monitor changes to
     * privileged role assignments).
     *
     * @param within how far back from now an assignment counts as recent, such as 1 day; positive
     * @return the rule; never null
     * @throws IllegalArgumentException if {@code within} is not positive or longer than
     *     100 years
     * @throws NullPointerException if {@code within} is null
     */
    public static FindingRule privilegedRoleAssignedRecently(Duration within) {
        checkWindow("within", within);
        String period = describe(within);
        return new Rule(
                "privileged-role-assigned-recently",
                "Privileged role assigned in the last " + period,
                Severity.HIGH,
                EnumSet.of(Dataset.AUDIT_LOGS),
                (rule, data) -> {
                    Instant since = data.now().minus(within);
                    List<EntraAuditEvent> events = data.records(EntraAuditEvent.class).stream()
                            .filter(e -> "success".equalsIgnoreCase(e.result()))
                            .filter(e -> !e.activityDateTime().isAfter(data.now()))
                            .sorted(java.util.Comparator.comparing(EntraAuditEvent::activityDateTime)
                                    .thenComparing(EntraAuditEvent::id))
                            .toList();
                    // member id + role -> the latest assignment in the window, dropped when removed after it
                    Map<String, RoleAssignment> assigned = new LinkedHashMap<>();
                    for (EntraAuditEvent e : events) {
                        boolean add = ADD_MEMBER_TO_ROLE.equalsIgnoreCase(e.activityDisplayName());
                        boolean remove = REMOVE_MEMBER_FROM_ROLE.equalsIgnoreCase(e.activityDisplayName());
                        if (!add && !remove) {
                            continue;
                        }
                        RoleAssignment a = RoleAssignment.of(e, add);
                        if (a == null || !a.privileged()) {
                            continue;
                        }
                        if (remove) {
                            assigned.remove(a.key());
                        } else if (!e.activityDateTime().isBefore(since)
                                && !PIM_APP.equalsIgnoreCase(e.initiatedByAppName())) {
                            assigned.remove(a.key());
                            assigned.put(a.key(), a);
                        }
                    }
                    if (assigned.isEmpty()) {
                        return List.of();
                    }
                    List<AffectedObject> affected = assigned.values().stream()
                            .map(a -> new AffectedObject(a.memberId(), a.label()))
                            .toList();
                    return List.of(rule.finding(
                            affected.size() + " privileged role assignment" + (affected.size() == 1 ? " was" : "s were")
                                    + " made in the last " + period + ".",
                            "Confirm with whoever made each assignment that it was intended, and remove the role"
                                    + " otherwise. Give privileged roles as eligible assignments in Privileged Identity"
                                    + " Management (activated when needed, for a few hours) rather than as permanent"
                                    + " ones.",
                            affected));
                });
    }

    /**
     * {@code global-admin-count} (HIGH): fewer than two or more than four Global Administrators. Source: Microsoft's
     * "Best practices for Microsoft Entra roles" ("limit the number of Global Administrators to less than 5") and
     * "Manage emergency access accounts" (at least two); CISA SCuBA MS.AAD.7.1v1 asks for two to eight.
     *
     * @return the rule; never null
     */
    public static FindingRule globalAdministratorCount() {
        return new Rule(
                "global-admin-count",
                "Fewer than two or more than four Global Administrators",
                Severity.HIGH,
                EnumSet.of(Dataset.ROLES),
                (rule, data) -> {
                    List<EntraRoleMember> members = new ArrayList<>();
                    for (EntraRole role : data.records(EntraRole.class)) {
                        if (isGlobalAdministrator(role)) {
                            members.addAll(role.members());
                        }
                    }
                    int n = members.size();
                    if (n >= 2 && n <= 4) {
                        return List.of();
                    }
                    List<AffectedObject> affected = members.stream()
                            .map(m -> new AffectedObject(m.id(), m.label()))
                            .toList();
                    return List.of(
                            n < 2
                                    ? rule.finding(
                                            "The tenant has " + n + " Global Administrator" + (n == 1 ? "" : "s")
                                                    + ": losing one account locks everyone out of the tenant.",
                                            "Assign a second Global Administrator, such as a cloud-only emergency"
                                                    + " access account.",
                                            affected)
                                    : rule.finding(
                                            "The tenant has " + n
                                                    + " Global Administrators: each is an account whose takeover"
                                                    + " is a takeover of the tenant.",
                                            "Reduce them to at most four: give the others a least-privileged role"
                                                    + " (such as User or Exchange Administrator) instead.",
                                            affected));
                });
    }

    /**
     * {@code privileged-guests} (HIGH): guest users holding a privileged role. Source: Microsoft's "Best practices for
     * Microsoft Entra roles" (use least privilege, review role assignments) and CISA SCuBA MS.AAD.7 (privileged
     * accounts); the tenant's administrators should be its own accounts, governed by its own policies.
     *
     * @return the rule; never null
     */
    public static FindingRule privilegedGuests() {
        return new Rule(
                "privileged-guests",
                "Guest users holding privileged roles",
                Severity.HIGH,
                EnumSet.of(Dataset.USERS, Dataset.ROLES),
                (rule, data) -> {
                    Map<String, EntraUser> users = usersById(data);
                    List<AffectedObject> affected = new ArrayList<>();
                    for (EntraRoleMember m : privilegedUserMembers(data).values()) {
                        EntraUser u = users.get(m.id());
                        boolean guest = u != null
                                ? "Guest".equalsIgnoreCase(u.userType())
                                : m.userPrincipalName() != null
                                        && m.userPrincipalName()
                                                .toUpperCase(Locale.ROOT)
                                                .contains("#EXT#");
                        if (guest) {
                            affected.add(new AffectedObject(m.id(), m.label()));
                        }
                    }
                    return affected.isEmpty()
                            ? List.of()
                            : List.of(rule.finding(
                                    affected.size() + " guest user" + (affected.size() == 1 ? " holds" : "s hold")
                                            + " a privileged role.",
                                    "Remove the roles from the guests; give administrators a member account of this"
                                            + " tenant instead.",
                                    affected));
                });
    }

    /**
     * {@code high-privilege-service-principals} (HIGH): service principals not owned by Microsoft that hold Microsoft
     * Graph application permissions allowing writes across the tenant ({@code *.ReadWrite.All},
     * {@code RoleManagement.ReadWrite.*}, {@code AppRoleAssignment.ReadWrite.All}, {@code Directory.ReadWrite.All},
     * ...). Source: CISA SCuBA MS.AAD.5 (applications and consent) and Microsoft's "Microsoft Graph permissions
     * reference" (learn.microsoft.com/graph/permissions-reference), which marks these as high privilege.
     *
     * @return the rule; never null
     */
    public static FindingRule highPrivilegeServicePrincipals() {
        return new Rule(
                "high-privilege-service-principals",
                "Service principals with high-privilege Microsoft Graph application permissions",
                Severity.HIGH,
                EnumSet.of(Dataset.APPLICATIONS),
                (rule, data) -> {
                    List<AffectedObject> affected = new ArrayList<>();
                    for (EntraApplication app : data.records(EntraApplication.class)) {
                        if (app.kind() != EntraApplication.Kind.SERVICE_PRINCIPAL
                                || MICROSOFT_TENANT.equalsIgnoreCase(app.appOwnerOrganizationId())) {
                            continue;
                        }
                        List<String> risky = app.graphPermissions().stream()
                                .filter(BuiltInRules::isHighPrivilege)
                                .toList();
                        if (!risky.isEmpty()) {
                            affected.add(new AffectedObject(
                                    app.id(),
                                    (app.displayName() == null ? app.id() : app.displayName()) + " ("
                                            + String.join(", ", risky) + ")"));
                        }
                    }
                    return affected.isEmpty()
                            ? List.of()
                            : List.of(rule.finding(
                                    affected.size() + " service principal"
                                            + (affected.size() == 1 ? " holds" : "s hold")
                                            + " Microsoft Graph application permissions that can change the whole"
                                            + " tenant without a signed-in user.",
                                    "Check each application's owner and need; replace the permissions with"
                                            + " least-privileged ones (read-only, or Sites.Selected-style scoped ones)"
                                            + " or remove the grant in Enterprise applications > Permissions.",
                                    affected));
                });
    }

    /**
     * {@code app-credentials-expiring} (MEDIUM): app registration or service principal secrets and certificates expired
     * or expiring within the window. Source: Microsoft's "Security best practices for application properties in
     * Microsoft Entra ID" (credential management: rotate before expiry, remove unused credentials).
     *
     * @param within how far ahead an expiry counts, such as 30 days; positive
     * @return the rule; never null
     * @throws IllegalArgumentException if {@code within} is not positive or longer than
     *     100 years
     * @throws NullPointerException if {@code within} is null
     */
    public static FindingRule appCredentialsExpiring(Duration within) {
        checkWindow("within", within);
        return new Rule(
                "app-credentials-expiring",
                "Application secrets or certificates expired or expiring within " + within.toDays() + " days",
                Severity.MEDIUM,
                EnumSet.of(Dataset.APPLICATIONS),
                (rule, data) -> {
                    Instant horizon = data.now().plus(within);
                    List<AffectedObject> affected = new ArrayList<>();
                    int expired = 0;
                    for (EntraApplication app : data.records(EntraApplication.class)) {
                        for (ApplicationCredential c : app.credentials()) {
                            if (c.endDateTime() != null && !c.endDateTime().isAfter(horizon)) {
                                boolean gone = c.expiredAt(data.now());
                                expired += gone ? 1 : 0;
                                affected.add(new AffectedObject(
                                        app.id(),
                                        (app.displayName() == null ? app.id() : app.displayName()) + ": "
                                                + c.kind().name().toLowerCase(Locale.ROOT) + " "
                                                + (gone ? "expired " : "expires ") + c.endDateTime()));
                                break;
                            }
                        }
                    }
                    return affected.isEmpty()
                            ? List.of()
                            : List.of(rule.finding(
                                    affected.size() + " application" + (affected.size() == 1 ? " has" : "s have")
                                            + " a secret or certificate expired (" + expired + ") or expiring within "
                                            + within.toDays() + " days.",
                                    "Add a new credential, switch the application to it, then delete the old one;"
                                            + " delete expired credentials nobody uses.",
                                    affected));
                });
    }

    /**
     * {@code inactive-accounts} (MEDIUM): enabled, licensed users older than the window with no sign-in of any kind in
     * the window. Source: Microsoft's "How to manage inactive user accounts" (learn.microsoft.com/entra/identity/
     * monitoring-health/howto-manage-inactive-user-accounts) and CIS Microsoft 365 Foundations (review and remove
     * unused accounts). Sign-in activity needs Entra ID P1: a tenant whose users have no sign-in records at all gets an
     * INFO that the rule cannot be evaluated, never a finding that everyone is inactive.
     *
     * @param window how long without a sign-in counts as inactive, such as 90 days; positive
     * @return the rule; never null
     * @throws IllegalArgumentException if {@code window} is not positive or longer than
     *     100 years
     * @throws NullPointerException if {@code window} is null
     */
    public static FindingRule inactiveAccounts(Duration window) {
        checkWindow("window", window);
        return new Rule(
                "inactive-accounts",
                "Enabled licensed accounts without a sign-in for " + window.toDays() + " days",
                Severity.MEDIUM,
                EnumSet.of(Dataset.USERS, Dataset.SIGN_IN_ACTIVITY),
                (rule, data) -> {
                    Instant since = data.now().minus(window);
                    Map<String, EntraSignInActivity> activity = new LinkedHashMap<>();
                    for (EntraSignInActivity a : data.records(EntraSignInActivity.class)) {
                        activity.put(a.id(), a);
                    }
                    List<EntraUser> candidates = data.records(EntraUser.class).stream()
                            .filter(u -> Boolean.TRUE.equals(u.accountEnabled()))
                            .filter(u -> !u.assignedLicenses().isEmpty())
                            .toList();
                    if (candidates.isEmpty()) {
                        return List.of();
                    }
                    if (activity.isEmpty()) {
                        return List.of(rule.cannotEvaluate(
                                "No sign-in activity is stored for the tenant's users, so inactivity is unknown.",
                                "Sign-in activity needs Microsoft Entra ID P1 and AuditLog.Read.All; check the"
                                        + " sign_in_activity dataset's warnings."));
                    }
                    List<AffectedObject> affected = new ArrayList<>();
                    for (EntraUser u : candidates) {
                        if (u.createdDateTime() != null && u.createdDateTime().isAfter(since)) {
                            continue;
                        }
                        EntraSignInActivity a = activity.get(u.id());
                        Instant last = a == null ? null : a.lastActivity();
                        if (last == null || last.isBefore(since)) {
                            affected.add(new AffectedObject(
                                    u.id(), u.userPrincipalName() != null ? u.userPrincipalName() : u.displayName()));
                        }
                    }
                    return affected.isEmpty()
                            ? List.of()
                            : List.of(rule.finding(
                                    affected.size() + " enabled, licensed account"
                                            + (affected.size() == 1 ? " has" : "s have") + " not signed in for "
                                            + window.toDays() + " days.",
                                    "Confirm with the owners; disable accounts nobody uses and remove their licences.",
                                    affected));
                });
    }

    /**
     * {@code non-compliant-devices} (MEDIUM): Intune managed devices whose compliance state is {@code noncompliant}.
     * Source: Microsoft Intune's "Device compliance policies" (learn.microsoft.com/mem/intune/protect/
     * device-compliance-get-started) and CISA SCuBA MS.AAD.3.7v1 (managed devices SHOULD be required for
     * authentication).
     *
     * @return the rule; never null
     */
    public static FindingRule nonCompliantDevices() {
        return new Rule(
                "non-compliant-devices",
                "Intune devices not compliant",
                Severity.MEDIUM,
                EnumSet.of(Dataset.MANAGED_DEVICES),
                (rule, data) -> {
                    List<AffectedObject> affected = data.records(EntraManagedDevice.class).stream()
                            .filter(d -> "noncompliant".equalsIgnoreCase(d.complianceState()))
                            .map(d -> new AffectedObject(
                                    d.id(),
                                    (d.deviceName() == null ? d.id() : d.deviceName())
                                            + (d.userPrincipalName() == null
                                                    ? ""
                                                    : " (" + d.userPrincipalName() + ")")))
                            .toList();
                    return affected.isEmpty()
                            ? List.of()
                            : List.of(rule.finding(
                                    affected.size() + " Intune managed device"
                                            + (affected.size() == 1 ? " is" : "s are") + " not compliant.",
                                    "Open each device in Intune (Devices > Monitor > Noncompliant devices), fix what"
                                            + " its compliance policy reports, or retire devices no longer used.",
                                    affected));
                });
    }

    /**
     * {@code secure-score-drop} (MEDIUM): the newest Microsoft Secure Score snapshot is more than {@code points} below
     * the oldest snapshot of the {@code window} before it (the score "a week ago" with the defaults). A drop means a
     * setting was weakened or a new control applies. Source: Microsoft Defender XDR's "Microsoft Secure Score"
     * (learn.microsoft.com/defender-xdr/microsoft-secure-score) and "Track your Microsoft Secure Score history"
     * (learn.microsoft.com/defender-xdr/microsoft-secure-score-history-metrics-trends), which recommend watching
     * the score's history for regressions. Fewer than two snapshots in the window yield nothing.
     *
     * @param points how many points the score must fall by, more than; not negative
     * @param window how far back from the newest snapshot to compare; positive
     * @return the rule; never null
     * @throws IllegalArgumentException if {@code points} is negative or not a number, or {@code window} is not
     *     positive
     * @throws NullPointerException if {@code window} is null
     */
    public static FindingRule secureScoreDrop(double points, Duration window) {
        checkWindow("window", window);
        if (!(points >= 0)) {
            throw new IllegalArgumentException("points must not be negative, was " + points);
        }
        return new Rule(
                "secure-score-drop",
                "Secure score dropped",
                Severity.MEDIUM,
                EnumSet.of(Dataset.SECURE_SCORES),
                (rule, data) -> {
                    List<EntraSecureScore> scores = data.records(EntraSecureScore.class).stream()
                            .filter(s -> s.createdDateTime() != null && s.currentScore() != null)
                            .sorted(java.util.Comparator.comparing(EntraSecureScore::createdDateTime))
                            .toList();
                    if (scores.size() < 2) {
                        return List.of();
                    }
                    EntraSecureScore newest = scores.get(scores.size() - 1);
                    Instant from = newest.createdDateTime().minus(window);
                    EntraSecureScore before = scores.stream()
                            .filter(s -> !s.createdDateTime().isBefore(from))
                            .findFirst()
                            .orElse(newest);
                    double drop = before.currentScore() - newest.currentScore();
                    if (before == newest || !(drop > points)) {
                        return List.of();
                    }
                    return List.of(rule.finding(
                            String.format(
                                    Locale.ROOT,
                                    "The secure score fell %.1f points in %d days, from %.1f to %.1f.",
                                    drop,
                                    Duration.between(before.createdDateTime(), newest.createdDateTime())
                                            .toDays(),
                                    before.currentScore(),
                                    newest.currentScore()),
                            "Open Microsoft Secure Score's History tab (security.microsoft.com/securescore) to see"
                                    + " which actions lost points, and restore the settings that were weakened.",
                            List.of(new AffectedObject(
                                    newest.id(),
                                    String.format(
                                            Locale.ROOT,
                                            "Secure score %.1f of %.1f",
                                            newest.currentScore(),
                                            newest.maxScore() == null ? Double.NaN : newest.maxScore())))));
                });
    }

    /**
     * {@code unassigned-licenses} (LOW): paid subscriptions with units nobody is assigned. Cost hygiene rather than a
     * security baseline: Microsoft 365 admin center's "Licenses" page shows the same available units. Free and trial
     * SKUs (part number containing {@code FREE} or {@code TRIAL}) and disabled subscriptions are not counted.
     *
     * @return the rule; never null
     */
    public static FindingRule unassignedLicenses() {
        return new Rule(
                "unassigned-licenses",
                "Paid licences unassigned",
                Severity.LOW,
                EnumSet.of(Dataset.LICENSES),
                (rule, data) -> {
                    List<AffectedObject> affected = new ArrayList<>();
                    int units = 0;
                    for (EntraLicense l : data.records(EntraLicense.class)) {
                        String part = l.skuPartNumber() == null
                                ? ""
                                : l.skuPartNumber().toUpperCase(Locale.ROOT);
                        int free = l.enabledUnits() - l.consumedUnits();
                        if (free > 0
                                && "Enabled".equalsIgnoreCase(l.capabilityStatus())
                                && !part.contains("FREE")
                                && !part.contains("TRIAL")) {
                            units += free;
                            String name = l.productName() != null ? l.productName() : l.skuPartNumber();
                            affected.add(new AffectedObject(l.id(), name + ": " + free + " unassigned"));
                        }
                    }
                    return affected.isEmpty()
                            ? List.of()
                            : List.of(rule.finding(
                                    units + " paid licence unit" + (units == 1 ? " is" : "s are") + " not assigned ("
                                            + affected.size() + " subscription" + (affected.size() == 1 ? "" : "s")
                                            + ").",
                                    "Assign them to users who need them, or reduce the subscription's quantity at its"
                                            + " next renewal.",
                                    affected));
                });
    }

    /** "day", "3 days", "hour", "12 hours", "90 minutes": a window as "in the last ..." says it. */
    static String describe(Duration window) {
        if (window.toDays() > 0 && window.equals(Duration.ofDays(window.toDays()))) {
            return window.toDays() == 1 ? "day" : window.toDays() + " days";
        }
        if (window.toHours() > 0 && window.equals(Duration.ofHours(window.toHours()))) {
            return window.toHours() == 1 ? "hour" : window.toHours() + " hours";
        }
        long minutes = Math.max(1, window.toMinutes());
        return minutes == 1 ? "minute" : minutes + " minutes";
    }

    /**
     * One role assignment or removal an audit event records: its member (the first target that is not the role) and
     * the role, from the member's {@code Role.*} modified properties, else from the target of type {@code Role}.
     */
    private record RoleAssignment(
            String memberId, String memberName, String roleTemplateId, String roleName, EntraAuditEvent event) {

        /** The assignment {@code event} records, or null when it names no member or no role. */
        static RoleAssignment of(EntraAuditEvent event, boolean added) {
            AuditTarget member = null;
            AuditTarget role = null;
            for (AuditTarget t : event.targetResources()) {
                if ("Role".equalsIgnoreCase(t.type())) {
                    role = role == null ? t : role;
                } else if (member == null && t.id() != null) {
                    member = t;
                }
            }
            if (member == null) {
                return null;
            }
            String templateId = roleValue(member, "Role.TemplateId", added);
            String name = roleValue(member, "Role.DisplayName", added);
            if (name == null && role != null) {
                name = role.displayName();
            }
            if (templateId == null && name == null) {
                return null;
            }
            String memberName = member.userPrincipalName() != null
                    ? member.userPrincipalName()
                    : member.displayName() != null ? member.displayName() : member.id();
            return new RoleAssignment(member.id(), memberName, templateId, name, event);
        }

        /** A role property: the new value of an addition, the old value of a removal; blank read as null. */
        private static String roleValue(AuditTarget member, String property, boolean added) {
            ModifiedProperty p = member.modifiedProperty(property);
            String v = p == null ? null : added ? p.newText() : p.oldText();
            return v == null || v.isBlank() ? null : v.strip();
        }

        boolean privileged() {
            if (roleTemplateId != null) {
                return PRIVILEGED_ROLES.containsKey(roleTemplateId.toLowerCase(Locale.ROOT));
            }
            return PRIVILEGED_ROLES.values().stream().anyMatch(n -> n.equalsIgnoreCase(roleName));
        }

        /** The member and the role: the same for an assignment and its removal. */
        String key() {
            String role = roleTemplateId != null
                    ? roleTemplateId.toLowerCase(Locale.ROOT)
                    : PRIVILEGED_ROLES.entrySet().stream()
                            .filter(en -> en.getValue().equalsIgnoreCase(roleName))
                            .map(Map.Entry::getKey)
                            .findFirst()
                            .orElse(roleName.toLowerCase(Locale.ROOT));
            return memberId.toLowerCase(Locale.ROOT) + "/" + role;
        }

        /** What the finding lists: who got which role, from whom, when. */
        String label() {
            String role = roleName != null ? roleName : PRIVILEGED_ROLES.get(roleTemplateId.toLowerCase(Locale.ROOT));
            String by = event.initiatedByUserPrincipalName() != null
                    ? event.initiatedByUserPrincipalName()
                    : event.initiatedByAppName() != null ? event.initiatedByAppName() : "an unknown initiator";
            return memberName + ": " + role + ", assigned by " + by + " at " + event.activityDateTime();
        }
    }

    private static boolean isGlobalAdministrator(EntraRole role) {
        return GLOBAL_ADMINISTRATOR.equalsIgnoreCase(role.roleTemplateId())
                || (role.roleTemplateId() == null && "Global Administrator".equalsIgnoreCase(role.displayName()));
    }

    private static boolean isPrivileged(EntraRole role) {
        return role.roleTemplateId() != null
                ? PRIVILEGED_ROLES.containsKey(role.roleTemplateId().toLowerCase(Locale.ROOT))
                : PRIVILEGED_ROLES.containsValue(role.displayName());
    }

    /** The user members of privileged roles, by object id, in role then member order. */
    private static Map<String, EntraRoleMember> privilegedUserMembers(TenantData data) {
        Map<String, EntraRoleMember> out = new LinkedHashMap<>();
        for (EntraRole role : data.records(EntraRole.class)) {
            if (isPrivileged(role)) {
                for (EntraRoleMember m : role.members()) {
                    if ("user".equalsIgnoreCase(m.type())) {
                        out.putIfAbsent(m.id(), m);
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, EntraUser> usersById(TenantData data) {
        Map<String, EntraUser> users = new LinkedHashMap<>();
        for (EntraUser u : data.records(EntraUser.class)) {
            users.put(u.id(), u);
        }
        return users;
    }

    /**
     * Whether a Microsoft Graph application permission allows writes across the tenant: any {@code *.ReadWrite.All},
     * {@code RoleManagement.ReadWrite.*}, plus {@code Application.ReadWrite.OwnedBy} (can add credentials to apps) and
     * {@code Mail.Send} (can send as any user).
     */
    static boolean isHighPrivilege(String permission) {
        return permission.endsWith(".ReadWrite.All")
                || permission.startsWith("RoleManagement.ReadWrite.")
                || permission.equals("Application.ReadWrite.OwnedBy")
                || permission.equals("Mail.Send");
    }

    /** A built-in rule: its identity and its check. */
    /** The longest window a rule takes: 100 years, so that "now minus the window" stays a valid instant. */
    private static final Duration LONGEST_WINDOW = Duration.ofDays(36_500);

    /** Refuses a null, zero, negative or over-long window, naming the parameter. */
    private static void checkWindow(String name, Duration window) {
        Objects.requireNonNull(window, name);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(name + ": must be positive, was " + window);
        }
        if (window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException(name + ": must be at most 36500 days (100 years), was " + window);
        }
    }

    /** A rule made of its parts: the built-in rules, and a host's through {@link FindingRule#of}. */
    record Rule(
            String id,
            String title,
            Severity severity,
            Set<Dataset> datasets,
            BiFunction<Rule, TenantData, List<Finding>> check)
            implements FindingRule {

        Rule {
            datasets = Collections.unmodifiableSet(EnumSet.copyOf(datasets));
        }

        @Override
        public List<Finding> evaluate(TenantData data) {
            return check.apply(this, data);
        }

        Finding finding(String detail, String fix, List<AffectedObject> affected) {
            return new Finding(id, severity, title, detail, fix, affected);
        }

        Finding cannotEvaluate(String detail, String fix) {
            return new Finding(id, Severity.INFO, title + " (cannot be evaluated)", detail, fix, List.of());
        }

        @Override
        public String toString() {
            return "FindingRule[" + id + "]";
        }
    }
}
