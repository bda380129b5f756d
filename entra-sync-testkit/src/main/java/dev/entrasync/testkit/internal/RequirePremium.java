package dev.entrasync.testkit.internal;

import java.util.Set;

/**
 * Wraps an endpoint that needs Entra ID P1: checks the permission first, then answers 403
 * {@code Authentication_RequestFromNonPremiumTenantOrB2CTenant} for a tenant without P1.
 */
final class RequirePremium implements GraphHandler {
    private final Set<String> permissions;
    private final GraphHandler inner;

    RequirePremium(Set<String> permissions, GraphHandler inner) {
        this.permissions = permissions;
        this.inner = inner;
    }

    @Override
    public SimResponse handle(GraphContext ctx) {
        ctx.require(permissions);
        if (!ctx.tenant().premium()) {
            throw new GraphException(
                    403,
                    "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                    "Neither tenant is B2C or tenant doesn't have premium license");
        }
        return inner.handle(ctx);
    }
}
