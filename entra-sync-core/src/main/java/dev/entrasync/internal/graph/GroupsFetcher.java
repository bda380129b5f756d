package dev.entrasync.internal.graph;

import static dev.entrasync.GraphPermission.DIRECTORY_READ_ALL;
import static dev.entrasync.GraphPermission.GROUP_MEMBER_READ_ALL;
import static dev.entrasync.GraphPermission.GROUP_READ_ALL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.SyncConfig;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.RecordPatch;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /groups} and {@code /groups/delta} (permission Group.Read.All): a full round lists every
 * group 999 to a page and counts members 20 groups to a {@code $batch}; later runs send the delta
 * link, which also tracks {@code members}, so a group whose membership changed comes back (with
 * {@code members@delta}) and is recounted. Only groups in the round are counted.
 */
final class GroupsFetcher implements DatasetFetcher {

    /** The {@code $select} list: exactly the fields kept (the member count comes from {@link GroupMemberCounts}). */
    static final String SELECT = "id,displayName,mail,groupTypes,mailEnabled,mailNickname,proxyAddresses,"
            + "resourceBehaviorOptions,securityEnabled,securityIdentifier";
    /** The delta link also tracks membership, to know which groups to recount. */
    static final String DELTA_SELECT = SELECT + ",members";

    static final List<String> PERMISSIONS =
            PermissionNames.of(GROUP_READ_ALL, GROUP_MEMBER_READ_ALL, DIRECTORY_READ_ALL);
    private static final Set<String> FIELDS = Set.of(SELECT.split(","));

    @Override
    public Dataset dataset() {
        return Dataset.GROUPS;
    }

    @Override
    public Mode plan(Checkpoint previous, SyncConfig config, Instant now) {
        return DeltaRound.plan(previous, config, now);
    }

    @Override
    public Checkpoint fetch(FetchContext context) {
        RecordWriter writer = context.writer();
        GroupMemberCounts counts = new GroupMemberCounts(context);
        String deltaLink = DeltaRound.run(
                context, "groups", DELTA_SELECT, SELECT, PERMISSIONS, GroupsFetcher::read, (items, full) -> {
                    List<EntraGroup> whole = new ArrayList<>();
                    List<RecordPatch<EntraGroup>> patches = new ArrayList<>();
                    List<String> removed = new ArrayList<>();
                    List<String> recount = new ArrayList<>();
                    for (DeltaItem<EntraGroup> item : items) {
                        if (item.removed()) {
                            removed.add(item.id());
                            continue;
                        }
                        Set<String> fields = item.fields(FIELDS);
                        if (full) {
                            whole.add(item.record());
                        } else if (!fields.isEmpty()) {
                            patches.add(RecordPatch.upsert(item.record(), fields));
                        }
                        recount.add(item.id());
                    }
                    writer.upsert(whole);
                    writer.merge(patches);
                    writer.remove(removed);
                    recount.forEach(counts::count);
                });
        counts.flush();
        return DeltaRound.checkpoint(context, deltaLink, Set.of());
    }

    static DeltaItem<EntraGroup> read(JsonParser p) throws IOException {
        Set<String> present = new HashSet<>();
        String id = null;
        String name = null;
        String mail = null;
        List<String> types = List.of();
        Boolean mailEnabled = null;
        String nickname = null;
        List<String> proxies = List.of();
        List<String> behaviours = List.of();
        Boolean securityEnabled = null;
        String sid = null;
        boolean removed = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            present.add(field);
            switch (field) {
                case "id" -> id = Json.text(p);
                case "displayName" -> name = Json.text(p);
                case "mail" -> mail = Json.text(p);
                case "groupTypes" -> types = Json.strings(p);
                case "mailEnabled" -> mailEnabled = Json.bool(p);
                case "mailNickname" -> nickname = Json.text(p);
                case "proxyAddresses" -> proxies = Json.strings(p);
                case "resourceBehaviorOptions" -> behaviours = Json.strings(p);
                case "securityEnabled" -> securityEnabled = Json.bool(p);
                case "securityIdentifier" -> sid = Json.text(p);
                case "@removed" -> {
                    removed = true;
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "a group without an id");
        }
        return removed
                ? DeltaItem.removed(id)
                : new DeltaItem<>(
                        id,
                        new EntraGroup(
                                id,
                                name,
                                mail,
                                types,
                                mailEnabled,
                                nickname,
                                proxies,
                                behaviours,
                                securityEnabled,
                                sid,
                                null),
                        present,
                        false);
    }
}
