package dev.entrasync.internal.graph;

import dev.entrasync.LicenseCatalog;
import dev.entrasync.model.EntraLicense;
import java.util.List;
import java.util.Objects;

/**
 * The small per-tenant indexes several datasets share during one tenant run, each loaded at most
 * once: the subscribed SKUs (licences, and users' licence names), the activated roles with their
 * members (roles, and users' role names) and the MFA registration report (users). The requests are
 * counted on the stats of the dataset that needed them first. One tenant run, one thread.
 */
public final class TenantIndexes {

    private final TenantGraph graph;
    private final LicenseCatalog catalog;
    private final Memo<List<EntraLicense>> licenses = new Memo<>();
    private final Memo<RolesFetcher.RoleIndex> roles = new Memo<>();
    private final Memo<MfaIndex> mfa = new Memo<>();

    public TenantIndexes(TenantGraph graph, LicenseCatalog catalog) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** The tenant's subscribed SKUs with friendly names. */
    public List<EntraLicense> licenses(RequestStats stats) {
        return licenses.get(() -> LicensesFetcher.load(graph, catalog, stats));
    }

    /** The activated directory roles with their members, and warnings about members that could not be read. */
    RolesFetcher.RoleIndex roles(RequestStats stats) {
        return roles.get(() -> RolesFetcher.load(graph, stats));
    }

    /** Users' MFA registration, or why it is unknown. */
    public MfaIndex mfa(RequestStats stats) {
        return mfa.get(() -> MfaReport.load(graph, stats));
    }
}
