package dev.entrasync.model;

import java.util.List;

/**
 * An object an audited activity acted on: Graph's {@code targetResource}.
 *
 * @param id the object's id, or null
 * @param type e.g. {@code User}, {@code Group}, {@code Role}, {@code ServicePrincipal}, or null
 * @param displayName the object's name, or null
 * @param userPrincipalName the UPN when the target is a user, or null
 * @param modifiedProperties what the activity changed on this object, in Graph's order; for {@code Add member to role}
 *     the member's {@code Role.ObjectID}, {@code Role.DisplayName}, {@code Role.TemplateId} and
 *     {@code Role.WellKnownObjectName}; never null
 */
public record AuditTarget(
        String id,
        String type,
        String displayName,
        String userPrincipalName,
        List<ModifiedProperty> modifiedProperties) {

    /**
     * Copies the modified properties into an unmodifiable list, null read as empty.
     *
     * @param id the object's id, or null
     * @param type the object's type, or null
     * @param displayName the object's name, or null
     * @param userPrincipalName the UPN when the target is a user, or null
     * @param modifiedProperties what the activity changed; null is read as empty; no null element
     * @throws NullPointerException if {@code modifiedProperties} holds a null element
     */
    public AuditTarget {
        modifiedProperties = modifiedProperties == null ? List.of() : List.copyOf(modifiedProperties);
    }

    /**
     * A target without modified properties: what entra-sync 0.x built before it kept them.
     *
     * @param id the object's id, or null
     * @param type the object's type, or null
     * @param displayName the object's name, or null
     * @param userPrincipalName the UPN when the target is a user, or null
     */
    public AuditTarget(String id, String type, String displayName, String userPrincipalName) {
        this(id, type, displayName, userPrincipalName, List.of());
    }

    /**
     * The first modified property with this name, compared ignoring case, such as {@code Role.TemplateId}.
     *
     * @param name the property's name as Graph writes it; never null
     * @return the property, or null when the target has none of that name
     */
    public ModifiedProperty modifiedProperty(String name) {
        for (ModifiedProperty p : modifiedProperties) {
            if (name.equalsIgnoreCase(p.displayName())) {
                return p;
            }
        }
        return null;
    }
}
