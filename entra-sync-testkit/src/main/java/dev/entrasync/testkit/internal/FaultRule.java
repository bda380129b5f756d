package dev.entrasync.testkit.internal;

/**
 * One injected Graph fault: what to answer, where (tenant and path prefix, null for any), and how
 * often (the next {@code remaining} matching requests, or every {@code every}-th). Guarded by
 * {@link FaultPlan}'s lock.
 */
final class FaultRule {
  final String tenantId;
  final String pathPrefix;
  final FaultAction action;
  final int every;
  int remaining;
  int seen;

  FaultRule(String tenantId, String pathPrefix, FaultAction action, int every, int remaining) {
    this.tenantId = tenantId;
    this.pathPrefix = pathPrefix;
    this.action = action;
    this.every = every;
    this.remaining = remaining;
  }

  boolean matches(String tenant, String path) {
    return (tenantId == null || tenantId.equalsIgnoreCase(tenant))
        && (pathPrefix == null || path.startsWith(pathPrefix));
  }

  /** Counts a matching request; returns whether the fault fires for it. */
  boolean fire() {
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
    return every == 0 && remaining == 0;
  }
}
