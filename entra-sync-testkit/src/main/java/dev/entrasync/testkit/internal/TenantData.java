package dev.entrasync.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Everything one simulated tenant holds: profile, entity collections, memberships, consents and
 * change log. Writes are serialized on this object so the change log and the collections agree;
 * reads of collections are lock-free.
 */
public final class TenantData {
    private final String id;
    private final String displayName;
    private final List<Map<String, Object>> verifiedDomains;
    private final boolean premium;
    private final String createdDateTime;
    private final Map<String, EntityStore> stores = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> groupMembers = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> roleMembers = new LinkedHashMap<>();
    private final Map<String, Consent> consents = new ConcurrentHashMap<>();
    private final List<String> customerTenantIds = new ArrayList<>();
    private final ChangeLog changes = new ChangeLog();

    public TenantData(
            String id,
            String displayName,
            List<Map<String, Object>> verifiedDomains,
            boolean premium,
            String createdDateTime) {
        this.id = id;
        this.displayName = displayName;
        this.verifiedDomains = List.copyOf(verifiedDomains);
        this.premium = premium;
        this.createdDateTime = createdDateTime;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public boolean premium() {
        return premium;
    }

    private volatile boolean intune = true;
    private volatile Supplier<Instant> clock = Instant::now;

    /** Returns "now" for this tenant: its cloud's clock once added to a cloud, else the system clock. */
    public Instant now() {
        return clock.get();
    }

    /** Sets where {@link #now()} reads the time; the cloud sets its own clock when the tenant is added. */
    public void clock(Supplier<Instant> value) {
        clock = java.util.Objects.requireNonNull(value, "value");
    }

    /** Returns whether the tenant has Microsoft Intune (else Intune answers 400 "not applicable"). */
    public boolean intune() {
        return intune;
    }

    /** Sets whether the tenant has Microsoft Intune. */
    public void intune(boolean value) {
        intune = value;
    }

    /** Returns the {@code verifiedDomains} items of the organization, in Graph shape. */
    public List<Map<String, Object>> verifiedDomains() {
        return verifiedDomains;
    }

    /** Returns the domain names, initial one first. */
    public List<String> domainNames() {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> domain : verifiedDomains) {
            names.add((String) domain.get("name"));
        }
        return names;
    }

    /** Returns the domain with {@code isDefault = true}. */
    public String defaultDomain() {
        for (Map<String, Object> domain : verifiedDomains) {
            if (Boolean.TRUE.equals(domain.get("isDefault"))) {
                return (String) domain.get("name");
            }
        }
        return (String) verifiedDomains.get(0).get("name");
    }

    public String createdDateTime() {
        return createdDateTime;
    }

    /** Returns the collection with this name, creating an empty one of {@code type} if needed. */
    public EntityStore store(String collection, String type) {
        return stores.computeIfAbsent(collection, c -> new EntityStore(type));
    }

    /** Returns the collection with this name, or null when the tenant has none. */
    public EntityStore store(String collection) {
        return stores.get(collection);
    }

