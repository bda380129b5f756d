package dev.entrasync.testkit.internal;

/**
 * One injected Graph fault: what to answer, where (tenant and path prefix, null for any), and how
 * often (the next {@code remaining} matching requests, every {@code every}-th, or each with a
 * probability drawn from a seeded random source). Guarded by {@link FaultPlan}'s lock.
 */
final class FaultRule {
    final String tenantId;
    final String pathPrefix;
    final FaultAction action;
    final int every;
    int remaining;
    int seen;
    private final double probability;
    private final java.util.SplittableRandom random;

    FaultRule(String tenantId, String pathPrefix, FaultAction action, int every, int remaining) {
        this(tenantId, pathPrefix, action, every, remaining, 0, 0);
    }

    /** A rule firing on each matching request with {@code probability} (when above 0). */
    FaultRule(
            String tenantId,
            String pathPrefix,
            FaultAction action,
            int every,
            int remaining,
            double probability,
            long seed) {
        this.tenantId = tenantId;
        this.pathPrefix = pathPrefix;
        this.action = action;
        this.every = every;
        this.remaining = remaining;
        this.probability = probability;
        this.random = new java.util.SplittableRandom(seed);
    }

    boolean matches(String tenant, String path) {
        return (tenantId == null || tenantId.equalsIgnoreCase(tenant))
                && (pathPrefix == null || path.startsWith(pathPrefix));
    }

    /** Counts a matching request; returns whether the fault fires for it. */
    boolean fire() {
        if (probability > 0) {
            return random.nextDouble() < probability;
        }
        if (every > 0) {
            return ++seen % every == 0;
        }
        if (remaining > 0) {
            remaining--;
            return true;
        }
        return false;
    }

    boolean exhausted() {
        return probability == 0 && every == 0 && remaining == 0;
    }
}
