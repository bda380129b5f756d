package dev.entrasync.onboarding;

import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import java.util.List;

/**
 * What {@link TenantImport#importTenants} did: the new mappings, and the tenants it left alone
 * because they were already mapped. Immutable.
 *
 * @param imported one new mapping (and company) per imported tenant, in the order given
 * @param skipped tenants that were already mapped, each with the company they belong to
 */
public record ImportResult(List<TenantMapping> imported, List<Skipped> skipped) {

    /**
     * Copies the lists into unmodifiable ones.
     *
     * @param imported one new mapping per imported tenant, in the order given; never null
     * @param skipped tenants that were already mapped; never null
     * @throws NullPointerException if a list is null or holds null
     */
    public ImportResult {
        imported = List.copyOf(imported);
        skipped = List.copyOf(skipped);
    }

    /**
     * A tenant not imported because it is mapped to {@code companyId} already.
     *
     * @param tenant the tenant that was not imported
     * @param companyId the company it is mapped to; null when the conflicting mapping could not be read
     * @param reason why it was skipped, in words
     */
    public record Skipped(TenantId tenant, String companyId, String reason) {}
}
