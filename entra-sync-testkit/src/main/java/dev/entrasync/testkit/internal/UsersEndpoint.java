package dev.entrasync.testkit.internal;

import java.util.Set;

/**
 * {@code GET /users}: a {@link ListEndpoint} plus the {@code signInActivity} rules (needs
 * AuditLog.Read.All and an Entra ID P1 tenant; pages of at most 500).
 */
final class UsersEndpoint implements GraphHandler {
    private static final Set<String> AUDIT = Set.of("AuditLog.Read.All");
    private final ListEndpoint plain;
    private final ListEndpoint withSignIns;

    UsersEndpoint(ListSpec spec) {
        this.plain = new ListEndpoint(spec);
        this.withSignIns = new ListEndpoint(spec.withMaxTop(500));
    }

    @Override
    public SimResponse handle(GraphContext ctx) {
        String select = ctx.request().param("$select");
        if (select == null || !select.toLowerCase().contains("signinactivity")) {
            return plain.handle(ctx);
        }
        ctx.require(GraphPermissions.USERS);
        ctx.require(AUDIT);
        if (!ctx.tenant().premium()) {
            throw new GraphException(
                    403,
                    "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                    "Neither tenant is B2C or tenant doesn't have premium license");
        }
        return withSignIns.handle(ctx);
    }
}
