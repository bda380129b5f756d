package dev.entrasync.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark's command line: {@code java -jar entra-sync-benchmark.jar [options]}. Runs the
 * simulated Graph probe, the side-by-side fleet run, the large tenant under a small heap and the
 * run with injected 429s (each can be left out), prints a table and writes every figure as JSON.
 */
@Command(
        name = "entra-sync-benchmark",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Syncs a fleet of simulated tenants with entra-sync and with a plain Microsoft Graph SDK loop,"
                + " side by side, and prints what each took.")
public final class BenchmarkMain implements Callable<Integer> {

    @Option(
            names = "--runs",
            split = ",",
            defaultValue = "probe,fleet,large,throttled",
            description = "Which runs: probe, fleet, large, throttled (default: ${DEFAULT-VALUE}).")
    List<String> runs;

    @Option(
            names = "--tenants",
            defaultValue = "1000",
            description = "Tenants in the fleet (default: ${DEFAULT-VALUE}).")
    int tenants;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the fleet (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--sides",
            split = ",",
            defaultValue = "entra-sync,naive",
            description = "Sides of the fleet run: entra-sync, naive (default: ${DEFAULT-VALUE}).")
    List<String> sides;

    @Option(
            names = "--latency-ms",
            defaultValue = "50",
            description = "Simulated Graph latency per request, ms (default: ${DEFAULT-VALUE}).")
    double latencyMs;

    @Option(
            names = "--latency-per-object-us",
            defaultValue = "500",
            description = "Simulated latency per object returned, µs (default: ${DEFAULT-VALUE}).")
    double latencyPerObjectMicros;

    @Option(
            names = "--throttling",
            defaultValue = "true",
            arity = "1",
            description = "Simulate Graph's throttling: resource units by tenant size, reports, app limit (default: "
                    + "${DEFAULT-VALUE}).")
    boolean throttling;

    @Option(
            names = "--workers",
            defaultValue = "32",
            description =
                    "Tenants entra-sync syncs at once (default: ${DEFAULT-VALUE}; the engine's own default" + " is 8).")
    int workers;

    @Option(
            names = "--heap",
            defaultValue = "1g",
            description = "-Xmx of each side's JVM in the fleet run (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(
            names = "--entra-sync-time-scale",
            defaultValue = "1",
            description = "Simulated seconds per real second for entra-sync (default: ${DEFAULT-VALUE}, real time).")
    double entraSyncTimeScale;

    @Option(
            names = "--naive-time-scale",
            defaultValue = "50",
            description = "Simulated seconds per real second for the naive loop, whose wall time is then accounted "
                    + "(default: ${DEFAULT-VALUE}).")
    double naiveTimeScale;

    @Option(
            names = "--naive-slices",
            defaultValue = "1",
            description = "Copies of the naive loop run at once over shares of the fleet; its wall time is the sum"
                    + " of the per-tenant times either way (default: ${DEFAULT-VALUE}; 1 runs it strictly one tenant"
                    + " after another).")
    int naiveSlices;

    @Option(
            names = "--large-users",
            defaultValue = "50000",
            description = "Users of the large tenant (default: ${DEFAULT-VALUE}).")
    int largeUsers;

    @Option(
            names = "--large-heap",
            defaultValue = "256m",
            description = "-Xmx of the large-tenant JVM (default: ${DEFAULT-VALUE}).")
    String largeHeap;

    @Option(
            names = "--large-time-scale",
            defaultValue = "10",
            description = "Time scale of the large-tenant run (default: ${DEFAULT-VALUE}).")
    double largeTimeScale;

    @Option(
            names = "--throttle-fraction",
            defaultValue = "0.3",
            description = "Share of answers turned into 429 in the throttled run (default: ${DEFAULT-VALUE}).")
    double throttleFraction;

    @Option(
            names = "--throttle-retry-after",
            defaultValue = "1",
            description = "Retry-After of the injected 429s, seconds (default: ${DEFAULT-VALUE}).")
    double throttleRetryAfter;

    @Option(
            names = "--throttled-max-attempts",
            defaultValue = "0",
            description = "entra-sync's attempts per request on failures in the throttled run (default: the "
                    + "engine's, 8; 429s have their own budget, GraphLimits.throttledAttempts).")
    int throttledMaxAttempts;

    @Option(
            names = "--throttled-tenants",
            defaultValue = "1000",
            description = "Tenants in the throttled run's fleet (default: ${DEFAULT-VALUE}).")
    int throttledTenants;

    @Option(
            names = "--throttled-time-scale",
            defaultValue = "20",
            description = "Time scale of the throttled run, whose point is correctness (default: ${DEFAULT-VALUE}).")
    double throttledTimeScale;

    @Option(
            names = "--probe-seconds",
            defaultValue = "3",
            description = "Seconds per probe measurement (default: ${DEFAULT-VALUE}).")
    int probeSeconds;

    @Option(
            names = "--out",
            defaultValue = "target/benchmark.json",
            description = "The JSON file written (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--work-dir",
            defaultValue = "target/benchmark-work",
            description = "Where the side JVMs exchange files.")
    Path workDir;

    private final String[] arguments;

    BenchmarkMain(String... arguments) {
        this.arguments = arguments.clone();
    }

    /** Runs the benchmark; exits 0 when every run completed. */
    public static void main(String... args) {
        System.exit(new CommandLine(new BenchmarkMain(args)).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (LoadSampler load = new LoadSampler()) {
            return run(load);
        }
    }

    private Integer run(LoadSampler load) throws Exception {
        Instant started = Instant.now();
        Machine machine = Machine.current();
        Duration latency = Duration.ofNanos((long) (latencyMs * 1_000_000));
        Duration perObject = Duration.ofNanos((long) (latencyPerObjectMicros * 1_000));
        List<SimulatorProbe.Probe> probe = null;
        FleetReport fleet = null;
        LargeTenantReport large = null;
        ThrottledReport throttled = null;
        if (runs.contains("probe")) {
            Progress.say("probe: the simulated Graph alone");
            probe = SimulatorProbe.run(List.of(1, 8, 64), Duration.ZERO, Duration.ofSeconds(probeSeconds));
        }
        if (runs.contains("fleet")) {
            fleet = FleetRun.run(
                    new FleetRun.Options(
                            tenants,
                            seed,
                            latency,
                            perObject,
                            throttling,
                            entraSyncTimeScale,
                            naiveTimeScale,
                            naiveSlices,
                            sides,
                            workers,
                            heap),
                    workDir);
        }
        if (runs.contains("large")) {
            large = LargeTenantRun.run(
                    new LargeTenantRun.Options(
                            largeUsers, seed, latency, perObject, throttling, largeTimeScale, largeHeap),
                    workDir);
        }
        if (runs.contains("throttled")) {
            throttled = ThrottledRun.run(new ThrottledRun.Options(
                    throttledTenants,
                    seed,
                    throttleFraction,
                    throttleRetryAfter,
                    latency,
                    perObject,
                    throttling,
                    throttledTimeScale,
                    workers,
                    throttledMaxAttempts));
        }
        BenchmarkReport report =
                new BenchmarkReport(started, machine, load.load(), List.of(arguments), probe, fleet, large, throttled);
        Json.write(out, report);
        System.out.println(ReportTable.render(report));
        System.out.println("JSON: " + out.toAbsolutePath());
        return 0;
    }
}
