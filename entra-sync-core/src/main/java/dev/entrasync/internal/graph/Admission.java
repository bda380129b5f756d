package dev.entrasync.internal.graph;

import dev.entrasync.internal.limit.Limiter;
import dev.entrasync.internal.limit.Permit;
import io.github.resilience4j.bulkhead.Bulkhead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Lets one attempt of a Graph request through the budgets and bulkheads of its (app, tenant): a permit per request
 * Graph counts ({@link GraphRequest#weight()}) from the app-wide rate and from the tenant's bucket for the request's
 * service ({@link ServiceBucket}), then a place in the app-wide bulkhead, the tenant's, and for security requests the
 * security bulkhead, held while the call runs. It also hears how Graph answered, so the tenant's directory rate
 * follows Graph's pressure. Waits through the limiters' injected sleeper; decides nothing about retries. Thread-safe.
 */
final class Admission {

    private final Limiter global;
    private final Bulkhead globalBulkhead;
    private final TenantBudget budget;

    /**
     * @param global the app-wide rate (Graph's limit across all tenants)
     * @param globalBulkhead the app-wide bound on requests in flight
     * @param budget the tenant's rates and bulkheads
     */
    Admission(Limiter global, Bulkhead globalBulkhead, TenantBudget budget) {
        this.global = global;
        this.globalBulkhead = globalBulkhead;
        this.budget = budget;
    }

    /**
     * Waits for the request's permits, counts the wait and the request in {@code stats}, and runs {@code call} inside
     * the bulkheads, which are released however it ends. The permits are released when {@code call} returns or throws:
     * its answer is in by then, so the reports window counts from when Graph has surely seen the request.
     *
     * @throws InterruptedException when interrupted while waiting for a permit
     * @throws Exception what {@code call} throws, as it is
     */
    <R> R admit(GraphRequest request, RequestStats stats, Callable<R> call) throws Exception {
        ServiceBucket bucket = ServiceBucket.of(request.uri());
        List<Permit> permits = new ArrayList<>(2 * request.weight());
        try {
            Duration limited = Duration.ZERO;
            for (int permit = 0; permit < request.weight(); permit++) {
                permits.add(global.acquire());
                permits.add(budget.bucket(bucket).acquire());
            }
            for (Permit permit : permits) {
                limited = limited.plus(permit.waited());
            }
            stats.waitedOnLimiter(limited);
            return inBulkheads(bucket, stats, call);
        } finally {
            // The answer is in (or the call failed, or was never made): Graph has counted whatever reached it.
            permits.forEach(Permit::release);
        }
    }

    private <R> R inBulkheads(ServiceBucket bucket, RequestStats stats, Callable<R> call) throws Exception {
        Bulkhead service = bucket == ServiceBucket.SECURITY ? budget.securityConcurrency() : null;
        globalBulkhead.acquirePermission();
        try {
            budget.concurrency().acquirePermission();
            try {
                if (service != null) {
                    service.acquirePermission();
                }
                try {
                    stats.request();
                    return call.call();
                } finally {
                    if (service != null) {
                        service.onComplete();
                    }
                }
            } finally {
                budget.concurrency().onComplete();
            }
        } finally {
            globalBulkhead.onComplete();
        }
    }

    /**
     * Graph answered {@code status}: a {@code x-ms-throttle-limit-percentage} slows the tenant's directory rate, an
     * answer below 400 without it lets the rate recover, and a 429 halves it.
     *
     * @param limitPercentage the header's value, or null
     */
    void heard(int status, String limitPercentage) {
        if (limitPercentage != null) {
            try {
                budget.limitPercentage(Double.parseDouble(limitPercentage.trim()));
            } catch (NumberFormatException ignored) {
                // not a number: ignore the hint
            }
        } else if (status < 400) {
            budget.relaxed();
        }
        if (status == 429) {
            budget.throttled();
        }
    }
}
