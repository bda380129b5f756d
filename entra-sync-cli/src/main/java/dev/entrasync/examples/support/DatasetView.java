package dev.entrasync.examples.support;

import dev.entrasync.Dataset;
import dev.entrasync.TenantId;
import dev.entrasync.model.ApplicationCredential;
import dev.entrasync.model.EntraApplication;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraManagedDevice;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraRoleMember;
import dev.entrasync.model.EntraSecureScore;
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
            case APPLICATIONS ->
                view(
                        sorted(
                                source.records(tenant, EntraApplication.class),
                                Comparator.comparing(
                                        (EntraApplication a) -> a.displayName() == null ? "" : a.displayName())),
                        List.of(
                                "Application",
                                "Kind",
                                "App id",
                                "Secrets",
                                "Certificates",
                                "Next expiry",
                                "Graph permissions"),
                        a -> List.of(
                                text(a.displayName()),
                                a.kind() == EntraApplication.Kind.APPLICATION
                                        ? "app registration"
                                        : "service principal",
                                text(a.appId()),
                                String.valueOf(count(a, ApplicationCredential.Kind.SECRET)),
                                String.valueOf(count(a, ApplicationCredential.Kind.CERTIFICATE)),
                                a.nextExpiring().map(c -> date(c.endDateTime())).orElse(""),
                                String.join(", ", a.graphPermissions())));
            case MANAGED_DEVICES ->
                view(
                        sorted(
                                source.records(tenant, EntraManagedDevice.class),
                                Comparator.comparing(
                                        (EntraManagedDevice d) -> d.deviceName() == null ? "" : d.deviceName())),
                        List.of(
                                "Device",
                                "OS",
                                "Version",
                                "Compliance",
                                "Serial",
                                "Wi-Fi MAC",
                                "Ethernet MAC",
                                "Encrypted",
                                "User",
                                "Last sync"),
                        d -> List.of(
                                text(d.deviceName()),
                                text(d.operatingSystem()),
                                text(d.osVersion()),
                                text(d.complianceState()),
                                text(d.serialNumber()),
                                text(d.wiFiMacAddress()),
                                text(d.ethernetMacAddress()),
                                text(d.isEncrypted()),
                                text(d.userPrincipalName()),
                                date(d.lastSyncDateTime())));
        };
    }

    private static <R> DatasetView view(List<R> records, List<String> columns, Function<R, List<String>> row) {
        return new DatasetView(columns, records.stream().map(row).toList());
    }

    private static <R> List<R> sorted(List<R> records, Comparator<R> order) {
        return records.stream().sorted(order).toList();
    }

    private static long count(EntraApplication application, ApplicationCredential.Kind kind) {
        return application.credentials().stream().filter(c -> c.kind() == kind).count();
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof Double d ? String.valueOf(Math.round(d)) : value.toString();
    }

    private static String date(Instant instant) {
        return instant == null ? "" : instant.toString().substring(0, 10);
    }
}
