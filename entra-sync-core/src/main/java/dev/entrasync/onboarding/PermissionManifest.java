package dev.entrasync.onboarding;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetRequirements;
import dev.entrasync.GraphPermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The application permissions an app registration needs for the datasets a host enables, and the
 * {@code requiredResourceAccess} block of its manifest, ready to paste (Microsoft Entra admin
 * center › App registrations › Manifest). Least-privileged permissions only: those the datasets
 * need ({@link DatasetRequirements}), {@code Organization.Read.All} (onboarding reads each tenant's
 * name and domain), {@code DelegatedAdminRelationship.Read.All} for a CSP partner (its GDAP
 * customer list) and {@code Mail.Send} only when mail is enabled. The legacy DAP {@code contracts}
 * fallback would need {@code Directory.Read.All}, which is deliberately not requested.
 *
 * <p>Immutable and thread-safe.
 */
public final class PermissionManifest {

    private final List<GraphPermission> permissions;

    private PermissionManifest(Set<GraphPermission> permissions) {
        this.permissions = List.copyOf(permissions);
    }

    /**
     * The manifest for these datasets.
     *
     * @param datasets the datasets the host enables; may be empty (onboarding only)
     * @param cspPartner whether the app is a CSP partner's (adds the GDAP permission)
     * @param mailEnabled whether entra-sync sends mail (adds {@code Mail.Send})
     * @return a new manifest; never null
     * @throws NullPointerException if {@code datasets} is null
     */
    public static PermissionManifest of(Set<Dataset> datasets, boolean cspPartner, boolean mailEnabled) {
        Objects.requireNonNull(datasets, "datasets");
        EnumSet<GraphPermission> all = EnumSet.of(GraphPermission.ORGANIZATION_READ_ALL);
        all.addAll(DatasetRequirements.permissions(datasets, cspPartner, mailEnabled));
        return new PermissionManifest(all);
    }

    /**
     * The permissions, in a stable order.
     *
     * @return the permissions in {@link GraphPermission} declaration order, {@code Organization.Read.All} always among
     *     them; never null
     */
    public List<GraphPermission> permissions() {
        return permissions;
    }

    /**
     * The {@code requiredResourceAccess} value: a JSON array with Microsoft Graph's app roles.
     *
     * @return the JSON array, indented as in the admin center's manifest editor; never null
     */
    public String requiredResourceAccess() {
        StringBuilder json = new StringBuilder("[\n    {\n        \"resourceAppId\": \"")
                .append(GraphPermission.GRAPH_RESOURCE_APP_ID)
                .append("\",\n        \"resourceAccess\": [");
        for (int i = 0; i < permissions.size(); i++) {
            json.append(i == 0 ? "\n" : ",\n")
                    .append("            {\n                \"id\": \"")
                    .append(permissions.get(i).id())
                    .append("\",\n                \"type\": \"Role\"\n            }");
        }
        return json.append("\n        ]\n    }\n]").toString();
    }

    /**
     * The manifest block to paste: {@code "requiredResourceAccess": [...]}.
     *
     * @return the {@code "requiredResourceAccess": [...]} property; never null
     */
    public String manifestBlock() {
        return "\"requiredResourceAccess\": " + requiredResourceAccess();
    }

    /** The permission names, comma-separated. */
    @Override
    public String toString() {
        return "PermissionManifest" + permissions;
    }
}
