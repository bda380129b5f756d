package dev.entrasync.internal.graph;

import java.net.URI;
import java.util.List;

/**
 * One Graph request.
 *
 * @param method GET or POST
 * @param uri absolute URL (a {@code @odata.nextLink} is used verbatim)
 * @param body JSON body for POST, or null
 * @param priority throttle priority
 * @param permissions the application permissions that allow it, least privileged first (named in a 403)
 * @param weight how many requests Graph counts it as against throttling limits: 1, or the number of
 *     requests inside a {@code $batch}; the rate limiters take that many permits
 */
public record GraphRequest(
        String method, URI uri, byte[] body, Priority priority, List<String> permissions, int weight) {

    public GraphRequest {
        permissions = List.copyOf(permissions);
        if (weight < 1) {
            throw new IllegalArgumentException("weight: must be at least 1, was " + weight);
        }
    }

    public static GraphRequest get(URI uri, Priority priority, List<String> permissions) {
        return new GraphRequest("GET", uri, null, priority, permissions, 1);
    }

    public static GraphRequest post(URI uri, byte[] json, Priority priority, List<String> permissions) {
        return new GraphRequest("POST", uri, json, priority, permissions, 1);
    }

    /** A {@code $batch} of {@code items} requests, which Graph counts one by one. */
    public static GraphRequest batch(URI uri, byte[] json, Priority priority, List<String> permissions, int items) {
        return new GraphRequest("POST", uri, json, priority, permissions, items);
    }

    /** Path and query, for messages (never carries a token). */
    public String describe() {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
