package dev.entrasync.benchmark;

import dev.entrasync.DatasetResult;
import dev.entrasync.GraphLimits;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.GraphTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * entra-sync syncs a fleet twice in this JVM, each time from scratch into its own in-memory sink:
 * first as Graph answers (the reference), then with {@code fraction} of all answers (HTTP and
 * {@code $batch} items) turned into 429s. Every row of the second must equal the first's, and
 * users, devices and groups must equal the simulated tenants'.
 */
final class ThrottledRun {

    /** What to run. */
    record Options(
            int tenants,
            long seed,
            double fraction,
            double retryAfterSeconds,
            Duration latency,
            Duration latencyPerObject,
            boolean throttling,
            double timeScale,
            int workers,
            int maxAttempts) {}

    private ThrottledRun() {}

    static ThrottledReport run(Options options) throws Exception {
        Progress.say("generating %d tenants (seed %d)", options.tenants(), options.seed());
        try (SimulatedFleet fleet =
                SimulatedFleet.start(FleetPlan.generate(options.tenants(), options.seed()), options.throttling())) {
            fleet.phase(options.timeScale(), options.latency(), options.latencyPerObject());
            SideSpec spec = fleet.spec(SideSpec.ENTRA_SYNC, options.workers(), false, options.maxAttempts());
            InMemoryDatasetSink reference = new InMemoryDatasetSink();
            Progress.say("entra-sync: reference run without injected 429s (time scale %s)", options.timeScale());
            EntraSyncSide.Round clean = round(spec, reference, fleet, "reference run");
            fleet.cloud().faults().throttleFraction(options.fraction(), options.retryAfterSeconds(), options.seed());
            InMemoryDatasetSink throttled = new InMemoryDatasetSink();
            GraphTraffic before = fleet.cloud().graphTraffic();
            Progress.say("entra-sync: the run with %.0f %% of answers turned into 429s", options.fraction() * 100);
            EntraSyncSide.Round run = round(spec, throttled, fleet, "run with 429s");
            GraphTraffic after = fleet.cloud().graphTraffic();
            fleet.cloud().faults().clear();
            Map<String, Instant> auditFrom = new HashMap<>();
            for (SyncJob job : run.jobs()) {
                auditFrom.put(
                        job.tenant().value(),
                        job.startedAt()
                                .minus(EntraSyncSide.CONFIG.firstRunLookback())
                                .plus(Duration.ofMinutes(5)));
            }
            Set<String> failedDatasets = new HashSet<>();
            for (SyncJob job : run.jobs()) {
                job.results().stream()
                        .filter(r -> r.status() == DatasetResult.Status.FAILED)
                        .forEach(r -> failedDatasets.add(
                                job.tenant().value() + " " + r.dataset().key()));
            }
            RowCheck.Outcome same = RowCheck.sameRows(fleet.tenantIds(), reference, throttled, auditFrom, Set.of());
            RowCheck.Outcome succeeded =
                    RowCheck.sameRows(fleet.tenantIds(), reference, throttled, auditFrom, failedDatasets);
            RowCheck.Outcome simulated = RowCheck.matchesSimulation(fleet.simulated(), throttled);
            List<String> examples = new ArrayList<>(same.examples());
            examples.addAll(simulated.examples());
            return new ThrottledReport(
                    fleet.tenants().size(),
                    fleet.users(),
                    options.fraction(),
                    options.retryAfterSeconds(),
                    options.maxAttempts() > 0
                            ? options.maxAttempts()
                            : GraphLimits.ofDefaults().maxAttempts(),
                    GraphLimits.ofDefaults().throttledAttempts(),
                    options.timeScale(),
                    run.realSeconds() * options.timeScale(),
                    clean.realSeconds() * options.timeScale(),
                    run.requests(),
                    run.throttled(),
                    after.throttled() - before.throttled(),
                    run.failedTenants().size(),
                    run.failedTenants().stream().limit(5).toList(),
                    same.compared(),
                    same.wrong(),
                    failedDatasets.size(),
                    succeeded.compared(),
                    succeeded.wrong(),
                    simulated.compared(),
                    simulated.wrong(),
                    examples);
        }
    }

    private static EntraSyncSide.Round round(SideSpec spec, InMemoryDatasetSink sink, SimulatedFleet fleet, String what)
            throws InterruptedException {
        try (EntraSync entra = EntraSyncSide.runtime(spec, fleet.clock());
                SyncEngine engine = EntraSyncSide.engine(entra, spec, sink)) {
            return EntraSyncSide.round(engine, what);
        }
    }
}
