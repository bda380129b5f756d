package dev.entrasync.onboarding;

import dev.entrasync.TenantId;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A verified admin consent: an app-only token was issued for the tenant, and it carried these
 * application permissions. Immutable.
 *
 * @param credentialName the credential the consent is for
 * @param tenant the tenant's GUID (from the token, never from the redirect alone)
 * @param companyId the host's company the consent link named, or null
 * @param permissions the application permissions in the token's {@code roles} claim, sorted; may be empty
 * @param verifiedAt when the token was obtained
 */
public record ConsentRecord(
        String credentialName, TenantId tenant, String companyId, Set<String> permissions, Instant verifiedAt) {

    /**
     * Validates the components and copies {@code permissions} into a sorted, unmodifiable set.
     *
     * @param credentialName the credential the consent is for; not blank
     * @param tenant the tenant's GUID; a domain name is refused
     * @param companyId the host's company the consent link named; may be null
     * @param permissions the application permissions in the token's {@code roles} claim; null is read as empty
     * @param verifiedAt when the token was obtained; never null
     * @throws IllegalArgumentException naming the field, for a blank credential name, a missing or
     *     non-GUID tenant, or a missing instant
     */
    public ConsentRecord {
        if (credentialName == null || credentialName.isBlank()) {
            throw new IllegalArgumentException("credentialName: must not be empty");
        }
        if (tenant == null || !tenant.isGuid()) {
            throw new IllegalArgumentException("tenant: must be the tenant's GUID, was " + tenant);
        }
        if (verifiedAt == null) {
            throw new IllegalArgumentException("verifiedAt: must be set");
        }
        permissions =
                permissions == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(permissions));
    }
}
