package dev.entrasync.testkit.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /users/delta}, {@code /groups/delta} and {@code /devices/delta}. A round without a
 * token lists every object (paged by {@code $skiptoken}) and ends with an
 * {@code @odata.deltaLink}; a round from a delta token lists the objects changed since, with
 * {@code id} and the changed selected properties, removals as {@code @removed}, and for groups
 * selected with {@code members} the {@code members@delta} changes. Tokens older than 7 days (sim
 * clock) or expired by a test fail as Graph fails them.
 */
final class DeltaEndpoint implements GraphHandler {
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(7);
    private final CloudState cloud;
    private final String collection;
    private final String type;
    private final Set<String> permissions;
    private final List<String> defaults;

    DeltaEndpoint(CloudState cloud, String collection, String type, Set<String> permissions, List<String> defaults) {
        this.cloud = cloud;
        this.collection = collection;
        this.type = type;
        this.permissions = permissions;
        this.defaults = defaults;
    }

    @Override
    public SimResponse handle(GraphContext ctx) {
        ctx.require(permissions);
        SimRequest request = ctx.request();
        TenantData tenant = ctx.tenant();
        String skipToken = request.param("$skiptoken");
        String deltaToken = request.param("$deltatoken");
        DeltaState state;
        if (skipToken != null) {
            state = DeltaState.decode(skipToken, collection);
        } else if (deltaToken != null && deltaToken.equalsIgnoreCase("latest")) {
            Selection selection = Selection.parse(request.param("$select"), type, defaults);
            DeltaState done = new DeltaState(
                    collection,
                    selection.explicit() ? selection.requested() : null,
                    true,
                    0,
                    tenant.changes().current(),
                    null,
                    false,
                    0,
                    0);
            return page(ctx, done, selection, List.of(), null);
        } else if (deltaToken != null && !deltaToken.isEmpty()) {
            DeltaState link = DeltaState.decode(deltaToken, collection);
            checkExpiry(ctx, link);
            state = new DeltaState(
                    collection,
                    link.select(),
                    true,
                    link.toSeq(),
                    tenant.changes().current(),
                    null,
                    false,
                    0,
                    0);
        } else {
            Selection selection = Selection.parse(request.param("$select"), type, defaults);
            state = new DeltaState(
                    collection,
                    selection.explicit() ? selection.requested() : null,
                    false,
                    0,
                    tenant.changes().current(),
                    null,
                    false,
                    0,
                    0);
        }
        Selection selection = state.select() == null
                ? Selection.parse(null, type, defaults)
                : Selection.parse(String.join(",", state.select()), type, defaults);
        if (cloud.deltaEmptyPages() && !state.emptyServed()) {
            return page(ctx, state, selection, List.of(), state.after(state.afterId(), true));
        }
        DeltaRound round = new DeltaRound(
                tenant, collection, selection, selection.requested().contains("members"));
        DeltaRound.Result result = state.changes()
                ? round.changes(state.fromSeq(), state.toSeq(), state.afterId(), cloud.deltaPageSize())
                : round.everything(state.afterId(), cloud.deltaPageSize());
        DeltaState next = result.lastId() == null ? null : state.after(result.lastId(), true);
        return page(ctx, state, selection, result.items(), next);
    }

    private SimResponse page(
            GraphContext ctx, DeltaState state, Selection selection, List<Map<String, Object>> items, DeltaState next) {
        String base = ctx.cloud().graphUrl() + "/v1.0/" + collection + "/delta";
        String nextLink = null;
        String deltaLink = null;
        if (next != null) {
            nextLink = base + "?$skiptoken=" + next.encode();
        } else {
            DeltaState link = new DeltaState(
                    collection,
                    state.select(),
                    true,
                    0,
                    state.toSeq(),
                    null,
                    false,
                    cloud.nextDeltaSerial(),
                    cloud.now().getEpochSecond());
            deltaLink = base + "?$deltatoken=" + link.encode();
        }
        String context = ctx.cloud().graphUrl() + "/v1.0/$metadata#" + collection + selection.contextSuffix();
        ctx.objects(items.size());
        return SimResponse.json(
                200, PageWriter.page(context, items, Selection.parse(null, type, null), nextLink, deltaLink, null));
    }

    private void checkExpiry(GraphContext ctx, DeltaState link) {
        String mode = cloud.faults().deltaExpiry(ctx.tenant().id(), link.serial());
        if (mode == null && cloud.now().getEpochSecond() - link.issuedAt() > TOKEN_LIFETIME.getSeconds()) {
            mode = "syncStateNotFound";
        }
        if (mode == null) {
            return;
        }
        if (mode.equals("gone")) {
            Map<String, String> query = new LinkedHashMap<>();
            if (link.select() != null) {
                query.put("$select", String.join(",", link.select()));
            }
            query.put("$deltatoken", "");
            String location = Links.url(ctx.cloud().graphUrl(), "/v1.0/" + collection + "/delta", query);
            throw new GraphException(
                    410,
                    "resyncRequired",
                    "Resync required. The delta token is no" + " longer valid; restart with the initial query.",
                    Map.of("Location", location));
        }
        throw new GraphException(
                400,
                mode,
                mode.equals("resyncRequired")
                        ? "Resync required. Replace any local items with the server's items (including deletes)"
                                + " if you're sure that the service was up to date with your local changes when you"
                                + " last sync'd. Upload any local changes that the server doesn't know about."
                        : "The sync state could not be found. Start the sync again without a delta token.");
    }
}
