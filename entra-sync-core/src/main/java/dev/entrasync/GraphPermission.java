package dev.entrasync;

import java.util.Locale;
import java.util.Objects;

/**
 * Microsoft Graph application permissions (app roles) that entra-sync uses, with their ids in the
 * Microsoft Graph service principal ({@code 00000003-0000-0000-c000-000000000000}). The ids are the
 * public cloud's, from Microsoft's permission reference.
 */
public enum GraphPermission {
    /** {@code User.Read.All}: reads every user's profile; needed by {@link Dataset#USERS}. */
    USER_READ_ALL("User.Read.All", "df021288-bdef-4463-88db-98f22de89214"),
    /** {@code Device.Read.All}: reads the directory's devices; needed by {@link Dataset#DEVICES}. */
    DEVICE_READ_ALL("Device.Read.All", "7438b122-aefc-4978-80ed-43db9fcc7715"),
    /** {@code Group.Read.All}: reads groups; needed by {@link Dataset#GROUPS}. */
    GROUP_READ_ALL("Group.Read.All", "5b567255-7703-4780-807c-7be8301ae99b"),
    /**
     * {@code GroupMember.Read.All}: lists groups and reads their basic properties and memberships. Not requested by
     * the permission manifest; named in errors as an alternative to {@code Group.Read.All}.
     */
    GROUP_MEMBER_READ_ALL("GroupMember.Read.All", "98830695-27a2-44f7-8c18-0c3ebc9698f6"),
    /**
     * {@code LicenseAssignment.Read.All}: reads subscribed SKUs and licence assignments; needed by
     * {@link Dataset#LICENSES}.
     */
    LICENSE_ASSIGNMENT_READ_ALL("LicenseAssignment.Read.All", "e2f98668-2877-4f38-a2f4-8202e0717aa1"),
    /**
     * {@code RoleManagement.Read.Directory}: reads directory roles and their members; needed by {@link Dataset#ROLES}
     * and {@link Dataset#USERS}.
     */
    ROLE_MANAGEMENT_READ_DIRECTORY("RoleManagement.Read.Directory", "483bed4a-2ad3-4361-a73b-c83ccdbdc53c"),
    /**
     * {@code AuditLog.Read.All}: reads directory audit logs, the MFA registration report and users' sign-in activity;
     * needed by {@link Dataset#AUDIT_LOGS}, {@link Dataset#USERS} (users' MFA) and {@link Dataset#SIGN_IN_ACTIVITY}.
     */
    AUDIT_LOG_READ_ALL("AuditLog.Read.All", "b0afded3-3588-46d8-8b3d-9842eff778da"),
    /** {@code SecurityEvents.Read.All}: reads Microsoft Secure Score; needed by {@link Dataset#SECURE_SCORES}. */
    SECURITY_EVENTS_READ_ALL("SecurityEvents.Read.All", "bf394140-e372-4bf9-a898-299cfc7564e5"),
    /**
     * {@code Organization.Read.All}: reads the tenant's organization profile; needed by {@link Dataset#TENANT_PROFILE}
     * and by onboarding (each tenant's name and domain), so always in the permission manifest.
     */
    ORGANIZATION_READ_ALL("Organization.Read.All", "498476ce-e0fe-48b0-b801-37ba7e2685c6"),
    /**
     * {@code Policy.Read.All}: reads the tenant's policies, Conditional Access and security defaults among them; needed
     * by {@link Dataset#CONDITIONAL_ACCESS}.
     */
    POLICY_READ_ALL("Policy.Read.All", "246dd0d5-5bd0-4def-940b-0421030a5b68"),
    /**
     * {@code Application.Read.All}: reads app registrations and service principals with their credentials' metadata
     * and app role assignments; needed by {@link Dataset#APPLICATIONS}.
     */
    APPLICATION_READ_ALL("Application.Read.All", "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30"),
    /**
     * {@code DeviceManagementManagedDevices.Read.All}: reads Intune managed devices; needed by
     * {@link Dataset#MANAGED_DEVICES}.
     */
    DEVICE_MANAGEMENT_MANAGED_DEVICES_READ_ALL(
            "DeviceManagementManagedDevices.Read.All", "2f51be20-0bb4-4fed-bf7b-db946066c75e"),
    /**
     * {@code Directory.Read.All}: reads the whole directory; Microsoft documents it as also granting several of the
     * narrower read permissions (see {@link #isGrantedBy(java.util.Collection)}). Never requested by the permission
     * manifest.
     */
    DIRECTORY_READ_ALL("Directory.Read.All", "7ab1d382-f21e-4acd-a863-ba3e13f7da61"),
    /**
     * {@code DelegatedAdminRelationship.Read.All}: reads a CSP partner's GDAP relationships, to discover its customers'
     * tenants.
     */
    DELEGATED_ADMIN_RELATIONSHIP_READ_ALL(
            "DelegatedAdminRelationship.Read.All", "f6e9e124-4586-492f-adc0-c6f96e4823fd"),
    /**
     * {@code Mail.Send}: sends mail from a mailbox of the credential's home tenant; needed only when mail is
     * enabled.
     */
    MAIL_SEND("Mail.Send", "b633e1c5-b582-4048-a93e-9f11b44c7e96");

