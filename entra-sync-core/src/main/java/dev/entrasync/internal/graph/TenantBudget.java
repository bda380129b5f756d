package dev.entrasync.internal.graph;

import dev.entrasync.GraphLimits;
import dev.entrasync.Sleeper;
import dev.entrasync.internal.limit.Limiter;
import dev.entrasync.internal.limit.TokenBucket;
import dev.entrasync.internal.limit.WindowLimiter;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Clock;
import java.time.Duration;

/**
 * One tenant's share of Graph: a directory rate that follows the tenant's size class and slows down
 * when Graph signals pressure (429s, {@code x-ms-throttle-limit-percentage}), the reports limit
 * (Graph's 5 requests in any 10 s, each counted until 10 s after its answer), the security bucket (150 per minute,
 * 4 at once), and a concurrency bound. Thread-safe.
 */
final class TenantBudget {

    /** Fraction of the documented budget we allow ourselves (the rest is headroom). */
    private static final double HEADROOM = 0.8;
    /** Resource units a request may cost at most in our usage ($select lowers most to 1). */
    private static final double COST_PER_REQUEST = 2;

    private final GraphLimits limits;
    private final TokenBucket directory;
    private final WindowLimiter reports;
    private final TokenBucket security;
    private final Bulkhead securityConcurrency;
    private final Bulkhead concurrency;
    private volatile TenantSizeClass sizeClass = TenantSizeClass.SMALL;
    private volatile double slowdown = 1.0;

    TenantBudget(String tenant, GraphLimits limits, Clock clock, Sleeper sleeper) {
        this.limits = limits;
        this.directory = new TokenBucket(ceiling(), limits.tenantBurst(), clock, sleeper);
        // Graph's 5 reports requests per 10 s: a permit counts until 10 s after its request's answer, by when Graph
        // has surely counted the request, however late after its grant it was sent.
        this.reports = new WindowLimiter(5, Duration.ofSeconds(10), clock, sleeper);
        // A bucket with burst b and rate r admits b + r*W requests in any window W: keep inside Graph's limit.
        this.security = new TokenBucket(2.3, 10, clock, sleeper); // 150 per minute
        this.securityConcurrency = Bulkhead.of("graph-security-" + tenant, bulkhead(4));
        this.concurrency = Bulkhead.of("graph-" + tenant, bulkhead(limits.tenantConcurrency()));
    }

    private static BulkheadConfig bulkhead(int n) {
        return BulkheadConfig.custom()
                .maxConcurrentCalls(n)
                .maxWaitDuration(Duration.ofMinutes(10))
                .build();
    }

    /** Requests per second for the directory: the configured rate, capped by the size class's budget. */
    private double ceiling() {
        double budget = sizeClass.resourceUnitsPer10s() / 10.0 * HEADROOM / COST_PER_REQUEST;
        return Math.min(limits.tenantRequestsPerSecond() * classFactor(), budget);
    }

    private double classFactor() {
        return switch (sizeClass) {
            case SMALL -> 1.0;
            case MEDIUM -> 5_000.0 / 3_500;
            case LARGE -> 8_000.0 / 3_500;
        };
    }

    Limiter bucket(ServiceBucket bucket) {
        return switch (bucket) {
            case DIRECTORY -> directory;
            case REPORTS -> reports;
            case SECURITY -> security;
        };
    }

    Bulkhead concurrency() {
        return concurrency;
    }

    Bulkhead securityConcurrency() {
        return securityConcurrency;
    }

    TenantSizeClass sizeClass() {
        return sizeClass;
    }

    void sizeClass(TenantSizeClass sizeClass) {
        this.sizeClass = sizeClass;
        directory.setRate(ceiling() * slowdown);
    }

    /** Graph throttled us: halve the directory rate (down to a tenth of the ceiling). */
    void throttled() {
        slowdown = Math.max(0.1, slowdown / 2);
        directory.setRate(ceiling() * slowdown);
    }

    /** Graph reported the share of the limit in use (0.8 to 1.8 when above 80 %). */
    void limitPercentage(double used) {
        if (used >= 0.8) {
            slowdown = Math.max(0.1, Math.min(slowdown, 0.8 / used));
            directory.setRate(ceiling() * slowdown);
        }
    }

    /** A successful response without pressure: recover 5 % of the ceiling. */
    void relaxed() {
        if (slowdown < 1.0) {
            slowdown = Math.min(1.0, slowdown + 0.05);
            directory.setRate(ceiling() * slowdown);
        }
    }

    /** The directory's current request rate. */
    double directoryRate() {
        return directory.rate();
    }
}
