package dev.entrasync.testkit;

import java.util.Set;

/**
 * Names of Microsoft Graph application permissions (app roles) the simulator knows, and the sets
 * entra-sync needs. Pass them to {@link SimulatedTenant#consent(SimulatedApp, String...)}.
 */
public final class Permissions {
    public static final String USER_READ_ALL = "User.Read.All";
    public static final String DEVICE_READ_ALL = "Device.Read.All";
    public static final String GROUP_READ_ALL = "Group.Read.All";
    public static final String GROUP_MEMBER_READ_ALL = "GroupMember.Read.All";
    public static final String LICENSE_ASSIGNMENT_READ_ALL = "LicenseAssignment.Read.All";
    public static final String ROLE_MANAGEMENT_READ_DIRECTORY = "RoleManagement.Read.Directory";
    public static final String AUDIT_LOG_READ_ALL = "AuditLog.Read.All";
    public static final String SECURITY_EVENTS_READ_ALL = "SecurityEvents.Read.All";
    public static final String ORGANIZATION_READ_ALL = "Organization.Read.All";
    public static final String POLICY_READ_ALL = "Policy.Read.All";
    public static final String DIRECTORY_READ_ALL = "Directory.Read.All";
    public static final String APPLICATION_READ_ALL = "Application.Read.All";
    public static final String DEVICE_MANAGEMENT_MANAGED_DEVICES_READ_ALL = "DeviceManagementManagedDevices.Read.All";
    public static final String DELEGATED_ADMIN_RELATIONSHIP_READ_ALL = "DelegatedAdminRelationship.Read.All";
    public static final String MAIL_SEND = "Mail.Send";
    /**
     * Per-user {@code /users/{id}/authentication/methods}; entra-sync does not need it (it reads the
     * registration report), a per-user loop does.
     */
    public static final String USER_AUTHENTICATION_METHOD_READ_ALL = "UserAuthenticationMethod.Read.All";

    /** Every application permission entra-sync's datasets need, least-privileged. */
    public static final Set<String> ALL_READ = Set.of(
            USER_READ_ALL,
            DEVICE_READ_ALL,
            GROUP_READ_ALL,
            GROUP_MEMBER_READ_ALL,
            LICENSE_ASSIGNMENT_READ_ALL,
            ROLE_MANAGEMENT_READ_DIRECTORY,
            AUDIT_LOG_READ_ALL,
            SECURITY_EVENTS_READ_ALL,
            ORGANIZATION_READ_ALL,
            POLICY_READ_ALL,
            APPLICATION_READ_ALL,
            DEVICE_MANAGEMENT_MANAGED_DEVICES_READ_ALL);

    private Permissions() {}

    /** Returns {@link #ALL_READ} as an array, for the varargs of {@code consent}. */
    public static String[] allRead() {
        return ALL_READ.toArray(String[]::new);
    }
}
