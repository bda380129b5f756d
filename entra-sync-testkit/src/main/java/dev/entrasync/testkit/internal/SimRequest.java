package dev.entrasync.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the simulator's handlers see it: decoded path and query, lower-case header names,
 * UTF-8 body. Batch items are turned into one of these too.
 *
 * @param path the decoded path, e.g. {@code /v1.0/users}
 * @param query decoded query parameters, first value of each, names as sent
 */
public record SimRequest(
        String method, String path, Map<String, String> query, Map<String, String> headers, String body) {

    /** Returns a query parameter by case-insensitive name ({@code $deltaToken} = {@code $deltatoken}). */
    public String param(String name) {
        for (Map.Entry<String, String> entry : query.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** Returns a header by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Returns the query without the named parameters (case-insensitive), in order. */
    public Map<String, String> queryWithout(String... names) {
        Map<String, String> out = new LinkedHashMap<>(query);
        out.keySet().removeIf(key -> {
            for (String name : names) {
                if (key.equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        });
        return out;
    }
}
