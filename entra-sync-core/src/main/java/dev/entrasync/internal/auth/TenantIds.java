package dev.entrasync.internal.auth;

import dev.entrasync.TenantId;

/** Not API: the tenant an exception names, from the tenant string a request or a token was for. */
public final class TenantIds {

    private TenantIds() {}

    /**
     * The tenant, or null when there is none or the string names no one tenant (the {@code organizations}
     * authority of an administrator's sign-in).
     */
    public static TenantId orNull(String tenant) {
        if (tenant == null) {
            return null;
        }
        try {
            return TenantId.of(tenant);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
