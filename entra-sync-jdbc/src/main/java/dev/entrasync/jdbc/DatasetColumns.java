package dev.entrasync.jdbc;

import dev.entrasync.Dataset;
import dev.entrasync.model.ApplicationCredential;
import dev.entrasync.model.EntraApplication;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraConditionalAccessPolicy;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraManagedDevice;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraRoleMember;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSignInActivity;
import dev.entrasync.model.EntraTenantProfile;
import dev.entrasync.model.EntraUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The columns a person sees for each dataset: a name and how to get the cell's value from a record. Defined here
 * once and used by every view of the data: {@link JdbcQueries#export} (CSV and JSON lines), the CLI's {@code show}
 * table and the web host's company pages, so an export has exactly the columns of the tables.
 *
 * <p>A cell's value is one of: {@code null} (unknown or not set), {@link String}, {@link Boolean}, {@link Integer},
 * {@link Long}, {@link Double}, {@link java.time.Instant}, an {@link Enum} constant, or a {@code List<String>} for a
 * multi-valued cell. Each view formats these types its own way (an export writes an enum as its {@code name()},
 * an instant as ISO-8601 UTC).
 *
 * <p><b>Adding a dataset's columns</b> is one change here: add its case to {@link #of(Dataset)} (the switch has no
 * default, so the compiler names a new {@link Dataset} constant that has none) with the record type that
 * {@link JdbcQueries} reads for it and its columns in the order a person reads them. Export, {@code show} and the
 * web tables then show them with no other change.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <R> the record type of the dataset
 */
public final class DatasetColumns<R extends EntraRecord> {

    /**
     * One column: its header and how to read the cell from a record.
     *
     * @param name the header a person reads, also the key of a JSON-lines export; never null
     * @param value the cell of a record, of one of the types {@link DatasetColumns} lists; may return null
     * @param <R> the record type
     */
    public record Column<R>(String name, Function<? super R, ?> value) {

        /**
         * Checks that both parts are present.
         *
         * @param name the header; never null
         * @param value reads the cell; never null
         * @throws NullPointerException if either is null
         */
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final Dataset dataset;
    private final Class<R> type;
    private final List<Column<R>> columns;

    private DatasetColumns(Dataset dataset, Class<R> type, List<Column<R>> columns) {
        this.dataset = dataset;
        this.type = type;
        this.columns = List.copyOf(columns);
    }

