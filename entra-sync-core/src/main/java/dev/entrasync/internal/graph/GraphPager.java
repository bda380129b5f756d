package dev.entrasync.internal.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.entrasync.GraphException;
import dev.entrasync.internal.auth.TenantIds;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a Graph collection page by page, following {@code @odata.nextLink} verbatim until a page
 * has none; each page's {@code value} is streamed through an {@link ItemReader}. A page is read
 * entirely inside its request, so a page is never half-delivered; a page cut off by a dropped
 * connection is sent again, a whole page that cannot be ours (bad JSON, {@code value} not an
 * array, an item without an id) fails at once. A walk is bounded: every next and delta link must be
 * on Graph's origin, a next link already followed in this walk (the same link twice, or a cycle)
 * stops it, and so does a page past {@code GraphLimits.maxPages} (or, when a page carries
 * {@code @odata.count}, past twice the pages that count needs at the first page's size, plus ten).
 */
public final class GraphPager {

    private GraphPager() {}

    /**
     * One page: its items and the links it carried.
     *
     * @param count the page's {@code @odata.count}, or null
     */
    public record Page<R>(List<R> items, String nextLink, String deltaLink, Long count) {
        public Page(List<R> items, String nextLink, String deltaLink) {
            this(items, nextLink, deltaLink, null);
        }
    }

    /** Receives each page in order. */
    @FunctionalInterface
    public interface PageConsumer<R> {
        void accept(Page<R> page);
    }

    /**
     * Sends {@code first} and every next link, handing each page to the consumer.
     *
     * @return the last page's {@code @odata.deltaLink}, or null
     * @throws dev.entrasync.GraphException for a link outside Graph's origin, a repeated next link, or too many pages
     */
    public static <R> String forEachPage(
            TenantGraph graph,
            URI first,
            ItemReader<R> items,
            Priority priority,
            List<String> permissions,
            RequestStats stats,
            PageConsumer<R> consumer) {
        return forEachPageUntil(graph, first, items, priority, permissions, stats, consumer, () -> false);
    }

    /**
     * Like {@link #forEachPage} but stops following next links once {@code enough} says so after a
     * page (for endpoints where {@code $top} may only size the page, not limit the whole answer).
     *
     * @return the last page's {@code @odata.deltaLink}, or null
     */
    public static <R> String forEachPageUntil(
            TenantGraph graph,
            URI first,
            ItemReader<R> items,
            Priority priority,
            List<String> permissions,
            RequestStats stats,
            PageConsumer<R> consumer,
            java.util.function.BooleanSupplier enough) {
        Walk walk = new Walk(graph, first);
        URI next = first;
        String deltaLink = null;
        while (next != null) {
            GraphRequest request = GraphRequest.get(next, priority, permissions);
            Page<R> page = graph.send(request, reader(items), stats);
            walk.checkLinks(page, request.describe());
            consumer.accept(page);
            deltaLink = page.deltaLink();
            next = page.nextLink() == null || enough.getAsBoolean() ? null : walk.next(page, request.describe());
        }
        return deltaLink;
    }

    /**
     * Sends one request for a page and checks its links (on Graph's origin), without following them: for a
     * caller that decides itself whether to follow the next link.
     */
    public static <R> Page<R> firstPage(
            TenantGraph graph,
            URI uri,
            ItemReader<R> items,
            Priority priority,
            List<String> permissions,
            RequestStats stats) {
        GraphRequest request = GraphRequest.get(uri, priority, permissions);
        Page<R> page = graph.send(request, reader(items), stats);
        new Walk(graph, uri).checkLinks(page, request.describe());
        return page;
    }

    /**
     * A link found in an answer (such as a {@code $batch} item's {@code @odata.nextLink}), as a URL to send.
     *
     * @param what the kind of link, for the message
     * @param from the request whose answer carried it
     * @throws dev.entrasync.GraphException when it is not an absolute URL on Graph's origin
     */
    public static URI link(TenantGraph graph, String link, String what, String from) {
        if (!graph.onGraphOrigin(link)) {
            throw graph.offOrigin(what, link, from);
        }
        return URI.create(link);
    }

    /** One walk's bounds: the links followed so far and how many pages it may take. */
    private static final class Walk {
        private final TenantGraph graph;
        private final Set<String> followed = new HashSet<>();
        private final int maxPages;
        private int pages;
        private Integer firstPageSize;
        private Long count;
        private long bound;

        Walk(TenantGraph graph, URI first) {
            this.graph = graph;
            this.maxPages = graph.maxPages();
            this.bound = maxPages;
            followed.add(first.toString());
        }

        void checkLinks(Page<?> page, String from) {
            pages++;
            if (firstPageSize == null) {
                firstPageSize = page.items().size();
            }
            if (page.count() != null && page.count() >= 0 && firstPageSize > 0) {
                count = page.count();
                long needed = (count + firstPageSize - 1) / firstPageSize;
                bound = Math.min(maxPages, 2 * needed + 10);
            }
            if (page.nextLink() != null && !graph.onGraphOrigin(page.nextLink())) {
                throw graph.offOrigin("@odata.nextLink", page.nextLink(), from);
            }
            if (page.deltaLink() != null && !graph.onGraphOrigin(page.deltaLink())) {
                throw graph.offOrigin("@odata.deltaLink", page.deltaLink(), from);
            }
        }

        URI next(Page<?> page, String from) {
            String link = page.nextLink();
            if (!followed.add(link)) {
                throw new GraphException(
                        "Graph's answer to " + from + " in tenant " + graph.tenant() + " carried an"
                                + " @odata.nextLink this walk had already followed (page " + pages
                                + "): the pages go round in a"
                                + " circle and following them would never end. The dataset was stopped; nothing from this run of"
                                + " it was kept and its checkpoint was not moved. The next run tries again; if it fails the same"
                                + " way, report it with this message.",
                        200,
                        null,
                        TenantIds.orNull(graph.tenant()),
                        from,
                        true,
                        null);
            }
            if (pages >= bound) {
                throw new GraphException(
                        "Graph's answer to " + from + " in tenant " + graph.tenant() + " carried an"
                                + " @odata.nextLink after " + pages + " pages, the most one read may follow ("
                                + (bound < maxPages
                                        ? "derived from the collection's @odata.count of " + count + " at "
                                                + firstPageSize + " per page"
                                        : "GraphLimits.maxPages")
                                + "). The dataset was stopped;"
                                + " nothing from this run of it was kept and its checkpoint was not moved. If the tenant really"
                                + " holds that much, raise GraphLimits.maxPages; otherwise report it with this message.",
                        200,
                        null,
                        TenantIds.orNull(graph.tenant()),
                        from,
                        false,
                        null);
            }
            return URI.create(link);
        }
    }

    /** A response reader for one page of {@code items}. */
    public static <R> ResponseReader<Page<R>> reader(ItemReader<R> items) {
        return body -> {
            try (JsonParser p = Json.FACTORY.createParser(body)) {
                return read(p, items);
            }
        };
    }

    private static <R> Page<R> read(JsonParser p, ItemReader<R> items) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "expected a JSON object");
        }
        List<R> values = new ArrayList<>();
        String nextLink = null;
        String deltaLink = null;
        Long count = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "value" -> {
                    if (value != JsonToken.START_ARRAY) {
                        throw new com.fasterxml.jackson.core.JsonParseException(p, "'value' is not an array");
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        values.add(item(p, items));
                    }
                    if (p.currentToken() != JsonToken.END_ARRAY) {
                        throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token in 'value'");
                    }
                }
                case "@odata.nextLink" -> nextLink = Json.text(p);
                case "@odata.deltaLink" -> deltaLink = Json.text(p);
                case "@odata.count" -> count = value.isNumeric() ? p.getValueAsLong() : null;
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "page did not end with '}'");
        }
        return new Page<>(values, nextLink, deltaLink, count);
    }

    /** One item; an item the reader cannot make a record of (no id, say) fails the page as unreadable. */
    private static <R> R item(JsonParser p, ItemReader<R> items) throws IOException {
        try {
            return items.read(p);
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new com.fasterxml.jackson.core.JsonParseException(
                    p,
                    e instanceof NullPointerException
                                    && e.getMessage() != null
                                    && !e.getMessage().contains(" ")
                            ? "an item without '" + e.getMessage() + "'"
                            : "an item that cannot be read (" + e.getMessage() + ")");
        }
    }
}
