package dev.entrasync.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One entity collection of a tenant, ordered by a sort key (the id unless the collection is a log
 * read newest first). Entities are immutable maps keyed by Graph property names. Reads are
 * lock-free; writers are serialized by {@link TenantData}. Paging resumes after the last key, so
 * pages stay consistent while the collection changes.
 */
public final class EntityStore {
    private final String type;
    private final Function<Map<String, Object>, String> sortKey;
    private final ConcurrentSkipListMap<String, Map<String, Object>> byKey = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, String> keyById = new ConcurrentHashMap<>();

    /** A collection of {@code microsoft.graph.<type>} sorted by id. */
    public EntityStore(String type) {
        this(type, e -> (String) e.get("id"));
    }

    /** A collection of {@code microsoft.graph.<type>} sorted by {@code sortKey} (must be unique). */
    public EntityStore(String type, Function<Map<String, Object>, String> sortKey) {
        this.type = type;
        this.sortKey = sortKey;
    }

    /** Returns the Graph type name, e.g. {@code user}. */
    public String type() {
        return type;
    }

    /** Inserts or replaces an entity (by its {@code id}); the map is copied and frozen. */
    public Map<String, Object> put(Map<String, Object> entity) {
        Map<String, Object> frozen = Collections.unmodifiableMap(new LinkedHashMap<>(entity));
        String id = (String) frozen.get("id");
        String key = sortKey.apply(frozen);
        String old = keyById.put(id, key);
        if (old != null && !old.equals(key)) {
            byKey.remove(old);
        }
        byKey.put(key, frozen);
        return frozen;
    }

    /** Returns the entity with this id, or null. */
    public Map<String, Object> get(String id) {
        String key = keyById.get(id);
        return key == null ? null : byKey.get(key);
    }

    /** Removes and returns the entity with this id, or null when there was none. */
    public Map<String, Object> remove(String id) {
        String key = keyById.remove(id);
        return key == null ? null : byKey.remove(key);
    }

    /** Returns the number of entities (constant time: the id index, not the sorted map). */
    public int size() {
        return keyById.size();
    }

    /** Returns a snapshot of all entities in order. */
    public List<Map<String, Object>> all() {
        return new ArrayList<>(byKey.values());
    }

    /**
     * Returns up to {@code limit} entities matching {@code filter} after sort key {@code afterKey}
     * (from the start when null), and whether more follow.
     */
    public Page page(String afterKey, int limit, Predicate<Map<String, Object>> filter) {
        Map<String, Map<String, Object>> tail = afterKey == null ? byKey : byKey.tailMap(afterKey, false);
        List<Map<String, Object>> items = new ArrayList<>(Math.min(limit, 1024));
        String last = null;
        for (Map.Entry<String, Map<String, Object>> entry : tail.entrySet()) {
            if (!filter.test(entry.getValue())) {
                continue;
            }
            if (items.size() == limit) {
                return new Page(items, last, true);
            }
            items.add(entry.getValue());
            last = entry.getKey();
        }
        return new Page(items, last, false);
    }

    /** A page of entities, the sort key of its last item and whether more follow. */
    public record Page(List<Map<String, Object>> items, String lastKey, boolean more) {}
}
