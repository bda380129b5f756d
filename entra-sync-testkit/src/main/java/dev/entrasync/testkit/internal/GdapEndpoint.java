package dev.entrasync.testkit.internal;

/**
 * {@code GET /tenantRelationships/delegatedAdminCustomers}: the partner's GDAP customers, or a 403
 * when a test made GDAP fail for the tenant (so callers fall back to {@code /contracts}).
 */
final class GdapEndpoint implements GraphHandler {
    private final GraphHandler inner;

    GdapEndpoint(GraphHandler inner) {
        this.inner = inner;
    }

    @Override
    public SimResponse handle(GraphContext ctx) {
        if (ctx.cloud().faults().gdapFails(ctx.tenant().id())) {
            throw GraphException.denied();
        }
        return inner.handle(ctx);
    }
}
