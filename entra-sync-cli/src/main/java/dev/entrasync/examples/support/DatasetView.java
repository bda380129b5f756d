package dev.entrasync.examples.support;

import dev.entrasync.Dataset;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraConditionalAccessPolicy;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraRoleMember;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSecurityDefaults;
import dev.entrasync.model.EntraSignInActivity;
import dev.entrasync.model.EntraTenantProfile;
import dev.entrasync.model.EntraUser;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A dataset as a table a person reads: the columns, and one row of text per record. The CLI's {@code show}
 * prints it; the web host renders it as HTML.
 *
 * @param columns the column headers
 * @param rows the rows, each as long as {@code columns}
 */
public record DatasetView(List<String> columns, List<List<String>> rows) {

    /** The tenant's records of a dataset, as a table. */
    public static DatasetView of(RecordSource source, TenantId tenant, Dataset dataset) {
        return switch (dataset) {
            case USERS ->
                view(
                        source.records(tenant, EntraUser.class),
                        List.of("User principal name", "Name", "Type", "Enabled", "MFA", "Roles", "Licences"),
                        u -> List.of(
                                text(u.userPrincipalName()),
                                text(u.displayName()),
                                text(u.userType()),
                                text(u.accountEnabled()),
                                u.mfa().state().name().toLowerCase().replace('_', ' '),
                                String.join(", ", u.directoryRoles()),
                                String.valueOf(u.assignedLicenses().size())));
            case DEVICES ->
                view(
                        source.records(tenant, EntraDevice.class),
                        List.of("Device", "OS", "Version", "Join type", "Managed", "Compliant", "Last sign-in"),
                        d -> List.of(
                                text(d.displayName()),
                                text(d.operatingSystem()),
                                text(d.operatingSystemVersion()),
                                text(d.trustType()),
                                text(d.isManaged()),
                                text(d.isCompliant()),
                                date(d.approximateLastSignInDateTime())));
            case GROUPS ->
                view(
                        source.records(tenant, EntraGroup.class),
                        List.of("Group", "Types", "Mail", "Security", "Members"),
                        g -> List.of(
                                text(g.displayName()),
                                g.kind().label(),
                                text(g.mail()),
                                text(g.securityEnabled()),
                                text(g.memberCount())));
            case LICENSES ->
                view(
                        source.records(tenant, EntraLicense.class),
                        List.of("Product", "SKU", "Used", "Enabled", "Status"),
                        l -> List.of(
                                l.productName(),
                                l.skuPartNumber(),
                                String.valueOf(l.consumedUnits()),
                                String.valueOf(l.enabledUnits()),
                                text(l.capabilityStatus())));
            case ROLES ->
                view(
                        source.records(tenant, EntraRole.class),
                        List.of("Role", "Members", "Who"),
                        r -> List.of(
                                text(r.displayName()),
                                String.valueOf(r.memberCount()),
                                r.members().stream().map(EntraRoleMember::label).collect(Collectors.joining(", "))));
            case AUDIT_LOGS ->
                view(
                        sorted(
                                source.records(tenant, EntraAuditEvent.class),
                                Comparator.comparing(EntraAuditEvent::activityDateTime)
                                        .reversed()),
                        List.of("When", "Activity", "Category", "Result", "By"),
                        a -> List.of(
                                a.activityDateTime().toString(),
                                text(a.activityDisplayName()),
                                text(a.category()),
                                text(a.result()),
                                text(
                                        a.initiatedByUserPrincipalName() != null
                                                ? a.initiatedByUserPrincipalName()
                                                : a.initiatedByAppName())));
            case SECURE_SCORES ->
                view(
                        sorted(
                                source.records(tenant, EntraSecureScore.class),
                                Comparator.comparing(EntraSecureScore::createdDateTime)
                                        .reversed()),
                        List.of("Date", "Score", "Max", "Active users"),
                        s -> List.of(
                                date(s.createdDateTime()),
                                text(s.currentScore()),
                                text(s.maxScore()),
                                text(s.activeUserCount())));
            case TENANT_PROFILE ->
                view(
                        source.records(tenant, EntraTenantProfile.class),
                        List.of("Name", "Default domain", "Verified domains"),
                        p -> List.of(
                                text(p.displayName()),
                                text(p.defaultDomain()),
                                String.join(", ", p.verifiedDomains())));
            case SIGN_IN_ACTIVITY ->
                view(
                        sorted(
                                source.records(tenant, EntraSignInActivity.class),
                                Comparator.comparing(
                                        EntraSignInActivity::userPrincipalName,
                                        Comparator.nullsLast(Comparator.naturalOrder()))),
                        List.of("User principal name", "Last interactive", "Last non-interactive", "Last successful"),
                        a -> List.of(
                                text(a.userPrincipalName()),
                                signIn(a.lastSignIn(), a),
                                signIn(a.lastNonInteractiveSignIn(), a),
                                signIn(a.lastSuccessfulSignIn(), a)));
            case CONDITIONAL_ACCESS -> conditionalAccess(source, tenant);
        };
    }

