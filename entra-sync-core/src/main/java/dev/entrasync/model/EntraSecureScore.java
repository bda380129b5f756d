package dev.entrasync.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One day's Microsoft Secure Score snapshot, from Graph {@code /security/secureScores}. Snapshots
 * only accumulate (one per day, id {@code {tenantId}_{yyyy-mm-dd}}).
 *
 * @param id the snapshot id; never null
 * @param createdDateTime the snapshot's date; never null
 * @param currentScore the tenant's score, or null
 * @param maxScore the highest score possible with its licences, or null
 * @param activeUserCount active users, or null
 * @param licensedUserCount licensed users, or null
 * @param averageComparativeScores averages of comparable tenants
 * @param controlScores the score on each control (see {@link EntraSecureScoreControl} for what to fix)
 */
public record EntraSecureScore(
        String id,
        Instant createdDateTime,
        Double currentScore,
        Double maxScore,
        Integer activeUserCount,
        Integer licensedUserCount,
        List<ComparativeScore> averageComparativeScores,
        List<ControlScore> controlScores)
        implements EntraRecord {

    /**
     * Validates the components; copies the lists into unmodifiable ones, null read as empty.
     *
     * @param id the snapshot id; never null
     * @param createdDateTime the snapshot's date; never null
     * @param currentScore the tenant's score, or null
     * @param maxScore the highest score possible with its licences, or null
     * @param activeUserCount active users, or null
     * @param licensedUserCount licensed users, or null
     * @param averageComparativeScores averages of comparable tenants; null is read as empty
     * @param controlScores the score on each control (see {@link EntraSecureScoreControl} for what to fix); null is
     *     read as empty
     * @throws NullPointerException if {@code id} or {@code createdDateTime} is null
     */
    public EntraSecureScore {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        averageComparativeScores = averageComparativeScores == null ? List.of() : List.copyOf(averageComparativeScores);
        controlScores = controlScores == null ? List.of() : List.copyOf(controlScores);
    }
}
