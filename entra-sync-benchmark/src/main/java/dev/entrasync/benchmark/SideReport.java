package dev.entrasync.benchmark;

import java.util.List;
import java.util.Map;

/**
 * One side's figures in the report.
 *
 * @param side {@code entra-sync} or {@code naive}
 * @param timeScale how much faster than real time the simulated world ran for this side
 * @param wallSeconds the sync's wall time in simulated seconds (see BENCHMARKS.md for how each side's
 *     is obtained)
 * @param realSeconds the real seconds the side ran
 * @param requests HTTP requests the side sent to Graph, retries included
 * @param serverRequests HTTP requests the simulated Graph answered during the side's phase (for
 *     entra-sync: the full sync and the re-sync together)
 * @param requestsPerTenant mean requests per tenant
 * @param lowerBoundPerTenant mean lower bound per tenant ({@link LowerBound})
 * @param overLowerBound requests / lower bound over the fleet
 * @param throttled 429 answers received
 * @param failedTenants tenants that did not sync completely
 * @param failures the first failures, "tenant: reason"
 * @param peakHeapMiB the side's peak heap in use (garbage included), MiB
 * @param heapLimit the side's {@code -Xmx}
 * @param requestsByDataset requests per dataset (entra-sync only)
 * @param rowsByDataset rows handed on, per dataset
 * @param resync entra-sync's unchanged re-sync, or null
 * @param accounting how the naive loop's wall time was obtained, or null for a measured one
 */
record SideReport(
        String side,
        double timeScale,
        double wallSeconds,
        double realSeconds,
        long requests,
        long serverRequests,
        double requestsPerTenant,
        double lowerBoundPerTenant,
        double overLowerBound,
        long throttled,
        int failedTenants,
        List<String> failures,
        double peakHeapMiB,
        String heapLimit,
        Map<String, Long> requestsByDataset,
        Map<String, Long> rowsByDataset,
        Resync resync,
        Accounting accounting) {

    /**
     * The naive loop's wall time, part by part: wall = simulated latency + retry sleeps + the real
     * time the loop spent otherwise (its CPU, the simulator's, waiting for the machine's cores).
     *
     * @param latencySeconds the simulated latency of every answer, at its simulated length
     * @param retrySleepSeconds the SDK's sleeps before retries, at their simulated length
     * @param overheadSeconds the rest, real seconds
     * @param slices copies of the loop that ran at once (their per-tenant times are added up)
     * @param elapsedSeconds real seconds the side ran
     */
    record Accounting(
            double latencySeconds,
            double retrySleepSeconds,
            double overheadSeconds,
            int slices,
            double elapsedSeconds) {}

    /**
     * The unchanged re-sync.
     *
     * @param wallSeconds simulated seconds
     * @param requests HTTP requests, retries included
     * @param fullOverResync full-sync requests / re-sync requests
     * @param requestsByDataset requests per dataset
     * @param failedTenants tenants that did not sync completely
     */
    record Resync(
            double wallSeconds,
            long requests,
            double fullOverResync,
            Map<String, Long> requestsByDataset,
            int failedTenants) {}
}
