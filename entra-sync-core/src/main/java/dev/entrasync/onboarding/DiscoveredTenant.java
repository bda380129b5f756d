package dev.entrasync.onboarding;

import dev.entrasync.Dataset;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant a credential reaches, from {@link TenantDiscovery}. Immutable.
 *
 * @param tenant the tenant's GUID
 * @param displayName the organization's name (from its {@code /organization} when consented, else
 *     from the partner's customer list); may be null when neither had one
 * @param defaultDomain the default verified domain, or null when unknown (not consented, GDAP only)
 * @param consentStatus whether the credential can read the tenant now
 * @param consentUrl a fresh admin-consent link for this tenant (it expires; see {@link ConsentUrl#expiresAt()})
 * @param source where the tenant was found
 * @param problem why the tenant is {@link ConsentStatus#UNREACHABLE} or its profile could not be
 *     read, in words; null otherwise
 */
public record DiscoveredTenant(
        TenantId tenant,
        String displayName,
        String defaultDomain,
        ConsentStatus consentStatus,
        ConsentUrl consentUrl,
        Source source,
        String problem) {

    /** Where a tenant was found. */
    public enum Source {
        /** A consent recorded in the {@link ConsentStore} (plain credentials). */
        CONSENT,
        /** The partner's GDAP customer list. */
        GDAP,
        /** The partner's legacy DAP contract list. */
        CONTRACT
    }

    /**
     * Validates the components.
     *
     * @param tenant the tenant's GUID; a domain name is refused
     * @param displayName the organization's name; may be null
     * @param defaultDomain the default verified domain; may be null when unknown
     * @param consentStatus whether the credential can read the tenant now; never null
     * @param consentUrl a fresh admin-consent link for this tenant; never null
     * @param source where the tenant was found; never null
     * @param problem why the tenant is unreachable or its profile could not be read, in words; may be null
     * @throws IllegalArgumentException for a tenant that is not a GUID, or a missing status, link or source
     * @throws NullPointerException if {@code consentStatus}, {@code consentUrl} or {@code source} is null
     */
    public DiscoveredTenant {
        if (tenant == null || !tenant.isGuid()) {
            throw new IllegalArgumentException("tenant: must be the tenant's GUID, was " + tenant);
        }
        Objects.requireNonNull(consentStatus, "consentStatus");
        Objects.requireNonNull(consentUrl, "consentUrl");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The display name, or the tenant id when there is none: something a host can always show.
     *
     * @return the display name when it is not blank, else the tenant's GUID; never null
     */
    public String name() {
        return displayName != null && !displayName.isBlank() ? displayName : tenant.value();
    }

    /**
     * A mapping of this tenant to a host company, not paused, with this tenant's name and default domain.
     *
     * @param companyId the host's company id; not blank
     * @param credentialName the name of the credential that reads the tenant; not blank
     * @param datasets what to sync; not null and not empty
     * @return a new mapping, not paused, with this tenant's id, name and default domain; never null
     * @throws IllegalArgumentException as {@link TenantMapping}'s constructor
     */
    public TenantMapping toMapping(String companyId, String credentialName, Set<Dataset> datasets) {
        return new TenantMapping(companyId, tenant, credentialName, displayName, defaultDomain, datasets, false);
    }
}
