package dev.entrasync.internal.engine;

import dev.entrasync.AppCredential;
import dev.entrasync.CredentialStore;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetSink;
import dev.entrasync.EntraSyncException;
import dev.entrasync.GraphLimits;
import dev.entrasync.HttpSettings;
import dev.entrasync.LicenseRequiredException;
import dev.entrasync.MissingPermissionException;
import dev.entrasync.SinkContext;
import dev.entrasync.Sleeper;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.internal.graph.GraphTransport;
import dev.entrasync.internal.graph.Priority;
import dev.entrasync.internal.graph.RequestStats;
import dev.entrasync.internal.graph.TenantGraph;
import dev.entrasync.internal.graph.UsersFetcher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine behind {@link SyncEngine}: one tenant at a time per call, each dataset in its own sink session. */
public final class DefaultSyncEngine implements SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSyncEngine.class);

    private final CredentialStore credentials;
    private final DatasetSink sink;
    private final GraphTransport transport;

    public DefaultSyncEngine(CredentialStore credentials, DatasetSink sink, Clock clock, Sleeper sleeper,
                             HttpSettings http, GraphLimits limits) {
        this.credentials = credentials;
        this.sink = sink;
        this.transport = new GraphTransport(http, limits, clock, sleeper);
    }

    @Override
    public SyncResult sync(String credentialName, TenantId tenant, Set<Dataset> datasets) {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("datasets: must not be empty");
        }
        AppCredential credential = credentials.find(credentialName).orElseThrow(() -> new IllegalArgumentException(
                "credentialName: no credential named '" + credentialName + "' in the credential store"));
        String runId = UUID.randomUUID().toString();
        TenantGraph graph = transport.forTenant(credential, tenant.value());
        // Fail fast, before any sink session opens, when no token can be had.
        String tenantGuid = transport.tokens().token(credential, tenant.value()).tenantId();
        TenantId key = tenantGuid == null ? tenant : TenantId.of(tenantGuid);
        List<DatasetResult> results = new ArrayList<>();
        for (Dataset dataset : EnumSet.copyOf(datasets)) {
            results.add(run(graph, key, dataset, runId));
        }
        return new SyncResult(key, runId, results);
    }

    private DatasetResult run(TenantGraph graph, TenantId tenant, Dataset dataset, String runId) {
        RequestStats stats = new RequestStats();
        AtomicLong rows = new AtomicLong();
        DatasetSink.Session session = sink.open(new SinkContext(tenant, dataset, runId, true));
        try {
            switch (dataset) {
                case USERS -> UsersFetcher.fetch(graph, Priority.LOW, stats, page -> {
                    if (!page.isEmpty()) {
                        session.upsert(page);
                        rows.addAndGet(page.size());
                    }
                });
                default -> throw new UnsupportedOperationException(dataset.key() + " is not synced by this engine yet");
            }
            session.complete();
            return new DatasetResult(dataset, DatasetResult.Status.SUCCEEDED, DatasetResult.Mode.FULL, rows.get(), 0,
                    stats.requests(), stats.throttledResponses(), stats.retryAfterWaited(), null, null, List.of());
        } catch (RuntimeException e) {
            session.abort(e);
            LOG.warn("Tenant {}: {} failed: {}", tenant, dataset.key(), e.getMessage());
            String fix = e instanceof MissingPermissionException m ? "Add " + m.permissions().get(0)
                    + " to the app registration and re-consent."
                    : e instanceof LicenseRequiredException l ? "The tenant needs " + l.licence() + "."
                    : e instanceof EntraSyncException x && x.isTransient() ? "Nothing to change; the next sync retries." : null;
            return new DatasetResult(dataset, DatasetResult.Status.FAILED, DatasetResult.Mode.FULL, 0, 0, stats.requests(),
                    stats.throttledResponses(), stats.retryAfterWaited(), e.getMessage(), fix, List.of());
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
