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
    private final ConcurrentHashMap<String, TenantGraph> tenants = new ConcurrentHashMap<>();

    public GraphTransport(HttpSettings settings, GraphLimits limits, Clock clock, Sleeper sleeper) {
        this.http = new HttpStack(settings);
        this.limits = limits;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = new TokenService(http.tokenClient(), clock, sleeper, limits);
        this.globalBulkhead = Bulkhead.of("graph-global", bulkhead(limits.globalConcurrency()));
    }

    /** Graph for this tenant with this credential; the same instance for the same pair (while the credential is unchanged). */
    public TenantGraph forTenant(AppCredential credential, String tenant) {
        String key = credential.name() + "|" + tenant;
        return tenants.compute(key, (k, existing) -> {
            if (existing != null && existing.credential().equals(credential)) {
                return existing;
            }
            TokenBucket limiter = existing != null ? existing.limiter()
                    : new TokenBucket(limits.tenantRequestsPerSecond(), limits.tenantBurst(), clock, sleeper);
            return new TenantGraph(credential, tenant, this, limiter,
                    Bulkhead.of("graph-" + tenant, bulkhead(limits.tenantConcurrency())));
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

    private static BulkheadConfig bulkhead(int concurrency) {
        return BulkheadConfig.custom().maxConcurrentCalls(concurrency).maxWaitDuration(Duration.ofMinutes(10)).build();
    }

    @Override
    public void close() {
        http.close();
    }
}
