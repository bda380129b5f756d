package dev.entrasync.examples.web;

import dev.entrasync.Dataset;
import dev.entrasync.model.ApplicationCredential;
import dev.entrasync.model.EntraApplication;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraManagedDevice;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraRoleMember;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraTenantProfile;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * How the company page shows each dataset: the record type read from the database, the column headers, and a
 * row of escaped HTML cells per record. Every field the product shows per company is here.
 *
 * @param type the record type {@code JdbcQueries.page} reads
 * @param columns the headers
 * @param row a record's cells, escaped HTML, as many as {@code columns}
 * @param <R> the record type
 */
record RecordTables<R extends EntraRecord>(
        Class<R> type, List<String> columns, BiFunction<R, Cells, List<String>> row) {

    /** MFA shown for a user whose registration could not be read (no Entra ID P1). */
    static final String MFA_UNKNOWN = "n/a";

    /** The table of {@code dataset}. */
    static RecordTables<?> of(Dataset dataset) {
        return switch (dataset) {
            case USERS ->
                new RecordTables<>(
                        EntraUser.class,
                        List.of(
                                "User principal name",
                                "Name",
                                "Enabled",
                                "Type",
                                "Roles",
                                "MFA",
                                "Other mails",
                                "Password policies",
                                "Licences",
                                "Created"),
                        (u, c) -> List.of(
                                Cells.text(u.userPrincipalName()),
                                Cells.text(u.displayName()),
                                Cells.yesNo(u.accountEnabled()),
                                Cells.text(u.userType()),
                                Cells.list(u.directoryRoles()),
                                mfa(u.mfa()),
                                Cells.list(u.otherMails()),
                                Cells.text(u.passwordPolicies()),
                                String.valueOf(u.assignedLicenses().size()),
                                c.time(u.createdDateTime())));
            case DEVICES ->
                new RecordTables<>(
                        EntraDevice.class,
                        List.of(
                                "Device",
                                "OS",
                                "Version",
                                "Intune managed",
                                "Compliant",
                                "Trust type",
                                "Last sign-in",
                                "Registered"),
                        (d, c) -> List.of(
                                Cells.text(d.displayName()),
                                Cells.text(d.operatingSystem()),
                                Cells.text(d.operatingSystemVersion()),
                                Cells.yesNo(d.isManaged()),
                                Cells.yesNo(d.isCompliant()),
                                Cells.text(trustType(d.trustType())),
                                c.time(d.approximateLastSignInDateTime()),
                                c.time(d.registrationDateTime())));
            case GROUPS ->
                new RecordTables<>(
                        EntraGroup.class,
                        List.of(
                                "Group",
                                "Type",
                                "Mail",
                                "Proxy addresses",
                                "Resource behaviour options",
                                "Security identifier",
                                "Members"),
                        (g, c) -> List.of(
                                Cells.text(g.displayName()),
                                "<span class=\"group-kind\">"
                                        + Html.esc(g.kind().label()) + "</span>"
                                        + (g.groupTypes().contains("DynamicMembership") ? " (dynamic)" : ""),
                                Cells.text(g.mail()),
                                Cells.list(g.proxyAddresses()),
                                Cells.list(g.resourceBehaviorOptions()),
                                Cells.text(g.securityIdentifier()),
                                Cells.text(g.memberCount())));
            case LICENSES ->
                new RecordTables<>(
                        EntraLicense.class,
                        List.of("Product", "SKU", "Status", "Active", "Consumed", "Warning", "Suspended", "Locked out"),
                        (l, c) -> List.of(
                                Cells.text(l.productName()),
                                Cells.text(l.skuPartNumber()),
                                Cells.text(l.capabilityStatus()),
                                String.valueOf(l.enabledUnits()),
                                String.valueOf(l.consumedUnits()),
                                String.valueOf(l.warningUnits()),
                                String.valueOf(l.suspendedUnits()),
                                String.valueOf(l.lockedOutUnits())));
            case ROLES ->
                new RecordTables<>(
                        EntraRole.class,
                        List.of("Role", "Description", "Template id", "Members", "Who"),
                        (r, c) -> List.of(
                                Cells.text(r.displayName()),
                                Cells.text(r.description()),
                                Cells.text(r.roleTemplateId()),
                                String.valueOf(r.memberCount()),
                                Html.esc(r.members().stream()
                                        .map(EntraRoleMember::label)
                                        .collect(Collectors.joining(", ")))));
            case AUDIT_LOGS ->
                new RecordTables<>(
                        EntraAuditEvent.class,
                        List.of(
                                "When",
                                "Activity",
                                "Category",
                                "Result",
                                "Result reason",
                                "Service",
                                "Initiated by",
                                "IP address",
                                "Correlation id"),
                        (a, c) -> List.of(
                                c.time(a.activityDateTime()),
                                Cells.text(a.activityDisplayName()),
                                Cells.text(a.category()),
                                Cells.text(a.result()),
                                Cells.text(a.resultReason()),
                                Cells.text(a.loggedByService()),
                                Html.esc(
                                        a.initiatedByUserPrincipalName() != null
                                                ? a.initiatedByUserPrincipalName()
                                                : a.initiatedByAppName()),
                                Cells.text(a.initiatorIpAddress()),
                                Cells.text(a.correlationId())));
            case SECURE_SCORES ->
                new RecordTables<>(
                        EntraSecureScore.class,
                        List.of("Date", "Score", "Max", "Active users", "Licensed users"),
                        (s, c) -> List.of(
                                c.time(s.createdDateTime()),
                                number(s.currentScore()),
                                number(s.maxScore()),
                                Cells.text(s.activeUserCount()),
                                Cells.text(s.licensedUserCount())));
            case TENANT_PROFILE ->
                new RecordTables<>(
                        EntraTenantProfile.class,
                        List.of("Name", "Default domain", "Verified domains"),
                        (p, c) -> List.of(
                                Cells.text(p.displayName()),
                                Cells.text(p.defaultDomain()),
                                Cells.list(p.verifiedDomains())));
            case APPLICATIONS ->
                new RecordTables<>(
                        EntraApplication.class,
                        List.of(
                                "Application",
                                "Kind",
                                "App id",
                                "Type",
                                "Enabled",
                                "Audience",
                                "Secrets and certificates",
                                "Next expiry",
                                "Microsoft Graph permissions",
                                "Created"),
                        (a, c) -> List.of(
                                Cells.text(a.displayName()),
                                a.kind() == EntraApplication.Kind.APPLICATION
                                        ? "App registration"
                                        : "Service principal",
                                Cells.text(a.appId()),
                                Cells.text(a.servicePrincipalType()),
                                Cells.yesNo(a.accountEnabled()),
                                Cells.text(a.signInAudience()),
                                credentials(a.credentials(), c),
                                a.nextExpiring()
                                        .map(x -> c.time(x.endDateTime()))
                                        .orElse(""),
                                Cells.list(a.graphPermissions()),
                                c.time(a.createdDateTime())));
            case MANAGED_DEVICES ->
                new RecordTables<>(
                        EntraManagedDevice.class,
                        List.of(
                                "Device",
                                "OS",
                                "Version",
                                "Compliance",
                                "Management agent",
                                "Serial number",
                                "Manufacturer",
                                "Model",
                                "Wi-Fi MAC",
                                "Ethernet MAC",
                                "Encrypted",
                                "Primary user",
                                "Entra device id",
                                "Enrolled",
                                "Last sync"),
                        (d, c) -> List.of(
                                Cells.text(d.deviceName()),
                                Cells.text(d.operatingSystem()),
                                Cells.text(d.osVersion()),
                                "noncompliant".equals(d.complianceState())
                                        ? "<span class=\"bad\">noncompliant</span>"
                                        : Cells.text(d.complianceState()),
                                Cells.text(d.managementAgent()),
                                Cells.text(d.serialNumber()),
                                Cells.text(d.manufacturer()),
                                Cells.text(d.model()),
                                Cells.text(d.wiFiMacAddress()),
                                Cells.text(d.ethernetMacAddress()),
                                Cells.yesNo(d.isEncrypted()),
                                Cells.text(d.userPrincipalName()),
                                Cells.text(d.azureADDeviceId()),
                                c.time(d.enrolledDateTime()),
                                c.time(d.lastSyncDateTime())));
        };
    }

    /** The row of {@code record}, which must be of {@link #type()}. */
    List<String> cells(EntraRecord record, Cells cells) {
        return row.apply(type.cast(record), cells);
    }

    /** Each credential as "secret|certificate name, ends &lt;time&gt;", an expired one marked. */
    private static String credentials(List<ApplicationCredential> credentials, Cells c) {
        return credentials.stream()
                .map(x -> (x.kind() == ApplicationCredential.Kind.SECRET ? "Secret " : "Certificate ")
                        + Html.esc(x.displayName() == null ? x.keyId() : x.displayName())
                        + (x.endDateTime() == null ? "" : ", ends " + c.time(x.endDateTime())))
                .collect(Collectors.joining("<br>"));
    }

    private static String mfa(MfaStatus mfa) {
        return switch (mfa.state()) {
            case REGISTERED -> "Registered";
            case NOT_REGISTERED -> "<span class=\"bad\">Not registered</span>";
            case UNKNOWN -> "<span title=\"Needs Microsoft Entra ID P1\">" + MFA_UNKNOWN + "</span>";
        };
    }

    /** Graph's trust types as Entra admin center names them. */
    private static String trustType(String trustType) {
        if (trustType == null) {
            return null;
        }
        return switch (trustType) {
            case "AzureAd" -> "Microsoft Entra joined";
            case "ServerAd" -> "Microsoft Entra hybrid joined";
            case "Workplace" -> "Microsoft Entra registered";
            default -> trustType;
        };
    }

    private static String number(Double value) {
        return value == null ? "" : String.valueOf(Math.round(value));
    }
}
