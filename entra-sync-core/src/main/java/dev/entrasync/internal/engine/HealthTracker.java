package dev.entrasync.internal.engine;

import dev.entrasync.AppCredential;
import dev.entrasync.TenantHealth;
import dev.entrasync.TenantId;
import dev.entrasync.TokenException;
import dev.entrasync.TokenFailure;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-tenant health: failures in a row, last success, last error, and whether a permanent token
 * failure (secret wrong or expired, consent revoked, app disabled) blocks the tenant until its
 * credential changes or the host resumes it. Thread-safe.
 */
final class HealthTracker {

    private record State(TenantHealth health, AppCredential blockedWith) {
    }

    private final ConcurrentHashMap<TenantId, State> states = new ConcurrentHashMap<>();

    TenantHealth health(TenantId tenant) {
        State s = states.get(tenant);
        return s == null ? new TenantHealth(tenant, 0, null, null, null) : s.health();
    }

    void succeeded(TenantId tenant, Instant at) {
        states.compute(tenant, (t, s) -> new State(new TenantHealth(t, 0, at, null, null), null));
    }

    void failed(TenantId tenant, String error) {
        states.compute(tenant, (t, s) -> {
            TenantHealth h = s == null ? new TenantHealth(t, 0, null, null, null) : s.health();
            return new State(new TenantHealth(t, h.consecutiveFailures() + 1, h.lastSuccess(), error, h.blockedBy()),
                    s == null ? null : s.blockedWith());
        });
    }

    /**
     * Records a permanent token failure.
     *
     * @return true when this blocks the tenant now (so the host is told once), false if it already was
     */
    boolean block(TenantId tenant, AppCredential credential, TokenException cause) {
        boolean[] newly = {false};
        states.compute(tenant, (t, s) -> {
            TenantHealth h = s == null ? new TenantHealth(t, 0, null, null, null) : s.health();
            newly[0] = h.blockedBy() != cause.failure() || s.blockedWith() == null || !s.blockedWith().equals(credential);
            return new State(new TenantHealth(t, h.consecutiveFailures(), h.lastSuccess(), cause.getMessage(),
                    cause.failure()), credential);
        });
        return newly[0];
    }

    /**
     * Whether the tenant is blocked for this credential. A changed credential (a rotated secret, a
     * re-enabled app) lifts the block.
     */
    boolean blocked(TenantId tenant, AppCredential current) {
        State s = states.get(tenant);
        if (s == null || s.health().blockedBy() == null) {
            return false;
        }
        if (current != null && !current.equals(s.blockedWith())) {
            resume(tenant);
            return false;
        }
        return true;
    }

    void resume(TenantId tenant) {
        states.computeIfPresent(tenant, (t, s) -> new State(new TenantHealth(t, s.health().consecutiveFailures(),
                s.health().lastSuccess(), s.health().lastError(), null), null));
    }

    /** Whether the failure stops scheduled syncs of the tenant until a person acts. */
    static boolean isPermanent(TokenFailure failure) {
        return failure.isPermanent();
    }
}
