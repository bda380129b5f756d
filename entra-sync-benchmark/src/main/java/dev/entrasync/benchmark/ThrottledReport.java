package dev.entrasync.benchmark;

import java.util.List;

/**
 * entra-sync's fleet sync with a share of Graph's answers turned into 429s, checked row by row.
 *
 * @param tenants tenants in the fleet
 * @param users users in the fleet
 * @param fraction share of answers turned into 429 (on top of Graph's own throttling, when on)
 * @param retryAfterSeconds the injected 429s' Retry-After
 * @param maxAttempts entra-sync's attempts per request on failures (8 is the engine's default)
 * @param throttledAttempts entra-sync's attempts per request on 429s in a row (its own budget)
 * @param timeScale how much faster than real time the simulation ran
 * @param wallSeconds simulated seconds of the run with 429s
 * @param referenceWallSeconds simulated seconds of the reference run without injected 429s
 * @param requests HTTP requests of the run with 429s, retries included
 * @param throttled 429s entra-sync received (HTTP answers and {@code $batch} items)
 * @param serverThrottled 429s the simulated Graph sent
 * @param failedTenants tenants that did not sync completely
 * @param failures the first failures
 * @param rowsCompared rows compared with the reference run (every field of every dataset)
 * @param rowsWrong rows missing, extra or different
 * @param failedDatasets datasets (of any tenant) that failed, their sessions aborted
 * @param succeededRowsCompared rows compared in the datasets that succeeded
 * @param succeededRowsWrong of those, rows missing, extra or different
 * @param simulationRowsCompared users, devices and groups compared with the simulated tenants
 * @param simulationRowsWrong of those, rows missing, extra or different
 * @param examples the first differences
 */
record ThrottledReport(
        int tenants,
        long users,
        double fraction,
        double retryAfterSeconds,
        int maxAttempts,
        int throttledAttempts,
        double timeScale,
        double wallSeconds,
        double referenceWallSeconds,
        long requests,
        long throttled,
        long serverThrottled,
        int failedTenants,
        List<String> failures,
        long rowsCompared,
        long rowsWrong,
        int failedDatasets,
        long succeededRowsCompared,
        long succeededRowsWrong,
        long simulationRowsCompared,
        long simulationRowsWrong,
        List<String> examples) {}