    /**
     * The columns of {@code dataset}.
     *
     * @param dataset the dataset; never null
     * @return its columns and record type; never null
     * @throws NullPointerException if {@code dataset} is null
     */
    public static DatasetColumns<?> of(Dataset dataset) {
        return switch (Objects.requireNonNull(dataset, "dataset")) {
            case USERS ->
                new Builder<>(dataset, EntraUser.class)
                        .column("User principal name", EntraUser::userPrincipalName)
                        .column("Name", EntraUser::displayName)
                        .column("Enabled", EntraUser::accountEnabled)
                        .column("Type", EntraUser::userType)
                        .column("Roles", EntraUser::directoryRoles)
                        .column("MFA", u -> u.mfa().state())
                        .column("Other mails", EntraUser::otherMails)
                        .column("Password policies", EntraUser::passwordPolicies)
                        .column("Licences", u -> u.assignedLicenses().size())
                        .column("Created", EntraUser::createdDateTime)
                        .build();
            case DEVICES ->
                new Builder<>(dataset, EntraDevice.class)
                        .column("Device", EntraDevice::displayName)
                        .column("OS", EntraDevice::operatingSystem)
                        .column("Version", EntraDevice::operatingSystemVersion)
                        .column("Intune managed", EntraDevice::isManaged)
                        .column("Compliant", EntraDevice::isCompliant)
                        .column("Trust type", d -> trustType(d.trustType()))
                        .column("Last sign-in", EntraDevice::approximateLastSignInDateTime)
                        .column("Registered", EntraDevice::registrationDateTime)
                        .build();
            case GROUPS ->
                new Builder<>(dataset, EntraGroup.class)
                        .column("Group", EntraGroup::displayName)
                        .column("Type", g -> g.kind().label())
                        .column("Dynamic membership", g -> g.groupTypes().contains("DynamicMembership"))
                        .column("Mail", EntraGroup::mail)
                        .column("Proxy addresses", EntraGroup::proxyAddresses)
                        .column("Resource behaviour options", EntraGroup::resourceBehaviorOptions)
                        .column("Security identifier", EntraGroup::securityIdentifier)
                        .column("Members", EntraGroup::memberCount)
                        .build();
            case LICENSES ->
                new Builder<>(dataset, EntraLicense.class)
                        .column("Product", EntraLicense::productName)
                        .column("SKU", EntraLicense::skuPartNumber)
                        .column("Status", EntraLicense::capabilityStatus)
                        .column("Active", EntraLicense::enabledUnits)
                        .column("Consumed", EntraLicense::consumedUnits)
                        .column("Warning", EntraLicense::warningUnits)
                        .column("Suspended", EntraLicense::suspendedUnits)
                        .column("Locked out", EntraLicense::lockedOutUnits)
                        .build();
            case ROLES ->
                new Builder<>(dataset, EntraRole.class)
                        .column("Role", EntraRole::displayName)
                        .column("Description", EntraRole::description)
                        .column("Template id", EntraRole::roleTemplateId)
                        .column("Members", EntraRole::memberCount)
                        .column(
                                "Who",
                                r -> r.members().stream()
                                        .map(EntraRoleMember::label)
                                        .toList())
                        .build();
            case AUDIT_LOGS ->
                new Builder<>(dataset, EntraAuditEvent.class)
                        .column("When", EntraAuditEvent::activityDateTime)
                        .column("Activity", EntraAuditEvent::activityDisplayName)
                        .column("Category", EntraAuditEvent::category)
                        .column("Result", EntraAuditEvent::result)
                        .column("Result reason", EntraAuditEvent::resultReason)
                        .column("Service", EntraAuditEvent::loggedByService)
                        .column(
                                "Initiated by",
                                a -> a.initiatedByUserPrincipalName() != null
                                        ? a.initiatedByUserPrincipalName()
                                        : a.initiatedByAppName())
                        .column("IP address", EntraAuditEvent::initiatorIpAddress)
                        .column("Correlation id", EntraAuditEvent::correlationId)
                        .build();
            case SECURE_SCORES ->
                new Builder<>(dataset, EntraSecureScore.class)
                        .column("Date", EntraSecureScore::createdDateTime)
                        .column("Score", EntraSecureScore::currentScore)
                        .column("Max", EntraSecureScore::maxScore)
                        .column("Active users", EntraSecureScore::activeUserCount)
                        .column("Licensed users", EntraSecureScore::licensedUserCount)
                        .build();
            case TENANT_PROFILE ->
                new Builder<>(dataset, EntraTenantProfile.class)
                        .column("Name", EntraTenantProfile::displayName)
                        .column("Default domain", EntraTenantProfile::defaultDomain)
                        .column("Verified domains", EntraTenantProfile::verifiedDomains)
                        .build();
            case SIGN_IN_ACTIVITY ->
                new Builder<>(dataset, EntraSignInActivity.class)
                        .column("User principal name", EntraSignInActivity::userPrincipalName)
                        .column("Last interactive", EntraSignInActivity::lastSignIn)
                        .column("Last non-interactive", EntraSignInActivity::lastNonInteractiveSignIn)
                        .column("Last successful", EntraSignInActivity::lastSuccessfulSignIn)
                        // only a tenant with Entra ID P1 has these records, so this is a fact, never "unknown"
                        .column("Never signed in", a -> a.lastActivity() == null)
                        .build();
            case CONDITIONAL_ACCESS ->
                new Builder<>(dataset, EntraConditionalAccessPolicy.class)
                        .column("Policy", EntraConditionalAccessPolicy::displayName)
                        .column("State", p -> p.isReportOnly() ? REPORT_ONLY : p.state())
                        .column("Users", DatasetColumns::users)
                        .column("Apps", DatasetColumns::apps)
                        .column("Client apps", EntraConditionalAccessPolicy::clientAppTypes)
                        .column("Grant", DatasetColumns::grant)
                        .column("MFA required", p -> p.grant().requiresMfa())
                        .column("Session", DatasetColumns::session)
                        .column(
                                "Modified",
                                p -> p.modifiedDateTime() != null ? p.modifiedDateTime() : p.createdDateTime())
                        .build();
            case APPLICATIONS ->
                new Builder<>(dataset, EntraApplication.class)
                        .column("Application", EntraApplication::displayName)
                        .column(
                                "Kind",
                                a -> a.kind() == EntraApplication.Kind.APPLICATION
                                        ? "App registration"
                                        : "Service principal")
                        .column("App id", EntraApplication::appId)
                        .column("Type", EntraApplication::servicePrincipalType)
                        .column("Enabled", EntraApplication::accountEnabled)
                        .column("Audience", EntraApplication::signInAudience)
                        .column(
                                "Secrets and certificates",
                                a -> a.credentials().stream()
                                        .map(DatasetColumns::credential)
                                        .toList())
                        .column(
                                "Next expiry",
                                a -> a.nextExpiring()
                                        .map(ApplicationCredential::endDateTime)
                                        .orElse(null))
                        .column("Microsoft Graph permissions", EntraApplication::graphPermissions)
                        .column("Created", EntraApplication::createdDateTime)
                        .build();
            case MANAGED_DEVICES ->
                new Builder<>(dataset, EntraManagedDevice.class)
                        .column("Device", EntraManagedDevice::deviceName)
                        .column("OS", EntraManagedDevice::operatingSystem)
                        .column("Version", EntraManagedDevice::osVersion)
                        .column("Compliance", EntraManagedDevice::complianceState)
                        .column("Management agent", EntraManagedDevice::managementAgent)
                        .column("Serial number", EntraManagedDevice::serialNumber)
                        .column("Manufacturer", EntraManagedDevice::manufacturer)
                        .column("Model", EntraManagedDevice::model)
                        .column("Wi-Fi MAC", EntraManagedDevice::wiFiMacAddress)
                        .column("Ethernet MAC", EntraManagedDevice::ethernetMacAddress)
                        .column("Encrypted", EntraManagedDevice::isEncrypted)
                        .column("Primary user", EntraManagedDevice::userPrincipalName)
                        .column("Entra device id", EntraManagedDevice::azureADDeviceId)
                        .column("Enrolled", EntraManagedDevice::enrolledDateTime)
                        .column("Last sync", EntraManagedDevice::lastSyncDateTime)
                        .build();
        };
    }

