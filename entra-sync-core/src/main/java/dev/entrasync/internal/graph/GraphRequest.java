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
 */
public record GraphRequest(String method, URI uri, byte[] body, Priority priority, List<String> permissions) {

    public GraphRequest {
        permissions = List.copyOf(permissions);
    }

    public static GraphRequest get(URI uri, Priority priority, List<String> permissions) {
        return new GraphRequest("GET", uri, null, priority, permissions);
    }

    public static GraphRequest post(URI uri, byte[] json, Priority priority, List<String> permissions) {
        return new GraphRequest("POST", uri, json, priority, permissions);
    }

    /** Path and query, for messages (never carries a token). */
    public String describe() {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
