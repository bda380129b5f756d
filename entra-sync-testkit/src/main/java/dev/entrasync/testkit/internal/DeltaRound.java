package dev.entrasync.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Computes one page of a delta round: every object, or the changes in a change-log window. */
final class DeltaRound {
    /** A page's items and the last id it covered (null when the round is complete). */
    record Result(List<Map<String, Object>> items, String lastId) {}

    private static final class Net {
        boolean added;
        Change.Kind removed;
        final Set<String> properties = new java.util.HashSet<>();
        final Map<String, Change> members = new LinkedHashMap<>();
    }

    private final TenantData tenant;
    private final String collection;
    private final Selection selection;
    private final boolean members;

    DeltaRound(TenantData tenant, String collection, Selection selection, boolean members) {
        this.tenant = tenant;
        this.collection = collection;
        this.selection = selection;
        this.members = members;
    }

    Result everything(String afterId, int pageSize) {
        EntityStore.Page page = tenant.store(collection).page(afterId, pageSize, e -> true);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> entity : page.items()) {
            Map<String, Object> item = project(entity, null);
            if (members) {
                List<Map<String, Object>> delta = new ArrayList<>();
                tenant.groupMembers((String) entity.get("id"))
                        .forEach((id, type) -> delta.add(member(id, type, false)));
                item.put("members@delta", delta);
            }
            items.add(item);
        }
        return new Result(items, page.more() ? page.lastKey() : null);
    }

    Result changes(long fromSeq, long toSeq, String afterId, int pageSize) {
        TreeMap<String, Net> net = new TreeMap<>();
        for (Change change : tenant.changes().between(collection, fromSeq, toSeq)) {
            Net entry = net.computeIfAbsent(change.id(), id -> new Net());
            switch (change.kind()) {
                case ADDED -> {
                    entry.added = true;
                    entry.removed = null;
                }
                case UPDATED -> entry.properties.addAll(change.properties());
                case DELETED, SOFT_DELETED -> entry.removed = change.kind();
                default -> entry.members.put(change.memberId(), change);
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Net> tail = afterId == null ? net : net.tailMap(afterId, false);
        String last = null;
        for (Map.Entry<String, Net> entry : tail.entrySet()) {
            if (items.size() == pageSize) {
                return new Result(items, last);
            }
            last = entry.getKey();
            Map<String, Object> item = item(entry.getKey(), entry.getValue());
            if (item != null) {
                items.add(item);
            }
        }
        return new Result(items, null);
    }

    private Map<String, Object> item(String id, Net net) {
        Map<String, Object> current = tenant.store(collection).get(id);
        if (current == null) {
            if (net.removed == null) {
                return null;
            }
            Map<String, Object> removed = new LinkedHashMap<>();
            removed.put("id", id);
            removed.put("@removed", Map.of("reason", net.removed == Change.Kind.SOFT_DELETED ? "changed" : "deleted"));
            return removed;
        }
        Map<String, Object> item = project(current, net.added ? null : net.properties);
        if (members && !net.members.isEmpty()) {
            List<Map<String, Object>> delta = new ArrayList<>();
            net.members
                    .values()
                    .forEach(change -> delta.add(member(
                            change.memberId(), change.memberType(), change.kind() == Change.Kind.MEMBER_REMOVED)));
            item.put("members@delta", delta);
        }
        return item.size() > 1 ? item : null;
    }

    /** Returns id plus the selected properties, limited to {@code only} when given. */
    private Map<String, Object> project(Map<String, Object> entity, Set<String> only) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", entity.get("id"));
        List<String> names = selection.properties();
        Iterable<String> keys = names != null ? names : entity.keySet();
        for (String name : keys) {
            if (name.equals("id") || name.equals("members") || (only != null && !only.contains(name))) {
                continue;
            }
            item.put(name, entity.get(name));
        }
        return item;
    }

    private static Map<String, Object> member(String id, String type, boolean removed) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("@odata.type", type);
        member.put("id", id);
        if (removed) {
            member.put("@removed", Map.of("reason", "deleted"));
        }
        return member;
    }
}
