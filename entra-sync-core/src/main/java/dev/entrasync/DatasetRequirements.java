package dev.entrasync;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each dataset needs from the app registration and the tenant: the least-privileged
 * application permissions (from Microsoft's permission reference) and any licence. One table, used
 * by the fetchers (to name a missing permission), the preflight and the permission manifest.
 */
public final class DatasetRequirements {

    /** The licence that gates the MFA registration report, sign-in activity and Conditional Access. */
    public static final String ENTRA_ID_P1 = "Microsoft Entra ID P1";

    /**
     * The licence that gates managed devices: a tenant without Microsoft Intune (a plan that includes it, such as
     * Microsoft 365 Business Premium or Enterprise Mobility + Security) has no Intune service to ask.
     */
    public static final String MICROSOFT_INTUNE = "Microsoft Intune";

    private static final Map<Dataset, List<GraphPermission>> PERMISSIONS = new EnumMap<>(Dataset.class);

    static {
        // users: the list itself, roles from the role member lists, MFA from the registration report
        PERMISSIONS.put(
                Dataset.USERS,
                List.of(
                        GraphPermission.USER_READ_ALL,
                        GraphPermission.ROLE_MANAGEMENT_READ_DIRECTORY,
                        GraphPermission.AUDIT_LOG_READ_ALL));
        PERMISSIONS.put(Dataset.DEVICES, List.of(GraphPermission.DEVICE_READ_ALL));
        PERMISSIONS.put(Dataset.GROUPS, List.of(GraphPermission.GROUP_READ_ALL));
        PERMISSIONS.put(Dataset.LICENSES, List.of(GraphPermission.LICENSE_ASSIGNMENT_READ_ALL));
        PERMISSIONS.put(Dataset.ROLES, List.of(GraphPermission.ROLE_MANAGEMENT_READ_DIRECTORY));
        PERMISSIONS.put(Dataset.AUDIT_LOGS, List.of(GraphPermission.AUDIT_LOG_READ_ALL));
        PERMISSIONS.put(Dataset.SECURE_SCORES, List.of(GraphPermission.SECURITY_EVENTS_READ_ALL));
        PERMISSIONS.put(Dataset.TENANT_PROFILE, List.of(GraphPermission.ORGANIZATION_READ_ALL));
        // signInActivity is a property of /users: User.Read.All to list them, AuditLog.Read.All for the property
        // (https://learn.microsoft.com/graph/api/user-list: "Details for this property require ... AuditLog.Read.All")
        PERMISSIONS.put(
                Dataset.SIGN_IN_ACTIVITY, List.of(GraphPermission.USER_READ_ALL, GraphPermission.AUDIT_LOG_READ_ALL));
        // both /identity/conditionalAccess/policies and /policies/identitySecurityDefaultsEnforcementPolicy name
        // Policy.Read.All as least privileged (conditionalaccessroot-list-policies,
        // identitysecuritydefaultsenforcementpolicy-get)
        PERMISSIONS.put(Dataset.CONDITIONAL_ACCESS, List.of(GraphPermission.POLICY_READ_ALL));
        PERMISSIONS.put(Dataset.APPLICATIONS, List.of(GraphPermission.APPLICATION_READ_ALL));
        PERMISSIONS.put(Dataset.MANAGED_DEVICES, List.of(GraphPermission.DEVICE_MANAGEMENT_MANAGED_DEVICES_READ_ALL));
    }

    private DatasetRequirements() {}

    /**
     * The least-privileged application permissions the dataset needs, most essential first.
     *
     * @param dataset the dataset; never null
     * @return the permissions, an unmodifiable list of at least one; never null
     */
    public static List<GraphPermission> permissions(Dataset dataset) {
        return PERMISSIONS.get(dataset);
    }

    /**
     * The licence the dataset (or part of it) needs, if any: users' MFA, sign-in activity and Conditional Access
     * policies need Entra ID P1 (without it those parts are reported unknown, with a warning, and the rest syncs);
     * managed devices need Microsoft Intune (without it that dataset fails with the reason).
     *
     * @param dataset the dataset; never null
     * @return {@link #ENTRA_ID_P1} for {@link Dataset#USERS}, {@link Dataset#SIGN_IN_ACTIVITY} and
     *     {@link Dataset#CONDITIONAL_ACCESS}, {@link #MICROSOFT_INTUNE} for {@link Dataset#MANAGED_DEVICES}; empty for
     *     every other dataset
     */
    public static Optional<String> license(Dataset dataset) {
        return switch (dataset) {
            case USERS, SIGN_IN_ACTIVITY, CONDITIONAL_ACCESS -> Optional.of(ENTRA_ID_P1);
            case MANAGED_DEVICES -> Optional.of(MICROSOFT_INTUNE);
            default -> Optional.empty();
        };
    }

    /**
     * Every permission the datasets need, plus {@code DelegatedAdminRelationship.Read.All} for a CSP
     * partner credential and {@code Mail.Send} only when mail is enabled.
     *
     * @param datasets the datasets to sync; never null, may be empty
     * @param cspPartner true for a CSP partner credential, which discovers customers through GDAP
     * @param mailEnabled true when the host sends mail through entra-sync
     * @return a new set of the permissions needed; empty when nothing is needed; never null
     */
    public static Set<GraphPermission> permissions(Set<Dataset> datasets, boolean cspPartner, boolean mailEnabled) {
        java.util.EnumSet<GraphPermission> all = java.util.EnumSet.noneOf(GraphPermission.class);
        datasets.forEach(d -> all.addAll(permissions(d)));
        if (cspPartner) {
            all.add(GraphPermission.DELEGATED_ADMIN_RELATIONSHIP_READ_ALL);
        }
        if (mailEnabled) {
            all.add(GraphPermission.MAIL_SEND);
        }
        return all;
    }
}
