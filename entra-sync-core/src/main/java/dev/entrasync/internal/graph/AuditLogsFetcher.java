package dev.entrasync.internal.graph;

import static dev.entrasync.GraphPermission.AUDIT_LOG_READ_ALL;
import static dev.entrasync.GraphPermission.DIRECTORY_READ_ALL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.SyncConfig;
import dev.entrasync.model.AuditTarget;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.ModifiedProperty;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /auditLogs/directoryAudits} (permission AuditLog.Read.All): events since the last watermark
 * minus {@link SyncConfig#auditOverlap()} (late events), 999 to a page, de-duplicated by id within
 * the run; the first run reaches back {@link SyncConfig#firstRunLookback()} (Graph returns what its
 * retention holds). Graph documents no {@code $select} here, so none is sent. Always appends.
 */
final class AuditLogsFetcher implements DatasetFetcher {

    static final String PATH = "auditLogs/directoryAudits";
    static final List<String> PERMISSIONS = PermissionNames.of(AUDIT_LOG_READ_ALL, DIRECTORY_READ_ALL);

    @Override
    public Dataset dataset() {
        return Dataset.AUDIT_LOGS;
    }

    @Override
    public Mode plan(Checkpoint previous, SyncConfig config, Instant now) {
        return Mode.APPEND;
    }

    @Override
    public Checkpoint fetch(FetchContext context) {
        Checkpoint previous = context.previous();
        Instant from = previous != null && previous.watermark() != null
                ? previous.watermark().minus(context.config().auditOverlap())
                : context.startedAt().minus(context.config().firstRunLookback());
        TenantGraph graph = context.graph();
        Set<String> delivered = new HashSet<>();
        Instant[] newest = {previous == null ? null : previous.watermark()};
        GraphPager.forEachPage(
                graph,
                graph.v1(PATH + "?$filter=activityDateTime%20ge%20" + from.truncatedTo(ChronoUnit.SECONDS)
                        + "&$top=999"),
                p -> read(p.readValueAsTree()),
                Priority.LOW,
                PERMISSIONS,
                context.stats(),
                page -> {
                    List<EntraAuditEvent> fresh = new ArrayList<>();
                    for (EntraAuditEvent event : page.items()) {
                        if (delivered.add(event.id())) {
                            fresh.add(event);
                        }
                        if (newest[0] == null || event.activityDateTime().isAfter(newest[0])) {
                            newest[0] = event.activityDateTime();
                        }
                    }
                    context.writer().upsert(fresh);
                });
        return newest[0] == null ? null : Checkpoint.watermark(newest[0]);
    }

    static EntraAuditEvent read(JsonNode event) throws IOException {
        String id = Json.text(event, "id");
        Instant at = Json.instant(event, "activityDateTime");
        if (id == null || at == null) {
            throw new IOException("a directory audit without id or activityDateTime");
        }
        JsonNode user = event.path("initiatedBy").path("user");
        JsonNode app = event.path("initiatedBy").path("app");
        List<AuditTarget> targets = new ArrayList<>();
        for (JsonNode target : event.path("targetResources")) {
            List<ModifiedProperty> modified = new ArrayList<>();
            for (JsonNode property : target.path("modifiedProperties")) {
                modified.add(new ModifiedProperty(
                        Json.text(property, "displayName"),
                        Json.text(property, "oldValue"),
                        Json.text(property, "newValue")));
            }
            targets.add(new AuditTarget(
                    Json.text(target, "id"),
                    Json.text(target, "type"),
                    Json.text(target, "displayName"),
                    Json.text(target, "userPrincipalName"),
                    modified));
        }
        return new EntraAuditEvent(
                id,
                at,
                Json.text(event, "activityDisplayName"),
                Json.text(event, "category"),
                Json.text(event, "operationType"),
                Json.text(event, "result"),
                Json.text(event, "resultReason"),
                Json.text(event, "loggedByService"),
                Json.text(event, "correlationId"),
                Json.text(user, "id"),
                Json.text(user, "userPrincipalName"),
                Json.text(app, "appId"),
                Json.text(app, "displayName"),
                Json.text(user, "ipAddress"),
                targets);
    }
}
