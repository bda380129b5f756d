package dev.entrasync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change a completed run made to the stored data of one tenant's dataset: an object added, removed, or
 * changed in the listed fields. Computed by the sink where the old and the new values meet (see
 * {@link ChangeDetector}), told to hosts through {@link SyncListener#changes} and kept by
 * {@code entra-sync-jdbc} in its changes table. The first completed run of a tenant's dataset is a
 * baseline and yields no changes. Immutable.
 *
 * @param tenant the tenant whose data changed; never null
 * @param dataset the dataset; never null
 * @param kind added, removed or changed; never null
 * @param objectId the Graph object id of the object; never null
 * @param displayName what a person calls the object (a user's display name, a licence's product name); may be
 *     null when the record has none
 * @param fields for {@link Kind#CHANGED}, the fields that changed (never empty); empty for added and removed
 * @param at when the run stored the change; never null
 */
public record Change(
        TenantId tenant,
        Dataset dataset,
        Kind kind,
        String objectId,
        String displayName,
        List<FieldChange> fields,
        Instant at) {

    /** What happened to the object. */
    public enum Kind {
        /** The object is new since the previous completed run. */
        ADDED,
        /** The object is gone since the previous completed run. */
        REMOVED,
        /** Some fields of the object changed; {@link Change#fields()} lists them. */
        CHANGED
    }

    /**
     * Validates the components and copies {@code fields}.
     *
     * @param tenant the tenant; never null
     * @param dataset the dataset; never null
     * @param kind what happened; never null
     * @param objectId the object's id; never null
     * @param displayName the object's name; may be null
     * @param fields the fields that changed; never null
     * @param at when the run stored the change; never null
     * @throws NullPointerException if a component other than {@code displayName} is null
     */
    public Change {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(objectId, "objectId");
        fields = List.copyOf(fields);
        Objects.requireNonNull(at, "at");
    }
}
