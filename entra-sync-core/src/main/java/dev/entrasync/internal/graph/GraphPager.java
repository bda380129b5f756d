package dev.entrasync.internal.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a Graph collection page by page, following {@code @odata.nextLink} verbatim until a page
 * has none; each page's {@code value} is streamed through an {@link ItemReader}. A page is read
 * entirely inside its retried request, so a malformed page is retried and never half-delivered.
 */
public final class GraphPager {

    private GraphPager() {
    }

    /** One page: its items and the links it carried. */
    public record Page<R>(List<R> items, String nextLink, String deltaLink) {
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
     */
    public static <R> String forEachPage(TenantGraph graph, URI first, ItemReader<R> items, Priority priority,
                                         List<String> permissions, RequestStats stats, PageConsumer<R> consumer) {
        URI next = first;
        String deltaLink = null;
        while (next != null) {
            Page<R> page = graph.send(GraphRequest.get(next, priority, permissions), reader(items), stats);
            consumer.accept(page);
            deltaLink = page.deltaLink();
            next = page.nextLink() == null ? null : URI.create(page.nextLink());
        }
        return deltaLink;
    }

    /**
     * Like {@link #forEachPage} but stops following next links once {@code enough} says so after a
     * page (for endpoints where {@code $top} may only size the page, not limit the whole answer).
     */
    public static <R> void forEachPageUntil(TenantGraph graph, URI first, ItemReader<R> items, Priority priority,
                                            List<String> permissions, RequestStats stats, PageConsumer<R> consumer,
                                            java.util.function.BooleanSupplier enough) {
        URI next = first;
        while (next != null) {
            Page<R> page = graph.send(GraphRequest.get(next, priority, permissions), reader(items), stats);
            consumer.accept(page);
            next = page.nextLink() == null || enough.getAsBoolean() ? null : URI.create(page.nextLink());
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
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "value" -> {
                    if (value != JsonToken.START_ARRAY) {
                        throw new com.fasterxml.jackson.core.JsonParseException(p, "'value' is not an array");
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        values.add(items.read(p));
                    }
                    if (p.currentToken() != JsonToken.END_ARRAY) {
                        throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token in 'value'");
                    }
                }
                case "@odata.nextLink" -> nextLink = Json.text(p);
                case "@odata.deltaLink" -> deltaLink = Json.text(p);
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "page did not end with '}'");
        }
        return new Page<>(values, nextLink, deltaLink);
    }
}
