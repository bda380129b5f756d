package dev.entrasync;

/**
 * What entra-sync can sync from a tenant. Each dataset is a Graph resource with its own record type
 * in {@code dev.entrasync.model}.
 */
public enum Dataset {
    /** {@code /users} with roles and MFA; record {@code EntraUser}. */
    USERS;

    /** The lower-case name used in configuration, CLI flags and table names, e.g. {@code users}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
