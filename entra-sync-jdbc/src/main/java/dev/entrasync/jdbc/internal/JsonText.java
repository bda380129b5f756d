package dev.entrasync.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.util.List;

/**
 * List fields kept as JSON text, the portable form every supported database stores and most can query.
 * Lists of strings become {@code ["a","b"]}; lists of records become arrays of objects with the
 * records' component names as keys.
 */
public final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {}

    /** JSON text of a list (null or empty gives {@code []}). */
    public static String write(List<?> values) {
        if (values == null || values.isEmpty()) {
            return "[]";
        }
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write list as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The strings of a JSON array; empty for null. */
    public static List<String> readStrings(String json) {
        return readList(json, String.class);
    }

    /** The elements of a JSON array as {@code type}; empty for null. */
    public static <T> List<T> readList(String json, Class<T> type) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        CollectionType listType = MAPPER.getTypeFactory().constructCollectionType(List.class, type);
        try {
            return List.copyOf(MAPPER.<List<T>>readValue(json, listType));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a stored JSON list is not readable as " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
