package dev.entrasync.jdbc;

import dev.entrasync.TenantId;
import dev.entrasync.findings.Finding;
import dev.entrasync.findings.Severity;
import java.time.Instant;
import java.util.Comparator;
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

    private static final Comparator<StoredFinding> MOST_URGENT_FIRST = Comparator.comparing(
                    (StoredFinding f) -> !f.open())
            .thenComparing(StoredFinding::muted)
            .thenComparing(f -> f.finding().severity())
            .thenComparing(f -> f.finding().ruleId())
            .thenComparing(f -> f.tenant().value());

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

    /**
     * The order in which to list findings, most urgent first, by these keys in turn:
     *
     * <ol>
     *   <li>open ones before resolved ones ({@link #open()});
     *   <li>unmuted ones before muted ones ({@link #muted()}): a person decided a muted one can wait;
     *   <li>by {@link Severity}, {@link Severity#CRITICAL} first, {@link Severity#INFO} last (the order of its
     *       constants);
     *   <li>by rule id ({@link String#compareTo}, so the same in every database and locale);
     *   <li>by tenant id ({@link TenantId#value()}), for a list that spans tenants.
     * </ol>
     *
     * <p>Two findings compare as equal only when they have the same tenant and rule id; a tenant has one stored finding
     * per rule, so findings read from the database never tie.
     *
     * <p>Whether a finding is acknowledged, and when it was first, last seen or resolved, play no part: a host that lists
     * resolved findings by when they were resolved sorts them so itself. The CLI's {@code findings} command, the
     * sample portal's company findings page, the mail summary and the Spring Boot sample's report all list findings in
     * this order, each after its own filtering (such as leaving resolved or muted ones out).
     *
     * <p>Hosts call it from any thread, typically as {@code queries.findings(tenant).stream().sorted(mostUrgentFirst())};
     * the comparator is stateless and may be shared by any number of threads. Comparing a null element throws
     * {@link NullPointerException}.
     *
     * @return the comparator; never null
     */
    public static Comparator<StoredFinding> mostUrgentFirst() {
        return MOST_URGENT_FIRST;
    }
}
