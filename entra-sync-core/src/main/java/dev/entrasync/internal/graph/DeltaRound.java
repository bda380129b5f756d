package dev.entrasync.internal.graph;

import dev.entrasync.Checkpoint;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.GraphException;
import dev.entrasync.SyncConfig;
import dev.entrasync.internal.auth.TenantIds;
import dev.entrasync.model.EntraRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a delta dataset (users, groups, devices) reads Graph. A full round starts the delta round
 * itself ({@code {collection}/delta?$select=…}): Graph pages delta rounds at a size it chooses
 * (about 200 objects), so a collection that fits one delta page is read, and tracked from then on,
 * in that one request. When the first page carries a next link the collection is larger, and the
 * round switches to the fewest requests for it: a delta link from {@code $deltaToken=latest} (one
 * request, no objects) and the collection listed with {@code $top=999}; the first delta page's
 * objects are dropped unwritten, since the list brings every object again. Whatever changes while
 * the list is read shows up again in the next delta round, where replaying changes nothing. A delta
 * round follows the saved delta link to the next one. A rejected link (410 Gone,
 * {@code syncStateNotFound}, {@code resyncRequired}) becomes {@link DeltaTokenExpiredException}.
 */
final class DeltaRound {

    private static final Set<String> EXPIRED_CODES =
            Set.of("syncstatenotfound", "resyncrequired", "syncstateinvalid", "directory_expiredpagetoken");

    private DeltaRound() {}

    /** Receives each page's objects in order; {@code fullRound} says whether they are whole objects of a list. */
    interface Pages<R extends EntraRecord> {
        void accept(List<DeltaItem<R>> items, boolean fullRound);
    }

    /** A full round when there is no delta link or the last full round is older than {@link SyncConfig#deltaMaxAge()}. */
    static Mode plan(Checkpoint previous, SyncConfig config, Instant now) {
        if (previous == null || previous.deltaLink() == null || previous.fullRoundAt() == null) {
            return Mode.FULL;
        }
        Duration age = Duration.between(previous.fullRoundAt(), now);
        return age.compareTo(config.deltaMaxAge()) >= 0 ? Mode.FULL : Mode.DELTA;
    }

    /**
     * Runs the round the context planned.
     *
     * @param deltaSelect the properties the delta link tracks
     * @param listSelect the properties a full round lists
     * @return the delta link for the next run
     */
    static <R extends EntraRecord> String run(
            FetchContext context,
            String collection,
            String deltaSelect,
            String listSelect,
            List<String> permissions,
            ItemReader<DeltaItem<R>> reader,
            Pages<R> pages) {
        TenantGraph graph = context.graph();
        RequestStats stats = context.stats();
        if (context.mode() == Mode.DELTA) {
            try {
                return required(
                        GraphPager.forEachPage(
                                graph,
                                URI.create(context.previous().deltaLink()),
                                reader,
                                Priority.LOW,
                                permissions,
                                stats,
                                page -> pages.accept(page.items(), false)),
                        collection,
                        context);
            } catch (GraphException e) {
                if (expired(e)) {
                    throw new DeltaTokenExpiredException(
                            "Graph no longer accepts the saved delta link of "
                                    + collection + " in tenant " + graph.tenant() + " (" + e.status()
                                    + e.errorCode().map(c -> " " + c).orElse("") + "); a full round follows.",
                            e);
                }
                throw e;
            }
        }
        GraphPager.Page<DeltaItem<R>> first = GraphPager.firstPage(
                graph,
                graph.v1(collection + "/delta?$select=" + deltaSelect),
                reader,
                Priority.LOW,
                permissions,
                stats);
        if (first.nextLink() == null) {
            pages.accept(first.items(), true);
            return required(first.deltaLink(), collection, context);
        }
        String deltaLink = required(
                GraphPager.forEachPage(
                        graph,
                        graph.v1(collection + "/delta?$select=" + deltaSelect + "&$deltaToken=latest"),
                        reader,
                        Priority.LOW,
                        permissions,
                        stats,
                        page -> {}),
                collection,
                context);
        GraphPager.forEachPage(
                graph,
                graph.v1(collection + "?$select=" + listSelect + "&$top=999"),
                reader,
                Priority.LOW,
                permissions,
                stats,
                page -> pages.accept(page.items(), true));
        return deltaLink;
    }

    /** The checkpoint after a round: the new link, and when the last full round was. */
    static Checkpoint checkpoint(FetchContext context, String deltaLink, Set<String> trackedIds) {
        Instant fullRoundAt = context.mode() == Mode.FULL
                ? context.startedAt()
                : context.previous().fullRoundAt();
        return new Checkpoint(deltaLink, null, fullRoundAt, trackedIds);
    }

    static boolean expired(GraphException e) {
        return e.status() == 410
                || e.errorCode()
                        .map(c -> EXPIRED_CODES.contains(c.toLowerCase(Locale.ROOT)))
                        .orElse(false);
    }

    /**
     * The round's delta link; without one the run fails and keeps nothing, and no checkpoint is saved: a delta
     * round's next run reads the changes again from the saved delta link, a full round's next run is full again.
     */
    private static String required(String deltaLink, String collection, FetchContext context) {
        if (deltaLink == null) {
            String next = context.mode() == Mode.DELTA
                    ? "the saved delta link was kept, so the next run reads these changes again from it"
                    : "no delta link was saved, so the next run starts a full round again";
            throw new GraphException(
                    "Graph ended a delta round of " + collection + " in tenant "
                            + context.graph().tenant()
                            + " without an @odata.deltaLink; nothing from this run was kept and " + next + ".",
                    200,
                    null,
                    TenantIds.orNull(context.graph().tenant()),
                    collection + "/delta",
                    true,
                    null);
        }
        return deltaLink;
    }
}
