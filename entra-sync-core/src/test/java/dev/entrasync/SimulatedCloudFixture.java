package dev.entrasync;

import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;

/** A simulated cloud with one registered app and an engine pointed at it, on fake time. Close it after each test. */
final class SimulatedCloudFixture implements AutoCloseable {

    static final String CLIENT_ID = "0b5f1f5e-7c3d-4a2b-9e1f-3c2d1b0a9f8e";
    static final String SECRET = "Zq8~S3cr3t.Value-ThatMustNeverBeLogged_0123456789";
    static final String HOME_TENANT = "f0e1d2c3-b4a5-4697-8899-aabbccddeeff";

    final SimulatedCloud cloud = SimulatedCloud.start();
    final SimulatedApp app = cloud.registerApp(CLIENT_ID, SECRET);
    final FakeTime time = new FakeTime();
    final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    final InMemoryDatasetSink sink = new InMemoryDatasetSink();

    SimulatedCloudFixture() {
        credentials.save(credential(SECRET));
    }

    Cloud simulatedCloud() {
        return Cloud.custom(cloud.loginUrl(), cloud.graphUrl());
    }

    AppCredential credential(String secret) {
        return AppCredential.builder().name("msp").cloud(simulatedCloud()).homeTenant(HOME_TENANT)
                .clientId(CLIENT_ID).secret(secret).build();
    }

    /** A tenant of exactly {@code users} users (one in 25 a guest), consented with every read permission. */
    SimulatedTenant tenant(String name, int users) {
        SimulatedTenant tenant = cloud.addTenant(TenantBuilder.create(name).seed(name.hashCode())
                .users(users - users / 25).guests(users / 25).build());
        tenant.consent(app, Permissions.allRead());
        return tenant;
    }

    SyncEngine engine() {
        return engine(GraphLimits.defaults());
    }

    SyncEngine engine(GraphLimits limits) {
        return EntraSync.builder().credentials(credentials).sink(sink).clock(time).sleeper(time).limits(limits).build();
    }

    @Override
    public void close() {
        cloud.close();
    }
}
