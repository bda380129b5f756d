package dev.entrasync.model;

import java.util.List;
import java.util.Objects;

/**
 * An activated directory role with its members, from Graph {@code /directoryRoles} and
 * {@code /directoryRoles/{id}/members}. Roles nobody was ever assigned are not activated and do not
 * appear. Members are direct, active assignments (not PIM-eligible ones).
 *
 * @param id the role's object id in this tenant
 * @param displayName e.g. {@code Global Administrator}, or null
 * @param description what the role allows, or null
 * @param roleTemplateId the built-in role's template id (the same in every tenant), or null
 * @param members the members: users, groups and service principals
 */
public record EntraRole(
        String id, String displayName, String description, String roleTemplateId, List<EntraRoleMember> members)
        implements EntraRecord {

    /**
     * Validates the components and copies {@code members} into an unmodifiable list, null read as empty.
     *
     * @param id the role's object id in this tenant; never null
     * @param displayName the role's name; may be null
     * @param description what the role allows; may be null
     * @param roleTemplateId the built-in role's template id; may be null
     * @param members the members; null is read as empty
     * @throws NullPointerException if {@code id} is null
     */
    public EntraRole {
        Objects.requireNonNull(id, "id");
        members = members == null ? List.of() : List.copyOf(members);
    }

    /**
     * How many members the role has.
     *
     * @return the number of members; zero or more
     */
    public int memberCount() {
        return members.size();
    }
}
