package dev.entrasync.internal.graph;

import dev.entrasync.AppCredential;
import dev.entrasync.GraphLimits;
import dev.entrasync.HttpSettings;
import dev.entrasync.Sleeper;
import dev.entrasync.internal.auth.TokenService;
import dev.entrasync.internal.http.HttpStack;
import dev.entrasync.internal.limit.TokenBucket;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared Graph plumbing of one engine: the HTTP stack, the token service, the global bulkhead,
 * and a registry of per-tenant {@link TenantGraph}s (each with its own limiter and bulkhead, so a
 * throttled tenant never stalls the others). Thread-safe; close it once.
 */
public final class GraphTransport implements AutoCloseable {

    private final HttpStack http;
    private final TokenService tokens;
    private final GraphLimits limits;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Bulkhead globalBulkhead;
    private final TokenBucket globalBudget;
    private final ConcurrentHashMap<String, TenantGraph> tenants = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TenantBudget> budgets = new ConcurrentHashMap<>();

    public GraphTransport(HttpSettings settings, GraphLimits limits, Clock clock, Sleeper sleeper) {
        this.http = new HttpStack(settings);
        this.limits = limits;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = new TokenService(http.tokenClient(), clock, sleeper, limits);
        this.globalBulkhead = Bulkhead.of("graph-global", bulkhead(limits.globalConcurrency()));
        // Graph's global limit: 130,000 requests per 10 seconds per app across all tenants; keep 20 % headroom.
        this.globalBudget = new TokenBucket(GLOBAL_REQUESTS_PER_10S / 10.0 * 0.8, 10_000, clock, sleeper);
    }

    /** Graph's documented per-app limit across all tenants. */
    public static final int GLOBAL_REQUESTS_PER_10S = 130_000;

    /** Graph for this tenant with this credential; the same instance for the same pair (while the credential is unchanged). */
    public TenantGraph forTenant(AppCredential credential, String tenant) {
        String key = credential.name() + "|" + tenant;
        return tenants.compute(key, (k, existing) -> {
            if (existing != null && existing.credential().equals(credential)) {
                return existing;
            }
            // Graph's budget is per (app, tenant): one budget per client id and tenant, whatever the credential's name.
            TenantBudget budget = budgets.computeIfAbsent(
                    credential.clientId() + "|" + tenant, b -> new TenantBudget(tenant, limits, clock, sleeper));
            return new TenantGraph(credential, tenant, this, budget);
        });
    }

    public TokenService tokens() {
        return tokens;
    }

    public HttpStack http() {
        return http;
    }

    GraphLimits limits() {
        return limits;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    Bulkhead globalBulkhead() {
        return globalBulkhead;
    }

    TokenBucket globalBudget() {
        return globalBudget;
    }

    private static BulkheadConfig bulkhead(int concurrency) {
        return BulkheadConfig.custom()
                .maxConcurrentCalls(concurrency)
                .maxWaitDuration(Duration.ofMinutes(10))
                .build();
    }

    @Override
    public void close() {
        http.close();
    }
}