    /** The Microsoft Graph resource's application id. */
    public static final String GRAPH_RESOURCE_APP_ID = "00000003-0000-0000-c000-000000000000";

    private final String value;
    private final String id;

    GraphPermission(String value, String id) {
        this.value = value;
        this.id = id;
    }

    /**
     * The name as it appears in a token's {@code roles} claim, e.g. {@code User.Read.All}.
     *
     * @return the permission's claim value, such as {@code User.Read.All}; never null
     */
    public String value() {
        return value;
    }

    /**
     * The app role id, for an app registration's {@code requiredResourceAccess}.
     *
     * @return the app role's id, a GUID in the public cloud; never null
     */
    public String id() {
        return id;
    }

    /**
     * The permission with this claim value, such as {@code User.Read.All} (case-insensitive).
     *
     * @param value the claim value, such as {@code User.Read.All}; case-insensitive, surrounding blanks ignored; never
     *     null
     * @return the matching permission; never null
     * @throws IllegalArgumentException naming the accepted values, for any other value
     * @throws NullPointerException if {@code value} is null
     */
    public static GraphPermission of(String value) {
        Objects.requireNonNull(value, "permission");
        for (GraphPermission p : values()) {
            if (p.value.toLowerCase(Locale.ROOT).equals(value.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (GraphPermission p : values()) {
            accepted.append(accepted.length() == 0 ? "" : ", ").append(p.value);
        }
        throw new IllegalArgumentException(
                "permission: unknown Graph permission '" + value + "'; use one of " + accepted);
    }

    /**
     * Whether a token's {@code roles} grant this permission: the permission itself, or
     * {@code Directory.Read.All} where Microsoft documents that it also works (users, devices, groups,
     * group members, licences, directory roles, the organization, applications and service principals).
     *
     * @param roles the values of a token's {@code roles} claim; never null, may be empty
     * @return true if one of the roles (compared case-insensitively) is this permission or a {@code Directory.Read.All}
     *     that covers it
     */
    public boolean isGrantedBy(java.util.Collection<String> roles) {
        boolean directoryCovers = switch (this) {
            case USER_READ_ALL,
                    DEVICE_READ_ALL,
                    GROUP_READ_ALL,
                    GROUP_MEMBER_READ_ALL,
                    LICENSE_ASSIGNMENT_READ_ALL,
                    ROLE_MANAGEMENT_READ_DIRECTORY,
                    ORGANIZATION_READ_ALL,
                    APPLICATION_READ_ALL -> true;
            default -> false;
        };
        for (String role : roles) {
            if (role.equalsIgnoreCase(value) || (directoryCovers && role.equalsIgnoreCase(DIRECTORY_READ_ALL.value))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return value;
    }
}
