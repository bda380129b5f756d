package dev.entrasync;

import java.util.Locale;
import java.util.Objects;

/**
 * What entra-sync can sync from a tenant. Each dataset is a Graph resource with its own record type
 * in {@code dev.entrasync.model}.
 */
public enum Dataset {
    /** Users with their directory roles and MFA registration ({@code /users}, delta). */
    USERS,
    /** Devices ({@code /devices}, delta). */
    DEVICES,
    /** Groups with member counts ({@code /groups}, delta). */
    GROUPS,
    /** Subscribed licences with friendly names ({@code /subscribedSkus}). */
    LICENSES,
    /** Activated directory roles and their members ({@code /directoryRoles}). */
    ROLES,
    /** Directory audit events ({@code /auditLogs/directoryAudits}, appended from a watermark). */
    AUDIT_LOGS,
    /** Daily secure score snapshots and control profiles ({@code /security/secureScores}). */
    SECURE_SCORES,
    /** The tenant's profile and verified domains ({@code /organization}). */
    TENANT_PROFILE,
    /**
     * Each user's last interactive, non-interactive and successful sign-in ({@code signInActivity} on {@code /users});
     * needs Microsoft Entra ID P1, without which it is reported unknown (a warning), never as "never signed in".
     */
    SIGN_IN_ACTIVITY,
    /**
     * Conditional Access policies ({@code /identity/conditionalAccess/policies}, Entra ID P1) and the tenant's security
     * defaults ({@code /policies/identitySecurityDefaultsEnforcementPolicy}, read with or without P1).
     */
    CONDITIONAL_ACCESS,
    /**
     * App registrations and service principals with their secrets' and certificates' dates, and the Microsoft Graph
     * application permissions granted to each service principal ({@code /applications}, {@code /servicePrincipals}).
     */
    APPLICATIONS,
    /** Intune managed devices ({@code /deviceManagement/managedDevices}); needs Microsoft Intune in the tenant. */
    MANAGED_DEVICES;

    /**
     * The lower-case name used in configuration, CLI flags and table names, e.g. {@code audit_logs}.
     *
     * @return the constant's name in lower case; never null
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The dataset for a key such as {@code users} or {@code audit-logs} (case and {@code -}/{@code _} ignored).
     *
     * @param key the dataset's key, such as {@code users} or {@code audit-logs}; case, {@code -}/{@code _} and
     *     surrounding blanks ignored; never null
     * @return the dataset; never null
     * @throws IllegalArgumentException naming the accepted keys
     * @throws NullPointerException if {@code key} is null
     */
    public static Dataset of(String key) {
        Objects.requireNonNull(key, "dataset");
        String normalized = key.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Dataset d : values()) {
            if (d.name().equals(normalized)) {
                return d;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (Dataset d : values()) {
            accepted.append(accepted.length() == 0 ? "" : ", ").append(d.key());
        }
        throw new IllegalArgumentException("dataset: unknown dataset '" + key + "'; use one of " + accepted);
    }
}
