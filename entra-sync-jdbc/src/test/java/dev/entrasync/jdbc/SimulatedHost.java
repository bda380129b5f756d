package dev.entrasync.jdbc;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.Sleeper;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Clock;
import java.time.Instant;

/**
 * A host on entra-sync-jdbc: the simulated Microsoft cloud with one registered app, and an engine builder
 * wired to every JDBC store of one {@link JdbcStorage}, on the given clock. Close it after each test.
 */
final class SimulatedHost implements AutoCloseable {

    static final String CLIENT_ID = "0b5f1f5e-7c3d-4a2b-9e1f-3c2d1b0a9f8e";
    static final String SECRET = "Zq8~S3cr3t.Value-ThatMustNeverBeStoredInClear_0123456789";
    static final String HOME_TENANT = "f0e1d2c3-b4a5-4697-8899-aabbccddeeff";
    static final Instant AS_OF = Instant.parse("2026-11-22T00:00:00Z");

    final SimulatedCloud cloud = SimulatedCloud.start();
    final SimulatedApp app = cloud.registerApp(CLIENT_ID, SECRET);
    final JdbcStorage storage;
    final SecretKeyRing keys =
            SecretKeyRing.builder().key("k1", SecretKeyRing.generateKey()).build();
    private final Clock clock;
    private final Sleeper sleeper;
    private final java.util.List<EntraSync> runtimes = new java.util.concurrent.CopyOnWriteArrayList<>();

    SimulatedHost(JdbcStorage storage, Clock clock, Sleeper sleeper) {
        this.storage = storage;
        this.clock = clock;
        this.sleeper = sleeper;
        cloud.clock(clock);
        storage.credentialStore(keys)
                .save(AppCredential.builder()
                        .name("msp")
                        .cloud(Cloud.custom(cloud.loginUrl(), cloud.graphUrl()))
                        .homeTenant(HOME_TENANT)
                        .clientId(CLIENT_ID)
                        .secret(SECRET)
                        .build());
    }

    /** A generated tenant (one user in 25 a guest), consented with every read permission. */
    SimulatedTenant tenant(String name, int users, int devices, int groups) {
        SimulatedTenant tenant = cloud.addTenant(TenantBuilder.create(name)
                .seed(name.hashCode())
                .asOf(AS_OF)
                .users(users - users / 25)
                .guests(users / 25)
                .devices(devices)
                .groups(groups)
                .build());
        tenant.consent(app, Permissions.allRead());
        return tenant;
    }

    /**
     * An engine builder on this host's JDBC stores, on a runtime of its own with this host's clock and sleeper
     * (each engine stands for one host instance of a cluster); the runtimes close with this host.
     */
    EntraSync.EngineBuilder engine() {
        EntraSync runtime = EntraSync.builder()
                .credentials(storage.credentialStore(keys))
                .clock(clock)
                .sleeper(sleeper)
                .build();
        runtimes.add(runtime);
        return storage.engine(runtime);
    }

    @Override
    public void close() {
        runtimes.forEach(EntraSync::close);
        cloud.close();
    }
}
