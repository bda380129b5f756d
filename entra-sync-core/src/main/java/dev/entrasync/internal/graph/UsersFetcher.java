package dev.entrasync.internal.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.entrasync.model.AssignedLicense;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code /users} (permission User.Read.All): every user in pages of 999, with exactly the fields
 * {@link EntraUser} keeps.
 */
public final class UsersFetcher {

    /** The {@code $select} list: exactly the fields kept. */
    public static final String SELECT = "id,userPrincipalName,displayName,accountEnabled,userType,createdDateTime,"
            + "lastPasswordChangeDateTime,otherMails,passwordPolicies,assignedLicenses";
    public static final List<String> PERMISSIONS = List.of("User.Read.All", "Directory.Read.All");

    private UsersFetcher() {
    }

    /** The first page's URL. */
    public static URI firstPage(TenantGraph graph) {
        return graph.v1("users?$select=" + SELECT + "&$top=999");
    }

    /** Streams every user, page by page, to the consumer. */
    public static void fetch(TenantGraph graph, Priority priority, RequestStats stats, Consumer<List<EntraUser>> pages) {
        GraphPager.forEachPage(graph, firstPage(graph), UsersFetcher::read, priority, PERMISSIONS, stats,
                page -> pages.accept(page.items()));
    }

    static EntraUser read(JsonParser p) throws IOException {
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
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
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
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "a user without an id");
        }
        return new EntraUser(id, upn, displayName, enabled, userType, created, passwordChanged, otherMails,
                passwordPolicies, licenses, List.of(), MfaStatus.unknown());
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
