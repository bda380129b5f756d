package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.Ids;
import dev.entrasync.testkit.internal.TenantData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One directory collection of a simulated tenant (users, devices or groups) that tests read and
 * change. Entities are maps keyed by Graph property names (checked against Graph v1.0); every
 * change is logged so {@code /delta} reports it. Returned maps are immutable snapshots.
 * Thread-safe: changes made while the sim serves requests are seen by the next page.
 */
public sealed class SimulatedDirectory permits SimulatedGroups, SimulatedRoles {
    final TenantData tenant;
    final String collection;

    SimulatedDirectory(TenantData tenant, String collection) {
        this.tenant = tenant;
        this.collection = collection;
    }

    /** Returns the entity with this id, or null when there is none. */
    public Map<String, Object> get(String id) {
        return tenant.store(collection).get(id);
    }

    /** Returns the first entity whose {@code property} equals {@code value}, or null. */
    public Map<String, Object> find(String property, Object value) {
        for (Map<String, Object> entity : tenant.store(collection).all()) {
            if (Objects.equals(entity.get(property), value)) {
                return entity;
            }
        }
        return null;
    }

    /** Returns a snapshot of all entities, ordered by id. */
    public List<Map<String, Object>> list() {
        return tenant.store(collection).all();
    }

    /** Returns the number of entities. */
    public int size() {
        return tenant.store(collection).size();
    }

    /**
     * Adds an entity; an {@code id} is generated when the map has none.
     *
     * @return the stored entity
     * @throws IllegalArgumentException when a key is not a property of the Graph type
     */
    public Map<String, Object> add(Map<String, Object> entity) {
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("id", entity.containsKey("id") ? entity.get("id") : Ids.random());
        copy.putAll(entity);
        return tenant.add(collection, copy);
    }

    /**
     * Changes properties of an entity (a null value clears one).
     *
     * @return the stored entity after the change
     * @throws IllegalArgumentException for an unknown id or property, or a change of {@code id}
     */
    public Map<String, Object> update(String id, Map<String, Object> changes) {
        return tenant.update(collection, id, changes);
    }

    /** Deletes an entity for good; delta reports {@code @removed: {reason: "deleted"}}. */
    public void delete(String id) {
        tenant.delete(collection, id, false);
    }

    /** Soft-deletes an entity (restorable); delta reports {@code @removed: {reason: "changed"}}. */
    public void softDelete(String id) {
        tenant.delete(collection, id, true);
    }

    /** Returns the {@code @odata.type} of a directory object of this tenant; throws when there is none. */
    String odataType(String memberId) {
        String[][] kinds = {
            {"users", "#microsoft.graph.user"},
            {"groups", "#microsoft.graph.group"},
            {"devices", "#microsoft.graph.device"},
            {"servicePrincipals", "#microsoft.graph.servicePrincipal"}
        };
        for (String[] kind : kinds) {
            if (tenant.store(kind[0]) != null && tenant.store(kind[0]).get(memberId) != null) {
                return kind[1];
            }
        }
        throw new IllegalArgumentException("no directory object with id " + memberId);
    }
}
