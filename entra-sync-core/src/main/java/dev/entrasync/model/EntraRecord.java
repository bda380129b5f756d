package dev.entrasync.model;

/**
 * A row of a dataset: every record has the Graph object id that keys it within its tenant. Sealed: one record
 * type per dataset, the set closed so that a sink handles every kind. Immutable, and so safe to share
 * between threads.
 */
public sealed interface EntraRecord
        permits EntraApplication,
                EntraAuditEvent,
                EntraConditionalAccessPolicy,
                EntraDevice,
                EntraGroup,
                EntraLicense,
                EntraManagedDevice,
                EntraRole,
                EntraSecureScore,
                EntraSecureScoreControl,
                EntraSecurityDefaults,
                EntraSignInActivity,
                EntraTenantProfile,
                EntraUser {

    /**
     * The Graph object id (unique within the tenant and dataset); never null.
     *
     * @return the Graph object id; never null
     */
    String id();
}
