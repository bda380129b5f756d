package dev.entrasync;

import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testing.FakeTime;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;

/** A simulated cloud with one registered app and an engine pointed at it, on fake time. Close it after each test. */
public final class SimulatedCloudFixture implements AutoCloseable {

    public static final String CLIENT_ID = "0b5f1f5e-7c3d-4a2b-9e1f-3c2d1b0a9f8e";
    public static final String SECRET = "Zq8~S3cr3t.Value-ThatMustNeverBeLogged_0123456789";
    public static final String HOME_TENANT = "f0e1d2c3-b4a5-4697-8899-aabbccddeeff";

    public final SimulatedCloud cloud = SimulatedCloud.start();
    public final SimulatedApp app = cloud.registerApp(CLIENT_ID, SECRET);
    public final FakeTime time = new FakeTime();
    public final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    public final InMemoryDatasetSink sink = new InMemoryDatasetSink();
    public final InMemoryTenantMapper mapper = new InMemoryTenantMapper();
    public final InMemoryJobStore jobs = new InMemoryJobStore();
    private final java.util.List<EntraSync> runtimes = new java.util.concurrent.CopyOnWriteArrayList<>();

    public SimulatedCloudFixture() {
        credentials.save(credential(SECRET));
    }

    public Cloud simulatedCloud() {
        return Cloud.custom(cloud.loginUrl(), cloud.graphUrl());
    }

    public AppCredential credential(String secret) {
        return AppCredential.builder()
                .name("msp")
                .cloud(simulatedCloud())
                .homeTenant(HOME_TENANT)
                .clientId(CLIENT_ID)
                .secret(secret)
                .build();
    }

    /** A tenant of exactly {@code users} users (one in 25 a guest), consented with every read permission. */
    public SimulatedTenant tenant(String name, int users) {
        SimulatedTenant tenant = cloud.addTenant(TenantBuilder.create(name)
                .seed(name.hashCode())
                .users(users - users / 25)
                .guests(users / 25)
                .build());
        tenant.consent(app, Permissions.allRead());
        return tenant;
    }

    public SyncEngine engine() {
        return engine(GraphLimits.ofDefaults());
    }

    public SyncEngine engine(GraphLimits limits) {
        return runtime(limits).engine().tenants(mapper).sink(sink).jobs(jobs).build();
    }

    /**
     * An engine builder wired to this fixture's stores, on a new runtime with this fixture's credentials, clock
     * and sleeper (so each engine has its own connections and token cache, as separate hosts would).
     */
    public EntraSync.EngineBuilder builder() {
        return runtime(GraphLimits.ofDefaults())
                .engine()
                .tenants(mapper)
                .sink(sink)
                .jobs(jobs);
    }

    /** A new runtime on this fixture's credentials, clock and sleeper, closed with the fixture. */
    public EntraSync runtime(GraphLimits limits) {
        EntraSync runtime = EntraSync.builder()
                .credentials(credentials)
                .clock(time)
                .sleeper(time)
                .limits(limits)
                .build();
        runtimes.add(runtime);
        return runtime;
    }

    /** Maps the tenant to company {@code company} with these datasets (all when none are given). */
    public TenantMapping map(String company, SimulatedTenant tenant, Dataset... datasets) {
        java.util.Set<Dataset> chosen = datasets.length == 0
                ? java.util.EnumSet.allOf(Dataset.class)
                : java.util.EnumSet.copyOf(java.util.List.of(datasets));
        return mapper.map(
                new TenantMapping(company, TenantId.of(tenant.id()), "msp", tenant.displayName(), null, chosen, false));
    }

    @Override
    public void close() {
        runtimes.forEach(EntraSync::close);
        cloud.close();
    }
}
