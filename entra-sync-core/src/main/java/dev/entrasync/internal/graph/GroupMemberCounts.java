package dev.entrasync.internal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.RecordPatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts groups' direct members 20 groups to a {@code $batch}
 * ({@code GET /groups/{id}/members?$count=true&$top=1&$select=id} with {@code ConsistencyLevel:
 * eventual}) and writes each count as a {@code memberCount} patch. Groups queue across pages, so a
 * full round costs exactly ⌈groups/20⌉ requests; at most 20 ids are held. A count Graph answers without
 * {@code @odata.count} is written as unknown (null), with a warning on the dataset. One run, one thread.
 */
final class GroupMemberCounts {

    private static final Logger LOG = LoggerFactory.getLogger(GroupMemberCounts.class);
    static final String COUNT = "/groups/%s/members?$count=true&$top=1&$select=id";
    private static final Map<String, String> EVENTUAL = Map.of("ConsistencyLevel", "eventual");
    private static final Set<String> FIELD = Set.of("memberCount");

    private final FetchContext context;
    private final List<String> pending = new ArrayList<>(GraphBatch.MAX_ITEMS);

    GroupMemberCounts(FetchContext context) {
        this.context = context;
    }

    /** Queues a group; sends a batch when 20 are queued. */
    void count(String groupId) {
        if (!GraphIds.isObjectId(groupId)) {
            // the id would go into a $batch item's path: the group is kept, its member count unknown
            context.warn("Member counts are unknown for some groups: group(s) in tenant "
                    + context.graph().tenant()
                    + " came with an id that is not a GUID, so they were not counted (counting puts the id in a"
                    + " request path). Group ids are GUIDs: the response was broken or not Microsoft Graph's.");
            return;
        }
        pending.add(groupId);
        if (pending.size() == GraphBatch.MAX_ITEMS) {
            flush();
        }
    }

    /** Sends what is queued. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(pending);
        pending.clear();
        Map<String, JsonNode> bodies = GraphBatch.send(
                context.graph(),
                GraphBatch.items(ids.stream().map(COUNT::formatted).toList(), EVENTUAL),
                GroupsFetcher.PERMISSIONS,
                context.stats());
        List<RecordPatch<EntraGroup>> patches = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            JsonNode count = bodies.get(Integer.toString(i + 1)).path("@odata.count");
            // An optional enrichment: without a count the group is kept, its member count unknown (null).
            Integer members = count.isNumber() ? count.intValue() : null;
            if (members == null) {
                LOG.debug(
                        "Tenant {}: Graph answered the member count of group {} without @odata.count",
                        context.graph().tenant(),
                        ids.get(i));
                context.warn("Member counts are unknown for some groups: Graph answered GET "
                        + COUNT.formatted("{id}") + " in tenant "
                        + context.graph().tenant()
                        + " without @odata.count. Those groups are kept without a member count; the next sync"
                        + " counts again.");
            }
            EntraGroup values =
                    new EntraGroup(ids.get(i), null, null, null, null, null, null, null, null, null, members);
            patches.add(RecordPatch.update(values, FIELD));
        }
        context.writer().merge(patches);
    }
}
