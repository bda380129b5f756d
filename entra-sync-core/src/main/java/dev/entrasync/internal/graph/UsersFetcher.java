package dev.entrasync.internal.graph;

import static dev.entrasync.GraphPermission.DIRECTORY_READ_ALL;
import static dev.entrasync.GraphPermission.USER_READ_ALL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.SyncConfig;
import dev.entrasync.model.AssignedLicense;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import dev.entrasync.model.RecordPatch;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /users} and {@code /users/delta} (permission User.Read.All): a full round lists every user
 * 999 to a page, later runs send the delta link. Before the users, the MFA report and the role member
 * lists are read once into small indexes (see {@link UserEnrichment}), so no call is made per user.
 */
final class UsersFetcher implements DatasetFetcher {

    /** The {@code $select} list: exactly the fields kept (roles and MFA come from the indexes). */
    static final String SELECT = "id,userPrincipalName,displayName,accountEnabled,userType,createdDateTime,"
            + "lastPasswordChangeDateTime,otherMails,passwordPolicies,assignedLicenses";

    static final List<String> PERMISSIONS = PermissionNames.of(USER_READ_ALL, DIRECTORY_READ_ALL);
    private static final Set<String> FIELDS = Set.of(SELECT.split(","));

    @Override
    public Dataset dataset() {
        return Dataset.USERS;
    }

    @Override
    public Mode plan(Checkpoint previous, SyncConfig config, Instant now) {
        return DeltaRound.plan(previous, config, now);
    }

    @Override
    public Checkpoint fetch(FetchContext context) {
        UserEnrichment enrichment = UserEnrichment.load(context);
        RecordWriter writer = context.writer();
        Set<String> seen = new HashSet<>();
        String deltaLink =
                DeltaRound.run(context, "users", SELECT, SELECT, PERMISSIONS, UsersFetcher::read, (items, full) -> {
                    List<EntraUser> whole = new ArrayList<>();
                    List<RecordPatch<EntraUser>> patches = new ArrayList<>();
                    List<String> removed = new ArrayList<>();
                    for (DeltaItem<EntraUser> item : items) {
                        if (item.removed()) {
                            removed.add(item.id());
                        } else if (full) {
                            whole.add(enrichment.apply(item.record()));
                        } else {
                            seen.add(item.id());
                            patches.add(enrichment.patch(item.record(), item.fields(FIELDS)));
                        }
                    }
                    writer.upsert(whole);
                    writer.merge(patches);
                    writer.remove(removed);
                });
        if (context.mode() == Mode.DELTA) {
            enrichment.refreshUnchanged(context.previous().trackedIds(), seen, writer);
        }
        return DeltaRound.checkpoint(context, deltaLink, enrichment.roleHolders());
    }

    static DeltaItem<EntraUser> read(JsonParser p) throws IOException {
        Set<String> present = new HashSet<>();
        String id = null;
        String upn = null;
        String displayName = null;
        Boolean enabled = null;
        String userType = null;
        Instant created = null;
        Instant passwordChanged = null;
        List<String> otherMails = List.of();
        String passwordPolicies = null;
        List<AssignedLicense> licenses = new ArrayList<>();
        boolean removed = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            present.add(field);
            switch (field) {
                case "id" -> id = Json.text(p);
                case "userPrincipalName" -> upn = Json.text(p);
                case "displayName" -> displayName = Json.text(p);
                case "accountEnabled" -> enabled = Json.bool(p);
                case "userType" -> userType = Json.text(p);
                case "createdDateTime" -> created = Json.instant(p);
                case "lastPasswordChangeDateTime" -> passwordChanged = Json.instant(p);
                case "otherMails" -> otherMails = Json.strings(p);
                case "passwordPolicies" -> passwordPolicies = Json.text(p);
                case "assignedLicenses" -> readLicenses(p, licenses);
                case "@removed" -> {
                    removed = true;
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "a user without an id");
        }
        return removed
                ? DeltaItem.removed(id)
                : new DeltaItem<>(
                        id,
                        new EntraUser(
                                id,
                                upn,
                                displayName,
                                enabled,
                                userType,
                                created,
                                passwordChanged,
                                otherMails,
                                passwordPolicies,
                                licenses,
                                List.of(),
                                MfaStatus.unknown()),
                        present,
                        false);
    }

    private static void readLicenses(JsonParser p, List<AssignedLicense> out) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String skuId = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("skuId")) {
                    skuId = Json.text(p);
                } else {
                    p.skipChildren();
                }
            }
            if (skuId != null) {
                out.add(new AssignedLicense(skuId, null));
            }
        }
    }
}
