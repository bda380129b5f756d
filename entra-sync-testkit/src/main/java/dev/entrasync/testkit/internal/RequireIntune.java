package dev.entrasync.testkit.internal;

import java.util.Set;
import java.util.TreeSet;

/**
 * Wraps an Intune endpoint: answers as Intune does, not as Entra does. Without the permission, 403 {@code Forbidden}
 * whose message is Intune's own JSON text, "Application is not authorized to perform this operation. Application must
 * have one of the following scopes: ..."; for a tenant without Microsoft Intune, 400 {@code BadRequest} "Request not
 * applicable to target tenant." (the answer Microsoft365DSC's Intune resources read as "The current tenant is not
 * registered for Intune").
 */
final class RequireIntune implements GraphHandler {
    private final Set<String> permissions;
    private final GraphHandler inner;

    RequireIntune(Set<String> permissions, GraphHandler inner) {
        this.permissions = permissions;
        this.inner = inner;
    }

    @Override
    public SimResponse handle(GraphContext ctx) {
        if (!ctx.has(permissions)) {
            String activity = java.util
                    .UUID
                    .nameUUIDFromBytes(ctx.request().path().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString();
            throw new GraphException(
                    403,
                    "Forbidden",
                    "{\r\n  \"_version\": 3,\r\n  \"Message\": \"Application is not authorized to perform this"
                            + " operation. Application must have one of the following scopes: "
                            + String.join(", ", new TreeSet<>(permissions))
                            + " - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 -"
                            + " Activity ID: " + activity + " - Url: https://fef.msua06.manage.microsoft.com/"
                            + "DeviceFE/StatelessDeviceFEService/deviceManagement/managedDevices?api-version=2024-05-06"
                            + "\",\r\n  \"CustomApiErrorPhrase\": \"\",\r\n  \"RetryAfter\": null,\r\n"
                            + "  \"ErrorSourceService\": \"\",\r\n  \"HttpHeaders\": \"{}\"\r\n}");
        }
        if (!ctx.tenant().intune()) {
            throw new GraphException(400, "BadRequest", "Request not applicable to target tenant.");
        }
        return inner.handle(ctx);
    }
}
