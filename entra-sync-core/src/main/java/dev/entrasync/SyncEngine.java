package dev.entrasync;

import java.util.Set;

/**
 * Syncs tenants' Entra data into the host's {@link DatasetSink}. Built once per host with
 * {@link EntraSync#builder()} and shared: it owns the HTTP connections, the token cache and the
 * per-tenant limits, so several engines would compete for Graph's per-app budget.
 *
 * <p>Thread-safe: several tenants may be synced concurrently from different threads. Close it to
 * release connections.
 */
public interface SyncEngine extends AutoCloseable {

    /**
     * Syncs the datasets of one tenant now, on the calling thread, and reports each dataset's
     * outcome. A dataset that fails (a missing permission, a licence, a Graph failure) is reported
     * on its result and its sink session is aborted; the other datasets still run.
     *
     * @param credentialName the credential in the engine's {@link CredentialStore}
     * @param tenant the tenant (GUID or domain)
     * @param datasets what to sync; never empty
     * @return one result per dataset, in the order of {@link Dataset}
     * @throws TokenException if no token can be had for the tenant (nothing is written)
     * @throws IllegalArgumentException if the credential is unknown
     */
    SyncResult sync(String credentialName, TenantId tenant, Set<Dataset> datasets);

    /** Releases connections. In-flight syncs fail; their sink sessions are aborted. */
    @Override
    void close();
}
