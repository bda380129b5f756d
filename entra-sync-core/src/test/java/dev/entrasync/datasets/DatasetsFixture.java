package dev.entrasync.datasets;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.GraphLimits;
import dev.entrasync.InMemoryCheckpointStore;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.SyncConfig;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncListener;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The simulated cloud fixture plus a checkpoint store the tests can read, the simulated cloud on the
 * same fake clock, and tenants generated as of the fake clock's day. Close it after each test.
 */
final class DatasetsFixture implements AutoCloseable {

    static final Instant AS_OF = Instant.parse("2026-11-22T00:00:00Z");
    static final Set<Dataset> ALL = EnumSet.allOf(Dataset.class);

    final SimulatedCloudFixture sim = new SimulatedCloudFixture();
    final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    SyncConfig config = SyncConfig.ofDefaults();
    GraphLimits limits = GraphLimits.ofDefaults();
    /** Hears the engines {@link #sync} builds. */
    SyncListener listener = new SyncListener() {};

    DatasetsFixture() {
        sim.cloud.clock(sim.time);
    }

    /** A tenant with these counts (one user in 25 a guest), consented with every read permission. */
    SimulatedTenant tenant(String name, int users, int devices, int groups) {
        return tenant(TenantBuilder.create(name)
                .seed(name.hashCode())
                .asOf(AS_OF)
                .users(users - users / 25)
                .guests(users / 25)
                .devices(devices)
                .groups(groups));
    }

    SimulatedTenant tenant(TenantBuilder builder) {
        return tenant(builder.build());
    }

    /** Adds a built tenant (such as the testkit's {@code ContosoFixture}), consented with every read permission. */
    SimulatedTenant tenant(SimulatedTenant built) {
        SimulatedTenant tenant = sim.cloud.addTenant(built);
        tenant.consent(sim.app, Permissions.allRead());
        return tenant;
    }

    SyncResult sync(SimulatedTenant tenant, Set<Dataset> datasets) {
        return sync(tenant, datasets, sim.sink);
    }

    /** Syncs into another sink (usually one wrapping {@code sim.sink}). */
    SyncResult sync(SimulatedTenant tenant, Set<Dataset> datasets, DatasetSink sink) {
        try (SyncEngine engine = sim.runtime(limits)
                .engine()
                .tenants(sim.mapper)
                .jobs(sim.jobs)
                .sink(sink)
                .checkpoints(checkpoints)
                .config(config)
                .listener(listener)
                .build()) {
            return engine.sync("msp", TenantId.of(tenant.id()), datasets);
        }
    }

    SyncResult syncAll(SimulatedTenant tenant) {
        return sync(tenant, ALL);
    }

    <R extends EntraRecord> List<R> records(SimulatedTenant tenant, Dataset dataset) {
        return sim.sink.records(TenantId.of(tenant.id()), dataset);
    }

    /** HTTP requests Graph received ({@code $batch} items travel inside one). */
    List<RecordedCall> httpCalls() {
        return sim.cloud.graphCalls().stream().filter(c -> !c.batchItem()).toList();
    }

    GraphProbe probe(SimulatedTenant tenant) {
        return new GraphProbe(sim.cloud, tenant.id(), SimulatedCloudFixture.CLIENT_ID, SimulatedCloudFixture.SECRET);
    }

    @Override
    public void close() {
        sim.close();
    }
}
