package dev.entrasync.spring.boot;

import dev.entrasync.SyncEngine;
import dev.entrasync.TenantBlock;
import dev.entrasync.TenantHealth;
import dev.entrasync.TenantMapper;
import dev.entrasync.TenantMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Actuator's {@code entraSync} health: how the syncs of the mapped tenants have been going, from the engine's
 * {@link SyncEngine#health} of every mapped tenant that is not excluded.
 *
 * <ul>
 *   <li>{@code UP}: every tenant's last job succeeded (or was partial), or none has run yet.
 *   <li>{@link #DEGRADED}: some tenants are blocked (a permanent token failure: wrong or expired secret, consent
 *       revoked; the engine stopped syncing them until a person acts) or their last jobs failed. The details name
 *       them ({@code blocked}, {@code failing}) with the cause and the fix.
 *   <li>{@code DOWN}: the stores could not be read (the exception is in the details).
 * </ul>
 *
 * <p>A blocked customer tenant is not an outage of the application: restarting it or taking it out of a load balancer
 * fixes nothing, and one customer's revoked consent must not fail the probes of a fleet's host. So this indicator
 * reports its own status, {@code DEGRADED}, which Spring Boot's default status order leaves out of the aggregate
 * (the application stays {@code UP}, the component shows {@code DEGRADED}). A host that wants it counted adds it to
 * {@code management.endpoint.health.status.order}.
 *
 * <p>Each call reads every mapping and each tenant's latest jobs (one query per tenant with entra-sync-jdbc); for
 * frequent probes of a large fleet, cache the endpoint ({@code management.endpoint.health.cache.time-to-live}).
 * Called by Actuator on any thread.
 */
public class EntraSyncHealthIndicator extends AbstractHealthIndicator {

    /** Some tenants are blocked or failing; the application itself works. */
    public static final Status DEGRADED = new Status("DEGRADED", "Some tenants are blocked or their syncs fail");

    /** At most this many tenants are listed under {@code blocked} and under {@code failing}. */
    public static final int MAX_LISTED = 100;

    private final SyncEngine engine;
    private final TenantMapper tenants;

    /**
     * An indicator for the engine and the mapper it reads.
     *
     * @param engine the engine whose tenants' health is reported; never null
     * @param tenants the engine's tenant mapper; never null
     */
    public EntraSyncHealthIndicator(SyncEngine engine, TenantMapper tenants) {
        super("entra-sync health check failed");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        int mapped = 0;
        int blockedCount = 0;
        int failingCount = 0;
        List<Map<String, Object>> blocked = new ArrayList<>();
        List<Map<String, Object>> failing = new ArrayList<>();
        for (TenantMapping mapping : tenants.list()) {
            if (mapping.excluded()) {
                continue;
            }
            mapped++;
            TenantHealth health = engine.health(mapping.tenant());
            if (health.blocked() || mapping.block() != null) {
                blockedCount++;
                if (blocked.size() < MAX_LISTED) {
                    blocked.add(blocked(mapping, health));
                }
            } else if (health.consecutiveFailures() > 0) {
                failingCount++;
                if (failing.size() < MAX_LISTED) {
                    failing.add(failing(mapping, health));
                }
            }
        }
        builder.status(blockedCount + failingCount == 0 ? Status.UP : DEGRADED)
                .withDetail("tenants", mapped)
                .withDetail("healthy", mapped - blockedCount - failingCount)
                .withDetail("blockedCount", blockedCount)
                .withDetail("failingCount", failingCount);
        if (!blocked.isEmpty()) {
            builder.withDetail("blocked", blocked);
        }
        if (!failing.isEmpty()) {
            builder.withDetail("failing", failing);
        }
    }

    private static Map<String, Object> blocked(TenantMapping mapping, TenantHealth health) {
        Map<String, Object> tenant = tenant(mapping);
        TenantBlock block = mapping.block();
        if (block != null) {
            tenant.put("failure", block.failure().name());
            tenant.put("reason", block.reason());
            tenant.put("since", block.since().toString());
            tenant.put("fix", block.failure().fix());
        } else {
            tenant.put("failure", health.blockedBy().name());
            tenant.put("reason", health.blockedBy().cause());
            tenant.put("fix", health.blockedBy().fix());
        }
        return tenant;
    }

    private static Map<String, Object> failing(TenantMapping mapping, TenantHealth health) {
        Map<String, Object> tenant = tenant(mapping);
        tenant.put("consecutiveFailures", health.consecutiveFailures());
        if (health.lastError() != null) {
            tenant.put("lastError", health.lastError());
        }
        health.lastSuccessTime().ifPresent(t -> tenant.put("lastSuccess", t.toString()));
        return tenant;
    }

    private static Map<String, Object> tenant(TenantMapping mapping) {
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("tenant", mapping.tenant().value());
        tenant.put("company", mapping.companyId());
        if (mapping.displayName() != null) {
            tenant.put("name", mapping.displayName());
        }
        return tenant;
    }
}
