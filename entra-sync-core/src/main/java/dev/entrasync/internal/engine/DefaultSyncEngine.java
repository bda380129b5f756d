package dev.entrasync.internal.engine;

import dev.entrasync.AppCredential;
import dev.entrasync.CheckpointStore;
import dev.entrasync.CredentialStore;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetSink;
import dev.entrasync.GraphLimits;
import dev.entrasync.HttpSettings;
import dev.entrasync.LicenseCatalog;
import dev.entrasync.Sleeper;
import dev.entrasync.SyncConfig;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.internal.graph.GraphTransport;
import dev.entrasync.internal.graph.TenantGraph;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The engine behind {@link SyncEngine}: resolves the credential and the tenant's token, then hands the tenant to {@link TenantSync}. */
public final class DefaultSyncEngine implements SyncEngine {

    private final CredentialStore credentials;
    private final GraphTransport transport;
    private final TenantSync tenantSync;

    public DefaultSyncEngine(CredentialStore credentials, DatasetSink sink, CheckpointStore checkpoints,
                             SyncConfig config, LicenseCatalog catalog, Clock clock, Sleeper sleeper, HttpSettings http,
                             GraphLimits limits) {
        this.credentials = credentials;
        this.transport = new GraphTransport(http, limits, clock, sleeper);
        this.tenantSync = new TenantSync(sink, checkpoints, config, catalog, clock);
    }

    @Override
    public SyncResult sync(String credentialName, TenantId tenant, Set<Dataset> datasets) {
        return sync(credentialName, tenant, datasets, UUID.randomUUID().toString(), SyncProgress.NONE);
    }

    /**
     * {@link #sync(String, TenantId, Set)} with the caller's run id (a job id) and progress callback,
     * for the scheduler.
     */
    public SyncResult sync(String credentialName, TenantId tenant, Set<Dataset> datasets, String runId,
                           SyncProgress progress) {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("datasets: must not be empty");
        }
        AppCredential credential = credentials.find(credentialName).orElseThrow(() -> new IllegalArgumentException(
                "credentialName: no credential named '" + credentialName + "' in the credential store"));
        TenantGraph graph = transport.forTenant(credential, tenant.value());
        // Fail fast, before any sink session opens, when no token can be had.
        String tenantGuid = transport.tokens().token(credential, tenant.value()).tenantId();
        TenantId key = tenantGuid == null ? tenant : TenantId.of(tenantGuid);
        List<DatasetResult> results = tenantSync.run(graph, key, datasets, runId, progress);
        return new SyncResult(key, runId, results);
    }

    @Override
    public void close() {
        transport.close();
    }
}
