package dev.entrasync.testing;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.Dataset;
import dev.entrasync.InMemoryCheckpointStore;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.InMemoryJobStore;
import dev.entrasync.InMemoryTenantMapper;
import dev.entrasync.Sleeper;
import dev.entrasync.SyncEngine;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A host of entra-sync against the simulated Microsoft cloud, as {@link SimulatedCloudExtension} builds it for a
 * test: the cloud with one registered app and one consented, mapped tenant; an {@link EntraSync} runtime with a
 * credential for the app, on {@link FakeTime} (or the system clock); in-memory stores and a {@link RecordingSink};
 * and, on first use, a {@link SyncEngine} wired to all of them. The extension closes it after the test; a test
 * that builds one itself with {@link #start} closes it.
 *
 * <p>Thread-safe: the stores and the sink are, and {@link #engine()} builds its engine once.
 */
public final class TestHost implements AutoCloseable {

    /** The name of the app credential the runtime holds. */
    public static final String CREDENTIAL = "msp";
    /** The client id of the simulated app. */
    public static final String CLIENT_ID = "0b5f1f5e-7c3d-4a2b-9e1f-3c2d1b0a9f8e";
    /** The simulated app's client secret. */
    public static final String SECRET = "Zq8~S3cr3t.Value-ThatMustNeverBeLogged_0123456789";
    /** The app's home tenant (the MSP's own), not added to the cloud. */
    public static final String HOME_TENANT = "f0e1d2c3-b4a5-4697-8899-aabbccddeeff";

    private final SimulatedCloud cloud;
    private final SimulatedApp app;
    private final FakeTime fakeTime;
    private final Clock clock;
    private final Sleeper sleeper;
    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    private final InMemoryTenantMapper tenants = new InMemoryTenantMapper();
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    private final RecordingSink sink = new RecordingSink();
    private final EntraSync runtime;
    private final SimulatedTenant tenant;
    private SyncEngine engine;

    private TestHost(EntraSyncTest settings) {
        this.cloud = SimulatedCloud.start();
        try {
            this.app = cloud.registerApp(CLIENT_ID, SECRET);
            this.fakeTime = settings.fakeTime() ? new FakeTime() : null;
            this.clock = fakeTime == null ? Clock.systemUTC() : fakeTime;
            this.sleeper = fakeTime == null ? Sleeper.SYSTEM : fakeTime;
            if (fakeTime != null) {
                cloud.clock(fakeTime); // the cloud stamps tokens and calls on the same time the engine reads
            }
            credentials.save(AppCredential.builder()
                    .name(CREDENTIAL)
                    .cloud(Cloud.custom(cloud.loginUrl(), cloud.graphUrl()))
                    .homeTenant(HOME_TENANT)
                    .clientId(CLIENT_ID)
                    .secret(SECRET)
                    .build());
            this.runtime = EntraSync.builder()
                    .credentials(credentials)
                    .clock(clock)
                    .sleeper(sleeper)
                    .build();
            this.tenant = addTenant(settings.tenant(), settings.users(), settings.datasets());
        } catch (RuntimeException | Error e) {
            cloud.close();
            throw e;
        }
    }

    /**
     * Starts a host as {@code settings} describe it (the extension reads them from the test's
     * {@link EntraSyncTest} annotation). The caller closes it.
     */
    public static TestHost start(EntraSyncTest settings) {
        return new TestHost(settings);
    }

    /**
     * Adds a tenant of exactly {@code users} users (one in 25 a guest, generated from the name), consents it to
     * the app with every read permission and maps it (company id: the name in lower case, credential
     * {@link #CREDENTIAL}) with these datasets, all when none are given.
     */
    public SimulatedTenant addTenant(String name, int users, Dataset... datasets) {
        SimulatedTenant added = cloud.addTenant(TenantBuilder.create(name)
                .seed(name.hashCode())
                .users(users - users / 25)
                .guests(users / 25)
                .build());
        added.consent(app, Permissions.allRead());
        Set<Dataset> chosen = datasets.length == 0 ? EnumSet.allOf(Dataset.class) : EnumSet.copyOf(List.of(datasets));
        tenants.map(new TenantMapping(
                name.toLowerCase(Locale.ROOT).replace(' ', '-'),
                TenantId.of(added.id()),
                CREDENTIAL,
                added.displayName(),
                null,
                chosen,
                false));
        return added;
    }

    public SimulatedCloud cloud() {
        return cloud;
    }

    /** The registered app, whose secret the runtime's credential holds. */
    public SimulatedApp app() {
        return app;
    }

    /** The tenant the host started with. */
    public SimulatedTenant tenant() {
        return tenant;
    }

    /** The id of {@link #tenant()}. */
    public TenantId tenantId() {
        return TenantId.of(tenant.id());
    }

    /** The fake time the runtime and the cloud run on; empty when the host runs on the system clock. */
    public Optional<FakeTime> fakeTime() {
        return Optional.ofNullable(fakeTime);
    }

    /** The runtime's clock: the {@link FakeTime}, or the system clock in UTC. */
    public Clock clock() {
        return clock;
    }

    /** The runtime's sleeper: the {@link FakeTime}, or {@link Sleeper#SYSTEM}. */
    public Sleeper sleeper() {
        return sleeper;
    }

    public InMemoryCredentialStore credentials() {
        return credentials;
    }

    public InMemoryTenantMapper tenants() {
        return tenants;
    }

    public InMemoryJobStore jobs() {
        return jobs;
    }

    public InMemoryCheckpointStore checkpoints() {
        return checkpoints;
    }

    /** The sink {@link #engine()} writes to. */
    public RecordingSink sink() {
        return sink;
    }

    public EntraSync runtime() {
        return runtime;
    }

    /**
     * An engine builder on {@link #runtime()} wired to this host's tenants, sink, checkpoints and jobs, for a test
     * that needs its own engine (a listener, a config, another sink); the engine closes with the runtime.
     */
    public EntraSync.EngineBuilder engineBuilder() {
        return runtime.engine()
                .tenants(tenants)
                .sink(sink)
                .checkpoints(checkpoints)
                .jobs(jobs);
    }

    /** The engine of {@link #engineBuilder()} with its defaults, built on first call. */
    public synchronized SyncEngine engine() {
        if (engine == null) {
            engine = engineBuilder().build();
        }
        return engine;
    }

    /** Closes the runtime (and with it every engine built on it), then the simulated cloud. */
    @Override
    public void close() {
        List<AutoCloseable> parts = new ArrayList<>(List.of(runtime::close, cloud::close));
        RuntimeException failure = null;
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the test host failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
