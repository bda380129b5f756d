package dev.entrasync.internal.graph;

import static dev.entrasync.GraphPermission.AUDIT_LOG_READ_ALL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.entrasync.LicenseRequiredException;
import dev.entrasync.MissingPermissionException;
import dev.entrasync.model.MfaStatus;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /reports/authenticationMethods/userRegistrationDetails} (permission AuditLog.Read.All,
 * licence Entra ID P1): every user's MFA registration in pages of 999, read before the users so no
 * per-user call is needed. Without the licence or the permission the index is "unavailable" and users
 * carry MFA unknown.
 */
final class MfaReport {

    /** The {@code $select} list: exactly the fields kept. */
    static final String SELECT =
            "id,isMfaRegistered,isMfaCapable,methodsRegistered," + "userPreferredMethodForSecondaryAuthentication";

    static final List<String> PERMISSIONS = PermissionNames.of(AUDIT_LOG_READ_ALL);

    private MfaReport() {}

    static MfaIndex load(TenantGraph graph, RequestStats stats) {
        Map<String, MfaStatus> byUser = new HashMap<>();
        try {
            GraphPager.forEachPage(
                    graph,
                    graph.v1("reports/authenticationMethods/userRegistrationDetails?$select=" + SELECT + "&$top=999"),
                    MfaReport::read,
                    Priority.LOW,
                    PERMISSIONS,
                    stats,
                    page -> page.items().forEach(row -> byUser.put(row.userId(), row.status())));
        } catch (LicenseRequiredException e) {
            return MfaIndex.unavailable("MFA is unknown for every user: the tenant has no " + e.license()
                    + ", which Graph's registration report needs. Fix: license the tenant for " + e.license()
                    + " or P2; users are synced meanwhile.");
        } catch (MissingPermissionException e) {
            return MfaIndex.unavailable("MFA is unknown for every user: the app lacks "
                    + e.permissions().get(0)
                    + ". Fix: add " + e.permissions().get(0) + " (Microsoft Graph, Application) to the app "
                    + "registration and have an administrator of the tenant consent again.");
        }
        return MfaIndex.of(byUser);
    }

    private record Row(String userId, MfaStatus status) {}

    private static Row read(JsonParser p) throws IOException {
        String id = null;
        Boolean registered = null;
        Boolean capable = null;
        List<String> methods = List.of();
        String preferred = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = Json.text(p);
                case "isMfaRegistered" -> registered = Json.bool(p);
                case "isMfaCapable" -> capable = Json.bool(p);
                case "methodsRegistered" -> methods = Json.strings(p);
                case "userPreferredMethodForSecondaryAuthentication" -> preferred = Json.text(p);
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "a registration row without an id");
        }
        MfaStatus.State state = registered == null
                ? MfaStatus.State.UNKNOWN
                : registered ? MfaStatus.State.REGISTERED : MfaStatus.State.NOT_REGISTERED;
        return new Row(id, new MfaStatus(state, capable, methods, "none".equals(preferred) ? null : preferred));
    }
}
