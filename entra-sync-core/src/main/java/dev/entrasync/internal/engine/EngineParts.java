package dev.entrasync.internal.engine;

import dev.entrasync.CheckpointStore;
import dev.entrasync.CredentialStore;
import dev.entrasync.DatasetSink;
import dev.entrasync.JobStore;
import dev.entrasync.LicenseCatalog;
import dev.entrasync.Sleeper;
import dev.entrasync.SyncConfig;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantMapper;
import dev.entrasync.internal.graph.GraphTransport;
import dev.entrasync.spi.SecretExpiryCheck;
import dev.entrasync.spi.SyncScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * What {@link dev.entrasync.runtime.EntraSync.EngineBuilder} hands the engine; {@code executor}, {@code secrets} and
 * {@code scheduler} may be null. The transport is the runtime's: the engine uses it and never closes it.
 */
public record EngineParts(
        CredentialStore credentials,
        TenantMapper tenants,
        DatasetSink sink,
        CheckpointStore checkpoints,
        JobStore jobs,
        SyncConfig config,
        LicenseCatalog licenseCatalog,
        Clock clock,
        Sleeper sleeper,
        GraphTransport transport,
        ExecutorService executor,
        int workers,
        Duration interval,
        Duration tick,
        SecretExpiryCheck secrets,
        SyncScheduler scheduler,
        List<SyncListener> listeners) {

    public EngineParts {
        listeners = List.copyOf(listeners);
    }
}
