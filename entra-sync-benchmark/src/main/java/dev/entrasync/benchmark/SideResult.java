package dev.entrasync.benchmark;

import java.util.List;
import java.util.Map;

/**
 * What one side measured in its own JVM.
 *
 * @param side {@code entra-sync} or {@code naive}
 * @param realSeconds wall time of the sync, real seconds; for the naive loop run in slices, the sum of
 *     the per-tenant times (the wall time of one loop over the fleet)
 * @param elapsedSeconds real seconds the side ran
 * @param slices copies of the naive loop that ran at once (1 for entra-sync)
 * @param retrySleepSeconds real seconds the naive loop's SDK slept before retries (0 for entra-sync,
 *     whose waits run on the simulated clock)
 * @param requests HTTP requests sent to Graph, retries included, as the side counted them
 * @param throttled answers with status 429 ({@code $batch} items included)
 * @param requestsByTenant requests per tenant id
 * @param requestsByDataset requests per dataset (entra-sync; empty for the naive loop)
 * @param rowsByDataset rows handed on, per dataset
 * @param failedTenants "tenant: reason" for every tenant that did not sync completely
 * @param peakHeapMiB the most heap in use at any sample (every 5 ms), garbage included
 * @param resync entra-sync's second, unchanged run; null when not asked or for the naive loop
 */
record SideResult(
        String side,
        double realSeconds,
        double elapsedSeconds,
        int slices,
        double retrySleepSeconds,
        long requests,
        long throttled,
        Map<String, Long> requestsByTenant,
        Map<String, Long> requestsByDataset,
        Map<String, Long> rowsByDataset,
        List<String> failedTenants,
        double peakHeapMiB,
        Resync resync) {

    /** The unchanged re-sync: wall time (real seconds), requests, 429s, failed tenants. */
    record Resync(
            double realSeconds,
            long requests,
            long throttled,
            Map<String, Long> requestsByDataset,
            List<String> failedTenants) {}
}