    /** The Conditional Access "State" of a report-only policy ({@code enabledForReportingButNotEnforced} in Graph). */
    public static final String REPORT_ONLY = "report-only";

    /** Whom a policy applies to, e.g. {@code All; excl. 2} or {@code 5 roles; excl. 1}. */
    private static String users(EntraConditionalAccessPolicy p) {
        return scope(p.includeUsers(), p.includeGroups(), p.includeRoles(), p.excludeUsers(), p.excludeGroups());
    }

    /** Which apps a policy applies to, e.g. {@code All} or {@code Office365; excl. 1}. */
    private static String apps(EntraConditionalAccessPolicy p) {
        return scope(p.includeApplications(), List.of(), List.of(), p.excludeApplications(), List.of());
    }

    /** Keywords ({@code All}, {@code None}, {@code Office365}) as they are, ids counted. */
    private static String scope(
            List<String> users, List<String> groups, List<String> roles, List<String> exUsers, List<String> exGroups) {
        List<String> parts = new ArrayList<>();
        if (users.size() == 1 && !users.get(0).contains("-")) {
            parts.add(users.get(0));
        } else if (!users.isEmpty()) {
            parts.add(users.size() + (users.size() == 1 ? " id" : " ids"));
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

    /** A policy's grant controls, e.g. {@code compliantDevice OR domainJoinedDevice}; null when it has none. */
    private static String grant(EntraConditionalAccessPolicy p) {
        List<String> controls = new ArrayList<>(p.grant().builtInControls());
        if (p.grant().authenticationStrengthName() != null) {
            controls.add(p.grant().authenticationStrengthName());
        }
        return controls.isEmpty()
                ? null
                : String.join(
                        " " + (p.grant().operator() == null ? "OR" : p.grant().operator()) + " ", controls);
    }

    /** A policy's session controls, e.g. {@code sign-in every 8 hours, persistent browser never}; null when none. */
    private static String session(EntraConditionalAccessPolicy p) {
        List<String> parts = new ArrayList<>();
        if (p.session().signInFrequencyValue() != null) {
            parts.add("sign-in every " + p.session().signInFrequencyValue() + " "
                    + p.session().signInFrequencyType());
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
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** A credential in a cell: "Secret name, ends 2027-01-31T00:00:00Z" (the key id when it has no name). */
    private static String credential(ApplicationCredential c) {
        return (c.kind() == ApplicationCredential.Kind.SECRET ? "Secret " : "Certificate ")
                + (c.displayName() == null ? c.keyId() : c.displayName())
                + (c.endDateTime() == null ? "" : ", ends " + c.endDateTime());
    }

    /**
     * The dataset these columns show.
     *
     * @return the dataset; never null
     */
    public Dataset dataset() {
        return dataset;
    }

    /**
     * The record type a row is read as, for {@link JdbcQueries#page} and {@link JdbcQueries#records}.
     *
     * @return the record class, such as {@code EntraUser.class}; never null
     */
    public Class<R> type() {
        return type;
    }

    /**
     * The columns in the order a person reads them.
     *
     * @return the columns; never null or empty
     */
    public List<Column<R>> columns() {
        return columns;
    }

    /**
     * The headers, in order.
     *
     * @return the columns' names; never null or empty
     */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * The cells of one record, in column order.
     *
     * @param record a record of {@link #type()}; never null
     * @return one value per column, each null or of a type the class comment lists; never null
     * @throws IllegalArgumentException if {@code record} is not of {@link #type()}
     */
    public List<Object> values(EntraRecord record) {
        if (!type.isInstance(record)) {
            throw new IllegalArgumentException("the " + dataset.key() + " columns read " + type.getSimpleName()
                    + " records, not " + record.getClass().getSimpleName());
        }
        R typed = type.cast(record);
        List<Object> values = new ArrayList<>(columns.size());
        for (Column<R> column : columns) {
            values.add(column.value().apply(typed));
        }
        return values;
    }

    /** Graph's device trust types as the Microsoft Entra admin center names them; others as they are. */
    private static String trustType(String trustType) {
        if (trustType == null) {
            return null;
        }
        // https://learn.microsoft.com/graph/api/resources/device: AzureAd (joined), ServerAd (hybrid joined),
        // Workplace (registered).
        return switch (trustType) {
            case "AzureAd" -> "Microsoft Entra joined";
            case "ServerAd" -> "Microsoft Entra hybrid joined";
            case "Workplace" -> "Microsoft Entra registered";
            default -> trustType;
        };
    }

    private static final class Builder<R extends EntraRecord> {
        private final Dataset dataset;
        private final Class<R> type;
        private final List<Column<R>> columns = new ArrayList<>();

        Builder(Dataset dataset, Class<R> type) {
            this.dataset = dataset;
            this.type = type;
        }

        Builder<R> column(String name, Function<? super R, ?> value) {
            columns.add(new Column<>(name, value));
            return this;
        }

        DatasetColumns<R> build() {
            return new DatasetColumns<>(dataset, type, columns);
        }
    }
}