    /** The policies, then the security defaults as a last row. */
    private static DatasetView conditionalAccess(RecordSource source, TenantId tenant) {
        List<String> columns = List.of("Policy", "State", "Users", "Apps", "Grant", "Session");
        List<List<String>> rows = new java.util.ArrayList<>();
        source.records(tenant, EntraConditionalAccessPolicy.class).stream()
                .sorted(Comparator.comparing(
                        EntraConditionalAccessPolicy::displayName, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(p -> rows.add(List.of(
                        text(p.displayName()),
                        p.isReportOnly() ? "report-only" : text(p.state()),
                        usersText(p),
                        appsText(p),
                        grantText(p),
                        sessionText(p))));
        for (EntraSecurityDefaults d : source.records(tenant, EntraSecurityDefaults.class)) {
            rows.add(List.of(
                    "Security defaults",
                    d.enabled() == null ? "unknown" : d.isEnabled() ? "enabled" : "disabled",
                    "",
                    "",
                    "",
                    ""));
        }
        return new DatasetView(columns, rows);
    }

    /** A sign-in time, or {@code never} for a user with none kept. */
    private static String signIn(Instant at, EntraSignInActivity activity) {
        return at != null ? at.toString() : activity.lastActivity() == null ? "never" : "";
    }

    /**
     * Whom a policy applies to, e.g. {@code All; excl. 2} or {@code 5 roles; excl. 1}.
     *
     * @param p the policy
     * @return plain text
     */
    public static String usersText(EntraConditionalAccessPolicy p) {
        return scope(p.includeUsers(), p.includeGroups(), p.includeRoles(), p.excludeUsers(), p.excludeGroups());
    }

    /**
     * Which apps a policy applies to, e.g. {@code All} or {@code Office365; excl. 1}.
     *
     * @param p the policy
     * @return plain text
     */
    public static String appsText(EntraConditionalAccessPolicy p) {
        return scope(p.includeApplications(), List.of(), List.of(), p.excludeApplications(), List.of());
    }

    private static String scope(
            List<String> users, List<String> groups, List<String> roles, List<String> exUsers, List<String> exGroups) {
        List<String> parts = new java.util.ArrayList<>();
        if (users.size() == 1 && !users.get(0).contains("-")) {
            parts.add(users.get(0));
        } else if (!users.isEmpty()) {
            parts.add(users.size() + (users.size() == 1 ? " item" : " items"));
        }
        if (!groups.isEmpty()) {
            parts.add(groups.size() + (groups.size() == 1 ? " group" : " groups"));
        }
        if (!roles.isEmpty()) {
            parts.add(roles.size() + (roles.size() == 1 ? " role" : " roles"));
        }
        int excluded = exUsers.size() + exGroups.size();
        String text = String.join(", ", parts);
        return excluded == 0 ? text : text + "; excl. " + excluded;
    }

    /**
     * A policy's grant controls, e.g. {@code compliantDevice OR domainJoinedDevice}.
     *
     * @param p the policy
     * @return plain text; empty when the policy has none
     */
    public static String grantText(EntraConditionalAccessPolicy p) {
        List<String> controls = new java.util.ArrayList<>(p.grant().builtInControls());
        if (p.grant().authenticationStrengthName() != null) {
            controls.add(p.grant().authenticationStrengthName());
        }
        return String.join(
                " " + (p.grant().operator() == null ? "OR" : p.grant().operator()) + " ", controls);
    }

    /**
     * A policy's session controls, e.g. {@code sign-in every 8 hours, persistent browser never}.
     *
     * @param p the policy
     * @return plain text; empty when the policy has none
     */
    public static String sessionText(EntraConditionalAccessPolicy p) {
        List<String> parts = new java.util.ArrayList<>();
        if (p.session().signInFrequencyValue() != null) {
            parts.add("sign-in every " + p.session().signInFrequencyValue() + " "
                    + text(p.session().signInFrequencyType()));
        } else if ("everyTime".equals(p.session().signInFrequencyInterval())) {
            parts.add("sign-in every time");
        }
        if (p.session().persistentBrowserMode() != null) {
            parts.add("persistent browser " + p.session().persistentBrowserMode());
        }
        if (p.session().cloudAppSecurityType() != null) {
            parts.add("Defender for Cloud Apps " + p.session().cloudAppSecurityType());
        }
        if (Boolean.TRUE.equals(p.session().applicationEnforcedRestrictions())) {
            parts.add("app-enforced restrictions");
        }
        return String.join(", ", parts);
    }

    private static <R> DatasetView view(List<R> records, List<String> columns, Function<R, List<String>> row) {
        return new DatasetView(columns, records.stream().map(row).toList());
    }

    private static <R> List<R> sorted(List<R> records, Comparator<R> order) {
        return records.stream().sorted(order).toList();
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof Double d ? String.valueOf(Math.round(d)) : value.toString();
    }

    private static String date(Instant instant) {
        return instant == null ? "" : instant.toString().substring(0, 10);
    }
}
