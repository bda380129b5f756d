package dev.entrasync.onboarding;

/**
 * The host's companies, as far as importing tenants needs them: the host implements it to create a
 * company for a tenant. Called by {@link TenantImport#importTenants} on the caller's thread, once per
 * imported tenant. If it throws, the import stops there: tenants imported before stay mapped, and
 * importing again skips them.
 */
@FunctionalInterface
public interface CompanyDirectory {

    /**
     * Creates a company and returns its id.
     *
     * @param name the tenant's display name (or its id when it has none); never null
     * @param defaultDomain the tenant's default domain, or null when unknown
     * @return the new company's id; never null or blank
     */
    String create(String name, String defaultDomain);
}
