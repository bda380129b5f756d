package dev.entrasync.model;

import java.util.List;
import java.util.Objects;

/**
 * The tenant itself, from Graph {@code /organization}.
 *
 * @param id the tenant id (GUID); never null
 * @param displayName the organisation's name, or null
 * @param defaultDomain the default verified domain, or null
 * @param initialDomain the {@code *.onmicrosoft.com} domain, or null
 * @param verifiedDomains every verified domain name, default first
 */
public record EntraTenantProfile(
        String id, String displayName, String defaultDomain, String initialDomain, List<String> verifiedDomains)
        implements EntraRecord {

    /**
     * Validates the components; copies the lists into unmodifiable ones, null read as empty.
     *
     * @param id the tenant id (GUID); never null
     * @param displayName the organisation's name, or null
     * @param defaultDomain the default verified domain, or null
     * @param initialDomain the {@code *.onmicrosoft.com} domain, or null
     * @param verifiedDomains every verified domain name, default first; null is read as empty
     * @throws NullPointerException if {@code id} is null
     */
    public EntraTenantProfile {
        Objects.requireNonNull(id, "id");
        verifiedDomains = verifiedDomains == null ? List.of() : List.copyOf(verifiedDomains);
    }
}