    /** Returns the number of objects in each collection, by collection name. */
    public Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        stores.forEach((name, store) -> sizes.put(name, store.size()));
        return sizes;
    }

    /** Installs a collection (used by generators for custom sort orders). */
    public void putStore(String collection, EntityStore store) {
        stores.put(collection, store);
    }

    /**
     * Records consent for an app: the permissions are added to any it had; when a propagation delay
     * is given the consent is replaced by one hidden until then.
     */
    public void consent(String clientId, Set<String> roles, java.time.Instant visibleAt, int hiddenTokenRequests) {
        Consent existing = consents.get(clientId);
        if (existing != null && visibleAt == null && hiddenTokenRequests == 0) {
            existing.roles().addAll(roles);
            return;
        }
        String servicePrincipalId = java.util
                .UUID
                .nameUUIDFromBytes((id + "/" + clientId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        Consent consent = new Consent(servicePrincipalId, roles, visibleAt, hiddenTokenRequests);
        if (existing != null) {
            consent.roles().addAll(existing.roles());
        }
        consents.put(clientId, consent);
    }

    public Map<String, Consent> consents() {
        return consents;
    }

    public ChangeLog changes() {
        return changes;
    }

    /** Returns the ids of the CSP customer tenants of this (partner) tenant. */
    public synchronized List<String> customerTenantIds() {
        return List.copyOf(customerTenantIds);
    }

    public synchronized void addCustomerTenantIds(List<String> ids) {
        customerTenantIds.addAll(ids);
    }

    /** Adds an entity to a collection and logs it; the entity must carry an {@code id}. */
    public synchronized Map<String, Object> add(String collection, Map<String, Object> entity) {
        EntityStore store = stores.get(collection);
        GraphSchema.check(store.type(), entity);
        Map<String, Object> stored = store.put(entity);
        changes.append(collection, (String) stored.get("id"), Change.Kind.ADDED, stored.keySet(), null, null);
        return stored;
    }

    /** Merges property changes into an entity and logs the names that changed. */
    public synchronized Map<String, Object> update(String collection, String id, Map<String, Object> changed) {
        EntityStore store = stores.get(collection);
        Map<String, Object> current = store.get(id);
        if (current == null) {
            throw new IllegalArgumentException("no " + store.type() + " with id " + id);
        }
        GraphSchema.check(store.type(), changed);
        if (changed.containsKey("id")) {
            throw new IllegalArgumentException("id cannot change");
        }
        Map<String, Object> next = new LinkedHashMap<>(current);
        next.putAll(changed);
        Map<String, Object> stored = store.put(next);
        changes.append(collection, id, Change.Kind.UPDATED, new HashSet<>(changed.keySet()), null, null);
        return stored;
    }

    /** Removes an entity (soft delete: restorable, delta says "changed") and its memberships. */
    public synchronized void delete(String collection, String id, boolean soft) {
        if (stores.get(collection).remove(id) == null) {
            throw new IllegalArgumentException("no object with id " + id + " in " + collection);
        }
        groupMembers.remove(id);
        for (Map.Entry<String, Map<String, String>> group : groupMembers.entrySet()) {
            String type = group.getValue().remove(id);
            if (type != null) {
                changes.append("groups", group.getKey(), Change.Kind.MEMBER_REMOVED, Set.of(), id, type);
            }
        }
        roleMembers.values().forEach(members -> members.remove(id));
        if (collection.equals("users") && stores.containsKey("userRegistrationDetails")) {
            stores.get("userRegistrationDetails").remove(id);
        }
        changes.append(collection, id, soft ? Change.Kind.SOFT_DELETED : Change.Kind.DELETED, Set.of(), null, null);
    }

    /** Adds a member ({@code @odata.type} e.g. {@code #microsoft.graph.user}) to a group. */
    public synchronized void addGroupMember(String groupId, String memberId, String odataType, boolean log) {
        if (groupMembers.computeIfAbsent(groupId, g -> new LinkedHashMap<>()).put(memberId, odataType) == null && log) {
            changes.append("groups", groupId, Change.Kind.MEMBER_ADDED, Set.of(), memberId, odataType);
        }
    }

    /** Removes a member from a group; returns whether it was a member. */
    public synchronized boolean removeGroupMember(String groupId, String memberId) {
        Map<String, String> members = groupMembers.get(groupId);
        String type = members == null ? null : members.remove(memberId);
        if (type == null) {
            return false;
        }
        changes.append("groups", groupId, Change.Kind.MEMBER_REMOVED, Set.of(), memberId, type);
        return true;
    }

    /** Returns a copy of a group's members: id to {@code @odata.type}, in insertion order. */
    public synchronized Map<String, String> groupMembers(String groupId) {
        return new LinkedHashMap<>(groupMembers.getOrDefault(groupId, Map.of()));
    }

    /** Adds a member to an activated directory role. */
    public synchronized void addRoleMember(String roleId, String memberId, String odataType) {
        roleMembers.computeIfAbsent(roleId, r -> new LinkedHashMap<>()).put(memberId, odataType);
    }

    /** Removes a member from a directory role; returns whether it was a member. */
    public synchronized boolean removeRoleMember(String roleId, String memberId) {
        Map<String, String> members = roleMembers.get(roleId);
        return members != null && members.remove(memberId) != null;
    }

    /**
     * Returns the ids of users holding a directory role, directly or through a role-assignable
     * group that is a role member.
     */
    public synchronized Set<String> adminUserIds() {
        Set<String> admins = new HashSet<>();
        for (Map<String, String> members : roleMembers.values()) {
            for (Map.Entry<String, String> member : members.entrySet()) {
                if (member.getValue().endsWith(".user")) {
                    admins.add(member.getKey());
                } else if (member.getValue().endsWith(".group")) {
                    groupMembers.getOrDefault(member.getKey(), Map.of()).forEach((id, type) -> {
                        if (type.endsWith(".user")) {
                            admins.add(id);
                        }
                    });
                }
            }
        }
        return admins;
    }

    /** Returns the ids of the roles whose member lists hold {@code memberId}. */
    public synchronized List<String> rolesOf(String memberId) {
        List<String> roles = new ArrayList<>();
        roleMembers.forEach((roleId, members) -> {
            if (members.containsKey(memberId)) {
                roles.add(roleId);
            }
        });
        return roles;
    }

    /** Returns a copy of a role's members: id to {@code @odata.type}, in insertion order. */
    public synchronized Map<String, String> roleMembers(String roleId) {
        return new LinkedHashMap<>(roleMembers.getOrDefault(roleId, Map.of()));
    }
}
