package dev.entrasync.testkit.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Streams a Graph collection page to JSON with Jackson's generator, writing only the selected
 * properties of each entity (no intermediate maps).
 */
public final class PageWriter {
    private PageWriter() {}

    /** Extra per-item output, e.g. {@code members@delta}; called after the item's properties. */
    public interface ItemExtras extends BiConsumer<Map<String, Object>, JsonGenerator> {}

    /**
     * Writes {@code {"@odata.context", "@odata.nextLink"?, "value":[...], "@odata.deltaLink"?}}.
     */
    public static byte[] page(
            String context,
            List<Map<String, Object>> items,
            Selection selection,
            String nextLink,
            String deltaLink,
            ItemExtras extras) {
        return page(context, null, items, selection, nextLink, deltaLink, extras);
    }

    /** Like the other {@code page}, with {@code @odata.count} after the context when not null. */
    public static byte[] page(
            String context,
            Long count,
            List<Map<String, Object>> items,
            Selection selection,
            String nextLink,
            String deltaLink,
            ItemExtras extras) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + items.size() * 512);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("@odata.context", context);
            if (count != null) {
                json.writeNumberField("@odata.count", count);
            }
            if (nextLink != null) {
                json.writeStringField("@odata.nextLink", nextLink);
            }
            json.writeArrayFieldStart("value");
            for (Map<String, Object> item : items) {
                writeItem(json, item, selection);
                if (extras != null) {
                    extras.accept(item, json);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            if (deltaLink != null) {
                json.writeStringField("@odata.deltaLink", deltaLink);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes an item's start and its selected properties; the caller closes the object. */
    private static void writeItem(JsonGenerator json, Map<String, Object> item, Selection selection)
            throws IOException {
        json.writeStartObject();
        Object type = item.get("@odata.type");
        if (type != null) {
            json.writeObjectField("@odata.type", type);
        }
        List<String> names = selection.properties();
        if (names == null) {
            for (Map.Entry<String, Object> entry : item.entrySet()) {
                if (!entry.getKey().equals("@odata.type")) {
                    json.writeObjectField(entry.getKey(), entry.getValue());
                }
            }
            return;
        }
        for (String name : names) {
            if (item.containsKey(name) || !name.startsWith("@")) {
                json.writeObjectField(name, item.get(name));
            }
        }
    }
}
