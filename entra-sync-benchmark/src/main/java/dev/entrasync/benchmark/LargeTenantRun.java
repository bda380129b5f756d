package dev.entrasync.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One tenant of many users synced by entra-sync (every dataset) in a child JVM whose heap is capped
 * (256 MiB by default): it completes only if memory does not grow with the tenant.
 */
final class LargeTenantRun {

    /** What to run. */
    record Options(
            int users,
            long seed,
            Duration latency,
            Duration latencyPerObject,
            boolean throttling,
            double timeScale,
            String heap) {}

    private LargeTenantRun() {}

    static LargeTenantReport run(Options options, Path workDir) throws Exception {
        Progress.say("generating one tenant of %d users", options.users());
        try (SimulatedFleet fleet = SimulatedFleet.start(
                List.of(FleetPlan.single(options.users(), options.seed())), options.throttling())) {
            fleet.phase(options.timeScale(), options.latency(), options.latencyPerObject());
            Progress.say(
                    "entra-sync: the %d-user tenant with -Xmx%s (time scale %s)",
                    options.users(), options.heap(), options.timeScale());
            SideResult r = ChildJvm.run(fleet.spec(SideSpec.ENTRA_SYNC, 1, false), options.heap(), workDir);
            return new LargeTenantReport(
                    fleet.tenants().get(0).users(),
                    options.heap(),
                    r.peakHeapMiB(),
                    options.timeScale(),
                    r.realSeconds() * options.timeScale(),
                    r.requests(),
                    fleet.lowerBound(),
                    r.throttled(),
                    r.failedTenants().size(),
                    r.failedTenants(),
                    r.rowsByDataset());
        }
    }
}
