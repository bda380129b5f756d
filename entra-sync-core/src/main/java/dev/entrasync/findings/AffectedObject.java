package dev.entrasync.findings;

import java.util.Objects;

/**
 * An object a {@link Finding} is about: a user, a role, an application, a device, a licence or a policy.
 *
 * @param id the Graph object id (for a licence, its SKU id)
 * @param displayName what a person recognises it by (a UPN, a name), or null when the data has none
 */
public record AffectedObject(String id, String displayName) {

    /**
     * Validates the components.
     *
     * @param id the Graph object id; never null
     * @param displayName what a person recognises it by; may be null
     * @throws NullPointerException if {@code id} is null
     */
    public AffectedObject {
        Objects.requireNonNull(id, "id");
    }

    /**
     * The display name, else the id: what a list of affected objects shows.
     *
     * @return the display name when there is one, else the id; never null
     */
    public String label() {
        return displayName != null ? displayName : id;
    }
}
