package dev.entrasync.testkit.internal;

import java.util.Map;
import java.util.function.Predicate;

/** Parses and checks the OData query options shared by collection endpoints. */
final class QueryOptions {
    private QueryOptions() {}

    /** Returns {@code $top}, or the default; 400 outside 1..max. */
    static int top(SimRequest request, int defaultTop, int maxTop) {
        String raw = request.param("$top");
        if (raw == null) {
            return defaultTop;
        }
        int top;
        try {
            top = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new GraphException(400, "BadRequest", "Invalid $top value '" + raw + "'.");
        }
        if (top < 1 || top > maxTop) {
            throw new GraphException(
                    400,
                    "Request_UnsupportedQuery",
                    "Invalid page size specified: '" + top + "'. Must be between 1 and " + maxTop + " inclusive.");
        }
        return top;
    }

    /** Returns a non-negative integer option. */
    static int nonNegative(SimRequest request, String name) {
        try {
            int value = Integer.parseInt(request.param(name).trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new GraphException(400, "BadRequest", "Invalid " + name + " value '" + request.param(name) + "'.");
    }

    /** Returns the {@code $filter} predicate, "everything" when absent; 400 when not supported. */
    static Predicate<Map<String, Object>> filter(SimRequest request, String type, boolean allowed) {
        String raw = request.param("$filter");
        if (raw == null || raw.isBlank()) {
            return e -> true;
        }
        if (!allowed) {
            throw new GraphException(
                    400,
                    "Request_UnsupportedQuery",
                    "The query specified in the URI is not valid. '$filter' is not supported.");
        }
        return ODataFilter.parse(raw, type);
    }

    /** Graph's resource-unit cost: base, -1 with {@code $select}, -1 with {@code $top} < 20. */
    static int cost(int base, Selection selection, SimRequest request) {
        int cost = base;
        if (selection.explicit()) {
            cost--;
        }
        String top = request.param("$top");
        if (top != null && top.trim().matches("\\d+") && Integer.parseInt(top.trim()) < 20) {
            cost--;
        }
        return Math.max(1, cost);
    }
}
