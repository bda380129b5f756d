package dev.entrasync.internal.graph;

/**
 * Graph's identity service gives each (app, tenant) pair a resource-unit budget per 10 seconds that
 * grows with the tenant's size. entra-sync paces each tenant inside the budget of its class; a
 * tenant's class is known after its first users sync (until then it is treated as small). Not API:
 * the engine sets it on the tenant's {@link TenantGraph} after a users sync.
 */
public enum TenantSizeClass {
    /** Fewer than 50 users: 3,500 resource units per 10 s. */
    SMALL(3_500),
    /** 50 to 500 users: 5,000 resource units per 10 s. */
    MEDIUM(5_000),
    /** More than 500 users: 8,000 resource units per 10 s. */
    LARGE(8_000);

    private final int resourceUnitsPer10s;

    TenantSizeClass(int resourceUnitsPer10s) {
        this.resourceUnitsPer10s = resourceUnitsPer10s;
    }

    /** The class of a tenant with this many users. */
    public static TenantSizeClass of(long users) {
        return users < 50 ? SMALL : users <= 500 ? MEDIUM : LARGE;
    }

    /** Graph's resource-unit budget per 10 seconds for one app in such a tenant. */
    public int resourceUnitsPer10s() {
        return resourceUnitsPer10s;
    }
}
