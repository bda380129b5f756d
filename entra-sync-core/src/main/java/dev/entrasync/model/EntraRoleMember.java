package dev.entrasync.model;

import java.util.Objects;

/**
 * A member of a directory role: a user, a group (role-assignable) or a service principal.
 *
 * @param id the member's object id
 * @param type the Graph type without its namespace: {@code user}, {@code group}, {@code servicePrincipal}
 *     (or another directory object type Graph may add)
 * @param userPrincipalName the UPN for a user, null otherwise
 * @param displayName the display name (for a service principal, the application's name), or null
 */
public record EntraRoleMember(String id, String type, String userPrincipalName, String displayName) {

    /**
     * Validates the components.
     *
     * @param id the member's object id; never null
     * @param type the Graph type without its namespace, such as {@code user}; never null
     * @param userPrincipalName the UPN for a user; null otherwise
     * @param displayName the display name; may be null
     * @throws NullPointerException if {@code id} or {@code type} is null
     */
    public EntraRoleMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    /**
     * The UPN for a user, else the display name, else the id: what a host shows in a member list.
     *
     * @return the user principal name, else the display name, else the id; never null
     */
    public String label() {
        return userPrincipalName != null ? userPrincipalName : displayName != null ? displayName : id;
    }
}
