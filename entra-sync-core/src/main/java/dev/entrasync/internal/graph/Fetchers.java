package dev.entrasync.internal.graph;

import dev.entrasync.Dataset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fetcher of each dataset, and the order a tenant's datasets run in: licences and roles before
 * users, so users reuse the SKU and role lists those datasets read (and the requests are counted
 * where a host expects them).
 */
public final class Fetchers {

    /** Run order. */
    public static final List<Dataset> ORDER = List.of(
            Dataset.TENANT_PROFILE,
            Dataset.LICENSES,
            Dataset.ROLES,
            Dataset.USERS,
            Dataset.GROUPS,
            Dataset.DEVICES,
            Dataset.AUDIT_LOGS,
            Dataset.SECURE_SCORES,
            Dataset.SIGN_IN_ACTIVITY,
            Dataset.CONDITIONAL_ACCESS,
            Dataset.APPLICATIONS,
            Dataset.MANAGED_DEVICES);

    private static final Map<Dataset, DatasetFetcher> FETCHERS = new EnumMap<>(Dataset.class);

    static {
        List.of(
                        new TenantProfileFetcher(),
                        new LicensesFetcher(),
                        new RolesFetcher(),
                        new UsersFetcher(),
                        new GroupsFetcher(),
                        new DevicesFetcher(),
                        new AuditLogsFetcher(),
                        new SecureScoresFetcher(),
                        new SignInActivityFetcher(),
                        new ConditionalAccessFetcher(),
                        new ApplicationsFetcher(),
                        new ManagedDevicesFetcher())
                .forEach(f -> FETCHERS.put(f.dataset(), f));
    }

    private Fetchers() {}

    /** The fetcher of a dataset. */
    public static DatasetFetcher of(Dataset dataset) {
        return FETCHERS.get(dataset);
    }
}
