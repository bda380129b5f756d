package dev.entrasync.jdbc;

import dev.entrasync.TenantId;
import dev.entrasync.findings.Finding;
import java.time.Instant;
import java.util.Objects;

/**
 * A finding as stored for a tenant, with its lifecycle: when a rule first and last found it, whether a later evaluation
 * no longer found it (resolved), and what a person did about it. Read with {@link JdbcQueries#findings(TenantId)}.
 *
 * @param tenant the tenant
 * @param finding the finding as last seen (severity, title, detail, fix, affected objects)
 * @param firstSeen when an evaluation first found it
 * @param lastSeen when an evaluation last found it
 * @param resolvedAt when an evaluation of its rule no longer found it; null while it is open
 * @param acknowledgedAt when a person acknowledged it; null if nobody did
 * @param muted whether a person muted it (hosts leave muted findings out of reports and mails)
 */
public record StoredFinding(
        TenantId tenant,
        Finding finding,
        Instant firstSeen,
        Instant lastSeen,
        Instant resolvedAt,
        Instant acknowledgedAt,
        boolean muted) {

    /**
     * Validates the components.
     *
     * @param tenant the tenant; never null
     * @param finding the finding as last seen; never null
     * @param firstSeen when first found; never null
     * @param lastSeen when last found; never null
     * @param resolvedAt when resolved; null while open
     * @param acknowledgedAt when acknowledged; null if nobody did
     * @param muted whether muted
     * @throws NullPointerException if {@code tenant}, {@code finding}, {@code firstSeen} or {@code lastSeen} is null
     */
    public StoredFinding {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /**
     * Whether the finding is open: not resolved.
     *
     * @return true while {@link #resolvedAt()} is null
     */
    public boolean open() {
        return resolvedAt == null;
    }
}
