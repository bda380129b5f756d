package dev.entrasync.testkit.internal;

import java.time.Instant;

/**
 * What a generated tenant should hold; filled by the public {@code TenantBuilder}.
 *
 * @param name the organization's display name, e.g. {@code Contoso}
 * @param tenantId a fixed tenant id, or null to derive one from name and seed
 * @param seed the random seed; equal specs generate equal tenants
 * @param asOf the instant that "now" means for generated dates
 * @param auditDays how many days of audit events (the retention window)
 * @param generateRoles whether to activate and fill directory roles (fixtures add their own)
 */
public record TenantSpec(
        String name,
        String tenantId,
        long seed,
        Instant asOf,
        boolean premium,
        String customDomain,
        int users,
        int guests,
        int devices,
        int groups,
        int auditDays,
        int auditEventsPerDay,
        int secureScoreDays,
        boolean generateRoles) {}
