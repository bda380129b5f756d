package dev.entrasync.testkit.internal;

import java.util.Set;

/** Which application permissions grant each Graph resource (least-privileged ones first). */
final class GraphPermissions {
    static final Set<String> USERS =
            Set.of("User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    static final Set<String> DEVICES =
            Set.of("Device.Read.All", "Device.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    static final Set<String> GROUPS =
            Set.of("Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    static final Set<String> GROUP_MEMBERS = Set.of(
            "GroupMember.Read.All",
            "Group.Read.All",
            "GroupMember.ReadWrite.All",
            "Group.ReadWrite.All",
            "Directory.Read.All",
            "Directory.ReadWrite.All");
    static final Set<String> ORGANIZATION = Set.of(
            "Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    static final Set<String> LICENSES = Set.of(
            "LicenseAssignment.Read.All",
            "LicenseAssignment.ReadWrite.All",
            "Organization.Read.All",
            "Organization.ReadWrite.All",
            "Directory.Read.All",
            "Directory.ReadWrite.All");
    static final Set<String> ROLES = Set.of(
            "RoleManagement.Read.Directory",
            "RoleManagement.Read.All",
            "RoleManagement.ReadWrite.Directory",
            "Directory.Read.All",
            "Directory.ReadWrite.All");
    static final Set<String> AUDIT_LOGS = Set.of("AuditLog.Read.All", "Directory.Read.All");
    static final Set<String> REGISTRATION_DETAILS = Set.of("AuditLog.Read.All");
    static final Set<String> SECURE_SCORES = Set.of("SecurityEvents.Read.All", "SecurityEvents.ReadWrite.All");
    static final Set<String> GDAP =
            Set.of("DelegatedAdminRelationship.Read.All", "DelegatedAdminRelationship.ReadWrite.All");
    static final Set<String> CONTRACTS = Set.of("Directory.Read.All", "Directory.ReadWrite.All");
    static final Set<String> MAIL_SEND = Set.of("Mail.Send");
    /** conditionalaccessroot-list-policies: Policy.Read.All least, Policy.ReadWrite.ConditionalAccess higher. */
    static final Set<String> CONDITIONAL_ACCESS = Set.of("Policy.Read.All", "Policy.ReadWrite.ConditionalAccess");
    /** identitysecuritydefaultsenforcementpolicy-get: Policy.Read.All least, Policy.ReadWrite.SecurityDefaults higher. */
    static final Set<String> SECURITY_DEFAULTS = Set.of("Policy.Read.All", "Policy.ReadWrite.SecurityDefaults");

    static final Set<String> AUTHENTICATION_METHODS =
            Set.of("UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All");

    static final Set<String> APPLICATIONS = Set.of(
            "Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    static final Set<String> MANAGED_DEVICES =
            Set.of("DeviceManagementManagedDevices.Read.All", "DeviceManagementManagedDevices.ReadWrite.All");

    private GraphPermissions() {}
}
