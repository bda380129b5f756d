package dev.entrasync.testkit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps method and path (below {@code /v1.0}) to a handler. Patterns are literal segments with
 * {@code {}} wildcards, e.g. {@code /directoryRoles/{}/members}; literal routes win over
 * wildcards because routes are tried in registration order.
 */
final class GraphRouter {
    private record Route(String method, String[] segments, GraphHandler handler) {}

    /** A matched route's handler and wildcard values. */
    record Match(GraphHandler handler, List<String> params) {}

    private final List<Route> routes = new ArrayList<>();

    GraphRouter add(String method, String pattern, GraphHandler handler) {
        routes.add(new Route(method, pattern.substring(1).split("/"), handler));
        return this;
    }

    /** Returns the match, or null when no route has this path (any method). */
    Match match(String method, String path) {
        String[] segments = path.substring(1).split("/");
        boolean pathKnown = false;
        for (Route route : routes) {
            List<String> params = match(route.segments(), segments);
            if (params != null) {
                pathKnown = true;
                if (route.method().equals(method)) {
                    return new Match(route.handler(), params);
                }
            }
        }
        if (pathKnown) {
            throw new GraphException(
                    405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
        }
        return null;
    }

    private static List<String> match(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].equals("{}")) {
                params.add(segments[i]);
            } else if (!pattern[i].equalsIgnoreCase(segments[i])) {
                return null;
            }
        }
        return params;
    }
}
