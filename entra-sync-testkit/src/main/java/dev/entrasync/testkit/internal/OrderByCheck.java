package dev.entrasync.testkit.internal;

/**
 * Wraps an endpoint whose natural order is the only one served: accepts {@code $orderby} only when
 * it names that order, and answers 400 otherwise instead of silently ignoring it.
 */
final class OrderByCheck implements GraphHandler {
    private final String accepted;
    private final GraphHandler inner;

    OrderByCheck(String accepted, GraphHandler inner) {
        this.accepted = accepted;
        this.inner = inner;
    }

    @Override
    public SimResponse handle(GraphContext ctx) {
        String orderBy = ctx.request().param("$orderby");
        if (orderBy != null && !orderBy.trim().replaceAll("\\s+", " ").equalsIgnoreCase(accepted)) {
            throw new GraphException(
                    400,
                    "Request_UnsupportedQuery",
                    "The simulated cloud only orders" + " this collection by '" + accepted + "'.");
        }
        return inner.handle(ctx);
    }
}
