package dev.entrasync.internal.graph;

import static dev.entrasync.GraphPermission.SECURITY_EVENTS_READ_ALL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.SyncConfig;
import dev.entrasync.model.ComparativeScore;
import dev.entrasync.model.ControlScore;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSecureScoreControl;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /security/secureScores} and {@code /security/secureScoreControlProfiles} (permission
 * SecurityEvents.Read.All): the daily snapshots since the last one ({@code $top} = days since the
 * watermark + 1; the first run {@link SyncConfig#firstRunLookback()} in days; newest first, so no
 * next link is followed once that many arrived), then the control
 * profiles, 999 to a page. Graph documents {@code $top}, {@code $filter}, {@code $skip} and {@code $count} here but
 * no {@code $select}, so none is sent. Always appends.
 */
final class SecureScoresFetcher implements DatasetFetcher {

    static final List<String> PERMISSIONS = PermissionNames.of(SECURITY_EVENTS_READ_ALL);

    @Override
    public Dataset dataset() {
        return Dataset.SECURE_SCORES;
    }

    @Override
    public Mode plan(Checkpoint previous, SyncConfig config, Instant now) {
        return Mode.APPEND;
    }

    @Override
    public Checkpoint fetch(FetchContext context) {
        Checkpoint previous = context.previous();
        long lookback = Math.max(1, context.config().firstRunLookback().toDays());
        long days = previous == null || previous.watermark() == null
                ? lookback
                : Math.min(
                        lookback,
                        Math.max(
                                1,
                                Duration.between(previous.watermark(), context.startedAt())
                                                .toDays()
                                        + 1));
        TenantGraph graph = context.graph();
        Instant[] newest = {previous == null ? null : previous.watermark()};
        long[] read = {0};
        GraphPager.forEachPageUntil(
                graph,
                graph.v1("security/secureScores?$top=" + days),
                p -> score(p.readValueAsTree()),
                Priority.LOW,
                PERMISSIONS,
                context.stats(),
                page -> {
                    context.writer().upsert(page.items());
                    read[0] += page.items().size();
                    for (EntraSecureScore s : page.items()) {
                        if (newest[0] == null || s.createdDateTime().isAfter(newest[0])) {
                            newest[0] = s.createdDateTime();
                        }
                    }
                },
                () -> read[0] >= days);
        GraphPager.forEachPage(
                graph,
                graph.v1("security/secureScoreControlProfiles?$top=999"),
                p -> control(p.readValueAsTree()),
                Priority.LOW,
                PERMISSIONS,
                context.stats(),
                page -> context.writer().upsert(page.items()));
        return newest[0] == null ? null : Checkpoint.watermark(newest[0]);
    }

    static EntraSecureScore score(JsonNode s) throws IOException {
        String id = Json.text(s, "id");
        Instant created = Json.instant(s, "createdDateTime");
        if (id == null || created == null) {
            throw new IOException("a secureScore without id or createdDateTime");
        }
        List<ComparativeScore> averages = new ArrayList<>();
        for (JsonNode a : s.path("averageComparativeScores")) {
            averages.add(new ComparativeScore(Json.text(a, "basis"), Json.decimal(a, "averageScore")));
        }
        List<ControlScore> controls = new ArrayList<>();
        for (JsonNode c : s.path("controlScores")) {
            String name = Json.text(c, "controlName");
            if (name != null) {
                controls.add(new ControlScore(name, Json.text(c, "controlCategory"), Json.decimal(c, "score")));
            }
        }
        return new EntraSecureScore(
                id,
                created,
                Json.decimal(s, "currentScore"),
                Json.decimal(s, "maxScore"),
                Json.integer(s, "activeUserCount"),
                Json.integer(s, "licensedUserCount"),
                averages,
                controls);
    }

    static EntraSecureScoreControl control(JsonNode c) throws IOException {
        String id = Json.text(c, "id");
        if (id == null) {
            throw new IOException("a secureScoreControlProfile without an id");
        }
        return new EntraSecureScoreControl(
                id,
                Json.text(c, "title"),
                Json.text(c, "controlCategory"),
                Json.decimal(c, "maxScore"),
                Json.integer(c, "rank"),
                Json.text(c, "remediation"),
                Json.text(c, "actionUrl"));
    }
}
