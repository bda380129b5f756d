package dev.entrasync.benchmark;

import dev.entrasync.testkit.GraphTraffic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The side-by-side run: one simulated fleet; entra-sync's full sync and unchanged re-sync in a child
 * JVM, then the naive loop in another, each phase with the same simulated latency and throttling.
 * entra-sync runs at {@code entraSyncTimeScale} (1 = real time: its wall time is simply measured);
 * the naive loop, which would take hours in real time, runs at {@code naiveTimeScale} and its wall
 * time is accounted: real seconds plus the simulated latency and retry sleeps at their simulated
 * length (exact for a loop that sends one request at a time), added up over the tenants when
 * {@code naiveSlices} copies of the loop share the fleet.
 */
final class FleetRun {

    /** What to run. */
    record Options(
            int tenants,
            long seed,
            Duration latency,
            Duration latencyPerObject,
            boolean throttling,
            double entraSyncTimeScale,
            double naiveTimeScale,
            int naiveSlices,
            List<String> sides,
            int workers,
            String heap) {}

    private FleetRun() {}

    static FleetReport run(Options options, Path workDir) throws Exception {
        long buildStarted = System.nanoTime();
        Progress.say("generating %d tenants (seed %d)", options.tenants(), options.seed());
        try (SimulatedFleet fleet =
                SimulatedFleet.start(FleetPlan.generate(options.tenants(), options.seed()), options.throttling())) {
            Progress.say(
                    "fleet ready: %d tenants, %d users, lower bound %d requests (%.0f s)",
                    fleet.tenants().size(),
                    fleet.users(),
                    fleet.lowerBound(),
                    (System.nanoTime() - buildStarted) / 1e9);
            List<SideReport> sides = new ArrayList<>();
            if (options.sides().contains(SideSpec.ENTRA_SYNC)) {
                sides.add(entraSync(fleet, options, workDir));
            }
            if (options.sides().contains(SideSpec.NAIVE)) {
                sides.add(naive(fleet, options, workDir));
            }
            return FleetReport.of(options, fleet, sides);
        }
    }

    private static SideReport entraSync(SimulatedFleet fleet, Options options, Path workDir) throws Exception {
        double scale = options.entraSyncTimeScale();
        fleet.phase(scale, options.latency(), options.latencyPerObject());
        GraphTraffic before = fleet.cloud().graphTraffic();
        Progress.say("entra-sync: full sync and unchanged re-sync of the fleet (time scale %s)", scale);
        SideResult r = ChildJvm.run(fleet.spec(SideSpec.ENTRA_SYNC, options.workers(), true), options.heap(), workDir);
        GraphTraffic after = fleet.cloud().graphTraffic();
        SideReport.Resync resync = null;
        if (r.resync() != null) {
            resync = new SideReport.Resync(
                    r.resync().realSeconds() * scale,
                    r.resync().requests(),
                    (double) r.requests() / Math.max(1, r.resync().requests()),
                    r.resync().requestsByDataset(),
                    r.resync().failedTenants().size());
        }
        return report(
                fleet,
                r,
                scale,
                r.realSeconds() * scale,
                after.requests() - before.requests(),
                options.heap(),
                resync,
                null);
    }

    private static SideReport naive(SimulatedFleet fleet, Options options, Path workDir) throws Exception {
        double scale = options.naiveTimeScale();
        fleet.phase(scale, options.latency(), options.latencyPerObject());
        GraphTraffic before = fleet.cloud().graphTraffic();
        Progress.say("naive: the Graph SDK loop over the fleet (time scale %s)", scale);
        SideResult r = ChildJvm.run(fleet.spec(SideSpec.NAIVE, options.naiveSlices(), false), options.heap(), workDir);
        GraphTraffic after = fleet.cloud().graphTraffic();
        double heldBack = after.heldBack().minus(before.heldBack()).toNanos() / 1e9;
        SideReport.Accounting accounting = new SideReport.Accounting(
                heldBack * scale,
                r.retrySleepSeconds() * scale,
                r.realSeconds() - heldBack - r.retrySleepSeconds(),
                r.slices(),
                r.elapsedSeconds());
        double wall = accounting.latencySeconds() + accounting.retrySleepSeconds() + accounting.overheadSeconds();
        return report(fleet, r, scale, wall, after.requests() - before.requests(), options.heap(), null, accounting);
    }

    static SideReport report(
            SimulatedFleet fleet,
            SideResult r,
            double scale,
            double wallSeconds,
            long serverRequests,
            String heap,
            SideReport.Resync resync,
            SideReport.Accounting accounting) {
        int n = fleet.tenants().size();
        return new SideReport(
                r.side(),
                scale,
                wallSeconds,
                r.realSeconds(),
                r.requests(),
                serverRequests,
                (double) r.requests() / n,
                (double) fleet.lowerBound() / n,
                (double) r.requests() / fleet.lowerBound(),
                r.throttled(),
                r.failedTenants().size(),
                r.failedTenants().stream().limit(5).toList(),
                r.peakHeapMiB(),
                heap,
                r.requestsByDataset(),
                r.rowsByDataset(),
                resync,
                accounting);
    }
}
