package dev.entrasync.internal.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Jackson streaming helpers shared by the dataset readers. */
public final class Json {

    /** Mapper whose factory also backs {@link #FACTORY}, so parsers can read trees. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    public static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {}

    /** The current value as text, or null for JSON null. */
    public static String text(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getValueAsString();
    }

    /** The current value as Boolean, or null. */
    public static Boolean bool(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    /** The current value as an Instant (ISO-8601 with offset), or null. */
    public static Instant instant(JsonParser p) throws IOException {
        String s = text(p);
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "not a date-time: " + s);
            }
        }
    }

    /** The current value, an array of strings, as a list (null becomes empty). */
    public static List<String> strings(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NULL) {
                p.skipChildren();
            }
            return out;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String s = text(p);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** The current value as a long (null becomes 0). */
    public static long number(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? 0 : p.getValueAsLong();
    }

    /** The current value as a double, or null. */
    public static Double decimal(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getValueAsDouble();
    }

    /** A field of a tree as text, or null when absent or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** A field of a tree as Boolean, or null. */
    public static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isBoolean() ? v.booleanValue() : null;
    }

    /** A field of a tree as Integer, or null. */
    public static Integer integer(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.intValue() : null;
    }

    /** A field of a tree as Double, or null. */
    public static Double decimal(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.doubleValue() : null;
    }

    /** A field of a tree as an Instant, or null; a malformed date fails the page (it is retried). */
    public static Instant instant(JsonNode node, String field) throws IOException {
        String s = text(node, field);
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IOException("'" + field + "' is not a date-time: " + s, e);
        }
    }

    /** A field of a tree, an array of strings, as a list (absent or null becomes empty). */
    public static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : node.path(field)) {
            if (v.isTextual()) {
                out.add(v.asText());
            }
        }
        return out;
    }
}
