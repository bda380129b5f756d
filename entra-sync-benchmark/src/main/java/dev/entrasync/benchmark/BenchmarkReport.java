package dev.entrasync.benchmark;

import java.time.Instant;
import java.util.List;

/**
 * Everything one invocation measured, as written to the JSON file; parts not run are null.
 *
 * @param startedAt when the run started
 * @param machine where
 * @param load the machine's one-minute load average while the runs lasted
 * @param arguments the command-line arguments
 * @param probe the simulated Graph measured alone
 * @param fleet the side-by-side fleet run
 * @param largeTenant the single large tenant under a small heap
 * @param throttled the run with a share of answers turned into 429s
 */
record BenchmarkReport(
        Instant startedAt,
        Machine machine,
        LoadSampler.Load load,
        List<String> arguments,
        List<SimulatorProbe.Probe> probe,
        FleetReport fleet,
        LargeTenantReport largeTenant,
        ThrottledReport throttled) {}
