package dev.entrasync.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Graph's throttling, as the simulator applies it when switched on: per (app, tenant) a
 * resource-unit budget of the identity service that follows the tenant's size (fewer than 50
 * users: 3,500 RU per 10 s; 50 to 500: 5,000; more: 8,000), charged with each request's cost;
 * the identity reports ({@code /auditLogs}, {@code /reports}) 5 requests per 10 s; the security
 * API ({@code /security}) 150 requests per minute; and per app 130,000 requests per 10 s across
 * all tenants. Each bucket refills evenly on the cloud's clock. A request arriving while its
 * bucket is empty (or, for resource units, in debt) is answered 429 with the seconds until it
 * would pass as Retry-After, and costs nothing. {@code $batch} items count one by one; the
 * envelope itself counts nowhere. Thread-safe.
 */
public final class ThrottleModel {

    /** The quotas; {@link #GRAPH} holds Graph's documented ones. */
    public record Quotas(
            int smallUnits,
            int mediumUnits,
            int largeUnits,
            int appRequests,
            int reportRequests,
            int securityRequests,
            Duration window,
            Duration securityWindow) {}

    /** Graph's documented quotas (GRAPH.md section 4). */
    public static final Quotas GRAPH =
            new Quotas(3_500, 5_000, 8_000, 130_000, 5, 150, Duration.ofSeconds(10), Duration.ofMinutes(1));

    /** Which budget a request draws on. */
    enum Service {
        DIRECTORY,
        REPORTS,
        SECURITY,
        NONE
    }

    /** Why a request was refused, and when to come back. */
    record Refusal(double retryAfterSeconds, String information) {}

    private final Quotas quotas;
    private final Map<String, RateBucket> buckets = new ConcurrentHashMap<>();

    public ThrottleModel(Quotas quotas) {
        this.quotas = quotas;
    }

    /** Returns the budget a path (with its {@code /v1.0} prefix) draws on. */
    static Service service(String path) {
        String rest = path.startsWith("/v1.0") ? path.substring(5) : path;
        if (rest.equals("/$batch")) {
            return Service.NONE;
        }
        if (rest.startsWith("/auditLogs") || rest.startsWith("/reports")) {
            return Service.REPORTS;
        }
        return rest.startsWith("/security") ? Service.SECURITY : Service.DIRECTORY;
    }

    /** Returns the resource units per window of a tenant with this many users. */
    int unitsFor(int users) {
        return users < 50 ? quotas.smallUnits() : users <= 500 ? quotas.mediumUnits() : quotas.largeUnits();
    }

    /** Admits a request (counting it) or returns why not. */
    Refusal admit(String appId, TenantData tenant, String path, Instant now) {
        Service service = service(path);
        if (service == Service.NONE) {
            return null;
        }
        RateBucket app = bucket(appId + "|app", quotas.appRequests(), quotas.window(), now);
        if (!app.tryTake(1, now)) {
            return new Refusal(app.secondsUntil(1, now), "RequestLimitExceeded");
        }
        switch (service) {
            case REPORTS:
            case SECURITY: {
                RateBucket requests = service == Service.REPORTS
                        ? bucket(key(appId, tenant, "reports"), quotas.reportRequests(), quotas.window(), now)
                        : bucket(
                                key(appId, tenant, "security"),
                                quotas.securityRequests(),
                                quotas.securityWindow(),
                                now);
                return requests.tryTake(1, now)
                        ? null
                        : new Refusal(requests.secondsUntil(1, now), "RequestLimitExceeded");
            }
            default: {
                RateBucket units = directory(appId, tenant, now);
                return units.positive(now)
                        ? null
                        : new Refusal(units.secondsUntil(Double.MIN_NORMAL, now), "ResourceUnitLimitExceeded");
            }
        }
    }

    /**
     * Charges an admitted directory request its resource units; returns the share of the tenant's
     * budget now in use (0 for other services).
     */
    double charge(String appId, TenantData tenant, String path, int units, Instant now) {
        if (service(path) != Service.DIRECTORY) {
            return 0;
        }
        RateBucket bucket = directory(appId, tenant, now);
        bucket.charge(units, now);
        return bucket.used(now);
    }

    private RateBucket directory(String appId, TenantData tenant, Instant now) {
        int units = unitsFor(
                tenant.store("users") == null ? 0 : tenant.store("users").size());
        return bucket(key(appId, tenant, "directory-" + units), units, quotas.window(), now);
    }

    private RateBucket bucket(String key, int capacity, Duration window, Instant now) {
        return buckets.computeIfAbsent(key, k -> new RateBucket(capacity, window, now));
    }

    private static String key(String appId, TenantData tenant, String service) {
        return appId + "|" + tenant.id() + "|" + service;
    }
}
