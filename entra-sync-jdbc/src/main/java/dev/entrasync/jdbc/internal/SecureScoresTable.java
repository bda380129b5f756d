package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.ColumnType.DOUBLE;
import static dev.entrasync.jdbc.internal.ColumnType.INTEGER;
import static dev.entrasync.jdbc.internal.ColumnType.TEXT;
import static dev.entrasync.jdbc.internal.ColumnType.TIMESTAMP;
import static dev.entrasync.jdbc.internal.ColumnType.VARCHAR;

import dev.entrasync.Dataset;
import dev.entrasync.model.ComparativeScore;
import dev.entrasync.model.ControlScore;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSecureScoreControl;
import java.util.List;

/**
 * The secure-scores dataset's two tables: {@code secure_scores}, the daily series of
 * {@link EntraSecureScore} snapshots (one row per day, kept), and {@code secure_score_controls}, the
 * {@link EntraSecureScoreControl} profiles (replaced on every run).
 */
final class SecureScoresTable {

    private SecureScoresTable() {}

    static final DatasetTable<EntraSecureScore> SCORES = new DatasetTable<>(
            Dataset.SECURE_SCORES,
            "secure_scores",
            EntraSecureScore.class,
            List.of(
                    Column.of("created_at", TIMESTAMP, EntraSecureScore::createdDateTime),
                    Column.of("current_score", DOUBLE, EntraSecureScore::currentScore),
                    Column.of("max_score", DOUBLE, EntraSecureScore::maxScore),
                    Column.of("active_user_count", INTEGER, EntraSecureScore::activeUserCount),
                    Column.of("licensed_user_count", INTEGER, EntraSecureScore::licensedUserCount),
                    Column.of("average_comparative_scores", TEXT, s -> JsonText.write(s.averageComparativeScores())),
                    Column.of("control_scores", TEXT, s -> JsonText.write(s.controlScores()))),
            true,
            row -> new EntraSecureScore(
                    row.string("id"),
                    row.instant("created_at"),
                    row.dbl("current_score"),
                    row.dbl("max_score"),
                    row.integer("active_user_count"),
                    row.integer("licensed_user_count"),
                    row.objects("average_comparative_scores", ComparativeScore.class),
                    row.objects("control_scores", ControlScore.class)));

    static final DatasetTable<EntraSecureScoreControl> CONTROLS = new DatasetTable<>(
            Dataset.SECURE_SCORES,
            "secure_score_controls",
            EntraSecureScoreControl.class,
            List.of(
                    Column.of("title", TEXT, EntraSecureScoreControl::title),
                    Column.of("control_category", VARCHAR, EntraSecureScoreControl::controlCategory),
                    Column.of("max_score", DOUBLE, EntraSecureScoreControl::maxScore),
                    Column.of("control_rank", INTEGER, EntraSecureScoreControl::rank),
                    Column.of("remediation", TEXT, EntraSecureScoreControl::remediation),
                    Column.of("action_url", TEXT, EntraSecureScoreControl::actionUrl)),
            true,
            row -> new EntraSecureScoreControl(
                    row.string("id"),
                    row.string("title"),
                    row.string("control_category"),
                    row.dbl("max_score"),
                    row.integer("control_rank"),
                    row.string("remediation"),
                    row.string("action_url")));
}
