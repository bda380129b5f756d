package dev.entrasync.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * One property an audited activity changed on a target: Graph's {@code modifiedProperty}. Graph writes the values as
 * JSON text, so a string arrives quoted ({@code "\"Global Administrator\""}); {@link #newText()} and
 * {@link #oldText()} remove those quotes.
 *
 * @param displayName the property's name, e.g. {@code Role.DisplayName} or {@code AccountEnabled}, or null
 * @param oldValue the value before, as Graph sent it (JSON text), or null
 * @param newValue the value after, as Graph sent it (JSON text), or null
 */
public record ModifiedProperty(String displayName, String oldValue, String newValue) {

    /**
     * The value after, unquoted when Graph sent a single JSON string.
     *
     * @return the string inside the quotes when {@link #newValue()} is one JSON string, else {@link #newValue()} as it
     *     is; null when that is null
     */
    public String newText() {
        return unquote(newValue);
    }

    /**
     * The value before, unquoted when Graph sent a single JSON string.
     *
     * @return the string inside the quotes when {@link #oldValue()} is one JSON string, else {@link #oldValue()} as it
     *     is; null when that is null
     */
    public String oldText() {
        return unquote(oldValue);
    }

    /** Reads one JSON value and nothing after it (Graph's values are JSON text). */
    private static final ObjectReader JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .reader();

    /** The content of a JSON string literal with its escapes resolved; anything else unchanged. */
    static String unquote(String value) {
        if (value == null || !value.strip().startsWith("\"")) {
            return value;
        }
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isTextual() ? node.textValue() : value;
        } catch (JsonProcessingException notOneString) {
            return value;
        }
    }
}
