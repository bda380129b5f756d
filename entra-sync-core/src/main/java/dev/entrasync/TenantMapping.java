package dev.entrasync;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One host company paired with one tenant: which credential reads it, which datasets are synced,
 * and the tenant's sync controls — paused, excluded, its own interval, and a block left by a
 * permanent token failure. The sync engine schedules every mapping that is not paused, excluded or
 * blocked. Because the controls are stored with the mapping, every engine over the same
 * {@link TenantMapper} (every instance of a cluster, and an engine after a restart) sees the same.
 * Immutable; derive changed copies with the {@code with…} methods and store them with
 * {@link TenantMapper#update(TenantMapping)} (or let the engine's {@code pause}, {@code exclude},
 * {@code interval} and {@code resume} do it).
 *
 * @param companyId the host's company id
 * @param tenant the tenant's GUID
 * @param credentialName the credential that reads the tenant
 * @param displayName the tenant's name when mapped, or null
 * @param defaultDomain the tenant's default domain when mapped, or null
 * @param datasets what to sync; never empty
 * @param paused true to stop scheduled syncs without deleting the mapping (Sync now still runs)
 * @param excluded true to stop every sync of the tenant, scheduled or manual, without deleting the mapping
 * @param interval the tenant's own sync interval (at least one minute), or null for the engine's
 * @param block why the engine stopped syncing the tenant after a permanent token failure, or null
 *     when it is not blocked
 */
public record TenantMapping(
        String companyId,
        TenantId tenant,
        String credentialName,
        String displayName,
        String defaultDomain,
        Set<Dataset> datasets,
        boolean paused,
        boolean excluded,
        Duration interval,
        TenantBlock block) {

    /** The shortest own interval a tenant may have. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    /**
     * Validates the components; the company id is trimmed and the datasets are copied into an unmodifiable set.
     *
     * @param companyId the host's company id; not blank
     * @param tenant the tenant's GUID; a domain name is refused
     * @param credentialName the name of the credential that reads the tenant; not blank
     * @param displayName the tenant's name when mapped; may be null
     * @param defaultDomain the tenant's default domain when mapped; may be null
     * @param datasets what to sync; not null and not empty
     * @param paused true to stop scheduled syncs without deleting the mapping
     * @param excluded true to stop every sync of the tenant
     * @param interval the tenant's own sync interval, at least {@link #MIN_INTERVAL}; null for the engine's
     * @param block why the engine stopped syncing the tenant; null when it is not blocked
     * @throws IllegalArgumentException naming the field, for a blank company id or credential name, a
     *     tenant that is not a GUID, no datasets, or an interval shorter than {@link #MIN_INTERVAL}
     */
    public TenantMapping {
        if (companyId == null || companyId.isBlank()) {
            throw new IllegalArgumentException("companyId: must not be empty");
        }
        companyId = companyId.trim();
        if (tenant == null || !tenant.isGuid()) {
            throw new IllegalArgumentException(
                    "tenant: must be the tenant's GUID (from discovery or consent), was " + tenant);
        }
        if (credentialName == null || credentialName.isBlank()) {
            throw new IllegalArgumentException("credentialName: must not be empty");
        }
        if (datasets == null || datasets.isEmpty()) {
            throw new IllegalArgumentException("datasets: choose at least one dataset to sync");
        }
        datasets = Collections.unmodifiableSet(EnumSet.copyOf(datasets));
        if (interval != null && interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException(
                    "interval: must be at least 1 minute, was " + interval + "; use null for the engine's interval");
        }
    }

    /**
     * A mapping with no controls set besides {@code paused}: not excluded, the engine's interval, not
     * blocked.
     *
     * @param companyId the host's company id; not blank
     * @param tenant the tenant's GUID; a domain name is refused
     * @param credentialName the name of the credential that reads the tenant; not blank
     * @param displayName the tenant's name when mapped; may be null
     * @param defaultDomain the tenant's default domain when mapped; may be null
     * @param datasets what to sync; not null and not empty
     * @param paused true to stop scheduled syncs without deleting the mapping
     * @throws IllegalArgumentException as the canonical constructor
     */
    public TenantMapping(
            String companyId,
            TenantId tenant,
            String credentialName,
            String displayName,
            String defaultDomain,
            Set<Dataset> datasets,
            boolean paused) {
        this(companyId, tenant, credentialName, displayName, defaultDomain, datasets, paused, false, null, null);
    }

    /**
     * A copy syncing these datasets instead.
     *
     * @param datasets the datasets to sync instead; not null and not empty
     * @return a new mapping equal to this one but for its datasets; never null
     * @throws IllegalArgumentException if {@code datasets} is null or empty
     */
    public TenantMapping withDatasets(Set<Dataset> datasets) {
        return new TenantMapping(
                companyId,
                tenant,
                credentialName,
                displayName,
                defaultDomain,
                datasets,
                paused,
                excluded,
                interval,
                block);
    }

    /**
     * A copy that is paused (or resumed).
     *
     * @param paused true to pause scheduled syncs, false to resume them
     * @return a new mapping equal to this one but for {@code paused}; never null
     */
    public TenantMapping withPaused(boolean paused) {
        return new TenantMapping(
                companyId,
                tenant,
                credentialName,
                displayName,
                defaultDomain,
                datasets,
                paused,
                excluded,
                interval,
                block);
    }

    /**
     * A copy that is excluded from every sync (or included again).
     *
     * @param excluded true to exclude the tenant from every sync, false to include it again
     * @return a new mapping equal to this one but for {@code excluded}; never null
     */
    public TenantMapping withExcluded(boolean excluded) {
        return new TenantMapping(
                companyId,
                tenant,
                credentialName,
                displayName,
                defaultDomain,
                datasets,
                paused,
                excluded,
                interval,
                block);
    }

    /**
     * A copy with its own interval (null: the engine's).
     *
     * @param interval the tenant's own sync interval, at least {@link #MIN_INTERVAL}; null for the engine's
     * @return a new mapping equal to this one but for its interval; never null
     * @throws IllegalArgumentException if shorter than {@link #MIN_INTERVAL}
     */
    public TenantMapping withInterval(Duration interval) {
        return new TenantMapping(
                companyId,
                tenant,
                credentialName,
                displayName,
                defaultDomain,
                datasets,
                paused,
                excluded,
                interval,
                block);
    }

    /**
     * A copy blocked for this reason (null: not blocked).
     *
     * @param block why the engine stopped syncing the tenant; null to clear the block
     * @return a new mapping equal to this one but for its block; never null
     */
    public TenantMapping withBlock(TenantBlock block) {
        return new TenantMapping(
                companyId,
                tenant,
                credentialName,
                displayName,
                defaultDomain,
                datasets,
                paused,
                excluded,
                interval,
                block);
    }
}
