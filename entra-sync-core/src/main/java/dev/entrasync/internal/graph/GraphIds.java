package dev.entrasync.internal.graph;

import java.util.UUID;

/**
 * Checks an object id read from a Graph response before it goes into the path of a later request. Directory objects,
 * directory roles, service principals and Intune managed devices all have GUID ids; anything else in an id field is a
 * broken or forged page, and pasted into a path (for example {@code ../users?$select=...}) it would make the next
 * request, or a {@code $batch} item, address another resource. Stateless.
 */
final class GraphIds {

    private GraphIds() {}

    /**
     * Whether {@code id} is a GUID in its canonical 8-4-4-4-12 form (any case), and so safe as one path segment.
     *
     * @param id an id read from Graph, or null
     * @return true only for a canonical GUID
     */
    static boolean isObjectId(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException notAGuid) {
            return false;
        }
    }
}
