package dev.entrasync.internal.graph;

import dev.entrasync.model.EntraRecord;
import java.util.Set;

/**
 * One object of a list or delta page: the record read, the Graph properties the page carried for it
 * (a delta page may carry only the changed ones), or its removal ({@code @removed}).
 *
 * @param id the object id
 * @param record the record, with absent properties null/empty; null when removed
 * @param present the Graph property names the page carried (e.g. {@code displayName}, {@code members@delta})
 * @param removed whether Graph reported the object deleted
 */
record DeltaItem<R extends EntraRecord>(String id, R record, Set<String> present, boolean removed) {

    DeltaItem {
        present = Set.copyOf(present);
    }

    static <R extends EntraRecord> DeltaItem<R> removed(String id) {
        return new DeltaItem<>(id, null, Set.of(), true);
    }

    /** The present properties that are components of the record (the fields a patch carries). */
    Set<String> fields(Set<String> components) {
        return present.stream().filter(components::contains).collect(java.util.stream.Collectors.toSet());
    }
}
