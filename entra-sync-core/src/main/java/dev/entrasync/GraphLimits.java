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
 * @param backoffBase first back-off when Graph gives no usable {@code Retry-After} (none, unparseable or
 *     negative: Graph's guidance is then exponential back-off)
 * @param backoffMax longest single back-off; it does not apply to {@code Retry-After}, which
 *     {@code maxRetryAfter} bounds
 * @param tokenRenewBefore how long before expiry a cached token is renewed
 * @param maxRetryAfter the longest single wait a {@code Retry-After} may ask for (of a request or of a
 *     {@code $batch} item); when Graph asks for longer, the dataset is not waited for: it fails at once with
 *     a reason naming the throttling and when Graph said to try again, and the job moves on to the next dataset
 * @param maxWaitPerDataset the most one dataset run may spend waiting on {@code Retry-After} and back-off in
 *     total; a wait that would go past it fails the dataset the same way
 * @param maxPages the most pages one paged read (a list, a delta round, a {@code $batch} item's next links)
 *     may follow; past it the dataset fails. When a page carries {@code @odata.count}, the bound is also
 *     derived from it: twice the pages that count needs at the first page's size, plus ten
 */
public record GraphLimits(double tenantRequestsPerSecond, int tenantBurst, int tenantConcurrency,
                          int globalConcurrency, int maxAttempts, int throttledAttempts, Duration backoffBase,
                          Duration backoffMax, Duration tokenRenewBefore, Duration maxRetryAfter,
                          Duration maxWaitPerDataset, int maxPages) {

    /** Default {@link #maxRetryAfter()}: 5 minutes. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(5);
    /** Default {@link #maxWaitPerDataset()}: 15 minutes. */
    public static final Duration DEFAULT_MAX_WAIT_PER_DATASET = Duration.ofMinutes(15);
    /**
     * Default {@link #maxPages()}: 20,000 pages, at least two million objects at Graph's smallest usual page
     * (100), far beyond a directory's size.
     */
    public static final int DEFAULT_MAX_PAGES = 20_000;

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
        if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must not be negative, was " + maxRetryAfter);
        }
        if (maxWaitPerDataset == null || maxWaitPerDataset.isNegative()) {
            throw new IllegalArgumentException("maxWaitPerDataset must not be negative, was " + maxWaitPerDataset);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be >= 1, was " + maxPages);
        }
    }

    /**
     * The limits as they were before the wait and page bounds: those get their defaults
     * ({@link #DEFAULT_MAX_RETRY_AFTER}, {@link #DEFAULT_MAX_WAIT_PER_DATASET}, {@link #DEFAULT_MAX_PAGES}).
     *
     * @throws IllegalArgumentException naming the first value out of range
     */
    public GraphLimits(double tenantRequestsPerSecond, int tenantBurst, int tenantConcurrency, int globalConcurrency,
                       int maxAttempts, int throttledAttempts, Duration backoffBase, Duration backoffMax,
                       Duration tokenRenewBefore) {
        this(tenantRequestsPerSecond, tenantBurst, tenantConcurrency, globalConcurrency, maxAttempts, throttledAttempts,
                backoffBase, backoffMax, tokenRenewBefore, DEFAULT_MAX_RETRY_AFTER, DEFAULT_MAX_WAIT_PER_DATASET,
                DEFAULT_MAX_PAGES);
    }

    /**
     * 25 requests/s per tenant (burst 50), 4 in flight per tenant, 64 overall, 8 attempts on failures,
     * 50 throttled answers in a row, back-off from 1 s up to 2 min, tokens renewed 5 minutes before they expire,
     * a single {@code Retry-After} of at most 5 minutes, at most 15 minutes of waiting per dataset run, at most
     * 20,000 pages per paged read.
     */
    public static GraphLimits defaults() {
        return new GraphLimits(25, 50, 4, 64, 8, 50, Duration.ofSeconds(1), Duration.ofMinutes(2),
                Duration.ofMinutes(5), DEFAULT_MAX_RETRY_AFTER, DEFAULT_MAX_WAIT_PER_DATASET, DEFAULT_MAX_PAGES);
    }

    /** A copy with another per-tenant rate and burst. */
    public GraphLimits withTenantRate(double requestsPerSecond, int burst) {
        return new GraphLimits(requestsPerSecond, burst, tenantConcurrency, globalConcurrency, maxAttempts,
                throttledAttempts, backoffBase, backoffMax, tokenRenewBefore, maxRetryAfter,
                maxWaitPerDataset, maxPages);
    }

    /** A copy with other concurrency bounds. */
    public GraphLimits withConcurrency(int perTenant, int global) {
        return new GraphLimits(tenantRequestsPerSecond, tenantBurst, perTenant, global, maxAttempts,
                throttledAttempts, backoffBase, backoffMax, tokenRenewBefore, maxRetryAfter,
                maxWaitPerDataset, maxPages);
    }

    /** A copy with another attempt count on failures. */
    public GraphLimits withMaxAttempts(int attempts) {
        return new GraphLimits(tenantRequestsPerSecond, tenantBurst, tenantConcurrency, globalConcurrency, attempts,
                throttledAttempts, backoffBase, backoffMax, tokenRenewBefore, maxRetryAfter,
                maxWaitPerDataset, maxPages);
    }

    /** A copy with another bound on throttled answers in a row. */
    public GraphLimits withThrottledAttempts(int attempts) {
        return new GraphLimits(tenantRequestsPerSecond, tenantBurst, tenantConcurrency, globalConcurrency, maxAttempts,
                attempts, backoffBase, backoffMax, tokenRenewBefore, maxRetryAfter,
                maxWaitPerDataset, maxPages);
    }

    /**
     * A copy with other bounds on waiting: the longest single {@code Retry-After} obeyed, and the most one dataset
     * run may wait in total (on {@code Retry-After} and back-off). Past either the dataset fails at once.
     *
     * @throws IllegalArgumentException naming a null or negative value
     */
    public GraphLimits withWaitBounds(Duration maxRetryAfter, Duration maxWaitPerDataset) {
        return new GraphLimits(tenantRequestsPerSecond, tenantBurst, tenantConcurrency, globalConcurrency, maxAttempts,
                throttledAttempts, backoffBase, backoffMax, tokenRenewBefore, maxRetryAfter, maxWaitPerDataset,
                maxPages);
    }

    /**
     * A copy with another bound on the pages one paged read may follow.
     *
     * @throws IllegalArgumentException when {@code pages} is below 1
     */
    public GraphLimits withMaxPages(int pages) {
        return new GraphLimits(tenantRequestsPerSecond, tenantBurst, tenantConcurrency, globalConcurrency, maxAttempts,
                throttledAttempts, backoffBase, backoffMax, tokenRenewBefore, maxRetryAfter, maxWaitPerDataset, pages);
    }
}
