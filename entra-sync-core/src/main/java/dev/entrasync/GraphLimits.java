package dev.entrasync;

import java.time.Duration;

/**
 * How hard entra-sync may push Microsoft Graph: per-tenant request rate and concurrency, overall
 * concurrency, and how retries behave. Immutable and thread-safe; {@link #defaults()} suits a fleet
 * of small and large tenants inside Graph's documented limits.
 *
 * @param tenantRequestsPerSecond steady request rate per tenant
 * @param tenantBurst requests a tenant may send at once before the rate applies
 * @param tenantConcurrency requests in flight per tenant
 * @param globalConcurrency requests in flight across all tenants
 * @param maxAttempts attempts per request, the first included, when it fails (5xx, a dropped connection, a
 *     malformed body)
 * @param throttledAttempts how many times in a row a request may be throttled (429, or 503 with
 *     {@code Retry-After}) and still be sent again after the wait Graph asked for: a throttled request
 *     is not a failure, so this is much larger than {@code maxAttempts}
 * @param backoffBase first back-off when Graph gives no {@code Retry-After}
 * @param backoffMax longest single back-off, and the cap applied to {@code Retry-After}
 * @param tokenRenewBefore how long before expiry a cached token is renewed
 */
public record GraphLimits(double tenantRequestsPerSecond, int tenantBurst, int tenantConcurrency,
                          int globalConcurrency, int maxAttempts, int throttledAttempts, Duration backoffBase,
                          Duration backoffMax, Duration tokenRenewBefore) {

    /**
     * @throws IllegalArgumentException naming the first value out of range
     */
    public GraphLimits {
        if (!(tenantRequestsPerSecond > 0)) {
            throw new IllegalArgumentException("tenantRequestsPerSecond must be > 0, was " + tenantRequestsPerSecond);
        }
        if (tenantBurst < 1) {
            throw new IllegalArgumentException("tenantBurst must be >= 1, was " + tenantBurst);
        }
        if (tenantConcurrency < 1) {
            throw new IllegalArgumentException("tenantConcurrency must be >= 1, was " + tenantConcurrency);
        }
        if (globalConcurrency < tenantConcurrency) {
            throw new IllegalArgumentException("globalConcurrency must be >= tenantConcurrency (" + tenantConcurrency
                    + "), was " + globalConcurrency);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (throttledAttempts < 1) {
            throw new IllegalArgumentException("throttledAttempts must be >= 1, was " + throttledAttempts);
        }
        if (backoffBase == null || backoffBase.isNegative() || backoffBase.isZero()) {
            throw new IllegalArgumentException("backoffBase must be positive, was " + backoffBase);
        }
        if (backoffMax == null || backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffMax must be >= backoffBase, was " + backoffMax);
        }
        if (tokenRenewBefore == null || tokenRenewBefore.isNegative()) {
            throw new IllegalArgumentException("tokenRenewBefore must not be negative, was " + tokenRenewBefore);
        }
    }

    /**
     * 25 requests/s per tenant (burst 50), 4 in flight per tenant, 64 overall, 8 attempts on failures,
     * 50 throttled answers in a row, back-off from 1 s up to 2 min, tokens renewed 5 minutes before they expire.
     */
    public static GraphLimits defaults() {
        return new GraphLimits(25, 50, 4, 64, 8, 50, Duration.ofSeconds(1), Duration.ofMinutes(2),
                Duration.ofMinutes(5));
    }

    /** A copy with another per-tenant rate and burst. */
    public GraphLimits withTenantRate(double requestsPerSecond, int burst) {
        return new GraphLimits(requestsPerSecond, burst, tenantConcurrency, globalConcurrency, maxAttempts,
                throttledAttempts, backoffBase, backoffMax, tokenRenewBefore);
    }

    /** A copy with other concurrency bounds. */
    public GraphLimits withConcurrency(int perTenant, int global) {
        return new GraphLimits(tenantRequestsPerSecond, tenantBurst, perTenant, global, maxAttempts,
                throttledAttempts, backoffBase, backoffMax, tokenRenewBefore);
    }

    /** A copy with another attempt count on failures. */
    public GraphLimits withMaxAttempts(int attempts) {
        return new GraphLimits(tenantRequestsPerSecond, tenantBurst, tenantConcurrency, globalConcurrency, attempts,
                throttledAttempts, backoffBase, backoffMax, tokenRenewBefore);
    }

    /** A copy with another bound on throttled answers in a row. */
    public GraphLimits withThrottledAttempts(int attempts) {
        return new GraphLimits(tenantRequestsPerSecond, tenantBurst, tenantConcurrency, globalConcurrency, maxAttempts,
                attempts, backoffBase, backoffMax, tokenRenewBefore);
    }
}
