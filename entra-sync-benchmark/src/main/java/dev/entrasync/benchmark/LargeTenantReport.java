package dev.entrasync.benchmark;

import java.util.List;
import java.util.Map;

/**
 * One large tenant synced by entra-sync in a JVM with a small heap.
 *
 * @param users users in the tenant
 * @param heapLimit the JVM's {@code -Xmx}
 * @param peakHeapMiB the most heap in use at any sample, garbage included
 * @param timeScale how much faster than real time the simulation ran
 * @param wallSeconds simulated seconds
 * @param requests HTTP requests, retries included
 * @param lowerBound the tenant's lower bound
 * @param throttled 429s received
 * @param failedTenants 0 or 1
 * @param failures the failure, if any
 * @param rowsByDataset rows handed on
 */
record LargeTenantReport(
        int users,
        String heapLimit,
        double peakHeapMiB,
        double timeScale,
        double wallSeconds,
        long requests,
        long lowerBound,
        long throttled,
        int failedTenants,
        List<String> failures,
        Map<String, Long> rowsByDataset) {}
