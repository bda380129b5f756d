package dev.entrasync.benchmark;

import dev.entrasync.testing.ScaledTime;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The simulated cloud of a run: the testkit's {@link SimulatedCloud} with the fleet's tenants,
 * two app registrations (entra-sync's, and the naive loop's, which also holds
 * UserAuthenticationMethod.Read.All for its per-user MFA calls), Graph's throttling when asked, and
 * its clock and latency set per phase. Calls are counted, not recorded.
 */
final class SimulatedFleet implements AutoCloseable {

    static final String ENTRA_SYNC_CLIENT = "2e6f1c0a-5b4d-4e3f-9a8b-7c6d5e4f3a2b";
    static final String NAIVE_CLIENT = "8d7c6b5a-4f3e-4d2c-8b1a-0f9e8d7c6b5a";
    static final String ENTRA_SYNC_SECRET = "entra-sync-benchmark-secret";
    static final String NAIVE_SECRET = "naive-benchmark-secret";

    private final SimulatedCloud cloud;
    private final ScaledTime clock;
    private final List<FleetTenant> tenants;
    private final List<SimulatedTenant> simulated;

    private SimulatedFleet(
            SimulatedCloud cloud, ScaledTime clock, List<FleetTenant> tenants, List<SimulatedTenant> simulated) {
        this.cloud = cloud;
        this.clock = clock;
        this.tenants = tenants;
        this.simulated = simulated;
    }

    /** Generates the tenants (on every core) and starts the cloud in real time without latency. */
    static SimulatedFleet start(List<TenantPlan> plans, boolean throttling) {
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.DAYS);
        List<SimulatedTenant> built = IntStream.range(0, plans.size())
                .parallel()
                .mapToObj(i -> build(plans.get(i), asOf))
                .toList();
        ScaledTime clock = ScaledTime.realTime();
        SimulatedCloud cloud =
                SimulatedCloud.start().clock(clock).recordCalls(false).throttling(throttling);
        SimulatedApp entraSync = cloud.registerApp(ENTRA_SYNC_CLIENT, ENTRA_SYNC_SECRET);
        SimulatedApp naive = cloud.registerApp(NAIVE_CLIENT, NAIVE_SECRET);
        List<FleetTenant> tenants = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            SimulatedTenant tenant = cloud.addTenant(built.get(i));
            tenant.consent(entraSync, Permissions.allRead());
            tenant.consent(naive, Permissions.allRead());
            tenant.grant(naive, Permissions.USER_AUTHENTICATION_METHOD_READ_ALL);
            tenants.add(new FleetTenant(
                    tenant.id(), tenant.displayName(), tenant.users().size(), LowerBound.of(tenant.sizes())));
        }
        return new SimulatedFleet(cloud, clock, List.copyOf(tenants), built);
    }

    private static SimulatedTenant build(TenantPlan plan, Instant asOf) {
        return TenantBuilder.create(plan.name())
                .seed(plan.seed())
                .asOf(asOf)
                .users(plan.members())
                .guests(plan.guests())
                .auditEventsPerDay(plan.auditEventsPerDay())
                .build();
    }

    /**
     * Starts a phase: simulated time runs {@code timeScale} times faster than real time from now on,
     * and Graph answers after the given simulated latency (divided by the scale in real time).
     * Tokens live an hour of real time whatever the scale.
     */
    void phase(double timeScale, Duration perRequest, Duration perObject) {
        clock.rescale(timeScale);
        cloud.latency(divide(perRequest, timeScale), divide(perObject, timeScale));
        cloud.tokenLifetime(Duration.ofSeconds((long) (3599 * timeScale)));
    }

    private static Duration divide(Duration d, double by) {
        return Duration.ofNanos((long) (d.toNanos() / by));
    }

    SimulatedCloud cloud() {
        return cloud;
    }

    ScaledTime clock() {
        return clock;
    }

    List<FleetTenant> tenants() {
        return tenants;
    }

    /** The testkit's tenants, in fleet order (for comparing synced rows with what Graph holds). */
    List<SimulatedTenant> simulated() {
        return simulated;
    }

    List<String> tenantIds() {
        return tenants.stream().map(FleetTenant::id).toList();
    }

    long users() {
        return tenants.stream().mapToLong(FleetTenant::users).sum();
    }

    long lowerBound() {
        return tenants.stream().mapToLong(FleetTenant::lowerBound).sum();
    }

    /** A spec for one side against this cloud, at the clock's current anchor, with the engine's default attempts. */
    SideSpec spec(String side, int workers, boolean resync) {
        return spec(side, workers, resync, 0);
    }

    /** A spec for one side against this cloud, at the clock's current anchor. */
    SideSpec spec(String side, int workers, boolean resync, int maxAttempts) {
        boolean naive = side.equals(SideSpec.NAIVE);
        return new SideSpec(
                side,
                cloud.loginUrl(),
                cloud.graphUrl(),
                naive ? NAIVE_CLIENT : ENTRA_SYNC_CLIENT,
                naive ? NAIVE_SECRET : ENTRA_SYNC_SECRET,
                tenantIds(),
                clock.anchor(),
                workers,
                resync,
                maxAttempts);
    }

    @Override
    public void close() {
        cloud.close();
    }
}
