package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.AadError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The faults a test switched on, consulted by the dispatchers. Thread-safe. */
public final class FaultPlan {
    /** Key used for "any tenant" in the per-tenant maps. */
    public static final String ANY = "*";

    private final List<FaultRule> rules = new ArrayList<>();
    private final List<FaultRule> tokenRules = new ArrayList<>();
    private final Map<String, AadError> tokenFailures = new ConcurrentHashMap<>();
    private final Map<String, DeltaExpiry> deltaExpiries = new ConcurrentHashMap<>();
    private final Set<String> gdapFailures = ConcurrentHashMap.newKeySet();

    /** A delta-token invalidation: tokens with serial at most {@code upToSerial} fail with {@code mode}. */
    public record DeltaExpiry(long upToSerial, String mode) {}

    public synchronized void add(String tenantId, String pathPrefix, FaultAction action, int every, int count) {
        rules.add(new FaultRule(tenantId, pathPrefix, action, every, count));
    }

    /** Adds a rule that fires on each matching request with this probability, seeded. */
    public synchronized void addRandom(
            String tenantId, String pathPrefix, FaultAction action, double probability, long seed) {
        rules.add(new FaultRule(tenantId, pathPrefix, action, 0, 0, probability, seed));
    }

    /** Returns the fault for a Graph request, or null; counts the request against matching rules. */
    public synchronized FaultAction next(String tenantId, String path) {
        return next(rules, tenantId, path);
    }

    public synchronized void addTokenServerError(String tenantId, int status, int count) {
        tokenRules.add(
                new FaultRule(tenantId, null, new FaultAction(FaultAction.Kind.STATUS, status, -1, false), 0, count));
    }

    /** Returns a server-error fault for a token request, or null. */
    public synchronized FaultAction nextToken(String tenantId) {
        return next(tokenRules, tenantId, "");
    }

    private static FaultAction next(List<FaultRule> list, String tenantId, String path) {
        FaultAction fired = null;
        for (Iterator<FaultRule> it = list.iterator(); it.hasNext(); ) {
            FaultRule rule = it.next();
            if (rule.matches(tenantId, path) && fired == null && rule.fire()) {
                fired = rule.action;
            }
            if (rule.exhausted()) {
                it.remove();
            }
        }
        return fired;
    }

    public void failTokens(String tenantId, AadError error) {
        tokenFailures.put(tenantId == null ? ANY : tenantId.toLowerCase(), error);
    }

    public void clearTokenFailure(String tenantId) {
        tokenFailures.remove(tenantId == null ? ANY : tenantId.toLowerCase());
    }

    /** Returns the injected token error for a tenant, or null. */
    public AadError tokenFailure(String tenantId) {
        AadError error = tenantId == null ? null : tokenFailures.get(tenantId.toLowerCase());
        return error != null ? error : tokenFailures.get(ANY);
    }

    public void expireDeltaTokens(String tenantId, long upToSerial, String mode) {
        deltaExpiries.put(tenantId.toLowerCase(), new DeltaExpiry(upToSerial, mode));
    }

    /** Returns the failure mode for a delta token of this tenant and serial, or null when valid. */
    public String deltaExpiry(String tenantId, long serial) {
        DeltaExpiry expiry = deltaExpiries.get(tenantId.toLowerCase());
        return expiry != null && serial <= expiry.upToSerial() ? expiry.mode() : null;
    }

    public void failGdap(String tenantId, boolean fail) {
        if (fail) {
            gdapFailures.add(tenantId.toLowerCase());
        } else {
            gdapFailures.remove(tenantId.toLowerCase());
        }
    }

    public boolean gdapFails(String tenantId) {
        return gdapFailures.contains(tenantId.toLowerCase());
    }

    /** Removes every fault. */
    public synchronized void clear() {
        rules.clear();
        tokenRules.clear();
        tokenFailures.clear();
        deltaExpiries.clear();
        gdapFailures.clear();
    }
}
