package dev.entrasync.internal.onboarding;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Encodes and decodes URL query parameters (UTF-8; the first value of a repeated name wins). */
public final class QueryString {

    private QueryString() {}

    /** One value, encoded for a query string. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The decoded parameters of a raw query, with or without its leading {@code ?}. */
    public static Map<String, String> parse(String rawQuery) {
        String query = rawQuery.startsWith("?") ? rawQuery.substring(1) : rawQuery;
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
