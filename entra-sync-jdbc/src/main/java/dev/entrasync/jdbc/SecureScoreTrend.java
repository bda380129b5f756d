package dev.entrasync.jdbc;

import dev.entrasync.model.EntraSecureScore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's latest secure score and the daily series leading to it.
 *
 * @param latest the newest snapshot; never null
 * @param series the snapshots of the requested window, oldest first, ending with {@code latest}; never empty
 */
public record SecureScoreTrend(EntraSecureScore latest, List<EntraSecureScore> series) {

    /**
     * Validates the components and copies {@code series} into an unmodifiable list.
     *
     * @param latest the newest snapshot; never null
     * @param series the snapshots of the requested window, oldest first; never null, ending with {@code latest}
     * @throws NullPointerException if {@code latest} or {@code series} is null, or {@code series} holds null
     * @throws IllegalArgumentException if {@code series} is empty or does not end with {@code latest}
     */
    public SecureScoreTrend {
        Objects.requireNonNull(latest, "latest");
        series = List.copyOf(series);
        if (series.isEmpty() || !series.get(series.size() - 1).id().equals(latest.id())) {
            throw new IllegalArgumentException("series: must end with the latest snapshot " + latest.id());
        }
    }

    /**
     * The latest score minus the oldest score of the series (positive: improving); empty when the series
     * holds one snapshot or a score is unknown.
     *
     * @return the score change over the series; empty when the series holds one snapshot or either score is unknown
     */
    public Optional<Double> change() {
        Double first = series.get(0).currentScore();
        Double last = latest.currentScore();
        return series.size() < 2 || first == null || last == null ? Optional.empty() : Optional.of(last - first);
    }

    /**
     * The latest score as a percentage of the maximum; empty when either is unknown or the maximum is 0.
     *
     * @return the latest score as a percentage of the maximum; empty when either is unknown or the maximum
     *     is 0
     */
    public Optional<Double> percentOfMax() {
        Double current = latest.currentScore();
        Double max = latest.maxScore();
        return current == null || max == null || max == 0 ? Optional.empty() : Optional.of(100 * current / max);
    }
}
