package dev.entrasync.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /deviceManagement/managedDevices/{id}}: one managed device, with {@code $select}. Unlike the list, it
 * carries {@code ethernetMacAddress}, which Graph lists as null and returns only on a single device's GET.
 */
final class ManagedDeviceEndpoint implements GraphHandler {

    @Override
    public SimResponse handle(GraphContext ctx) {
        String id = ctx.pathParam(0);
        Map<String, Object> device = ctx.tenant().store("managedDevices").get(id);
        if (device == null) {
            throw GraphException.notFound(id);
        }
        Selection selection = Selection.parse(ctx.request().param("$select"), "managedDevice", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "@odata.context",
                ctx.cloud().graphUrl() + "/v1.0/$metadata#deviceManagement/managedDevices" + selection.contextSuffix()
                        + "/$entity");
        for (Map.Entry<String, Object> e : device.entrySet()) {
            if (selection.properties() == null || selection.includes(e.getKey())) {
                body.put(e.getKey(), e.getValue());
            }
        }
        ctx.objects(1);
        return SimResponse.json(200, body);
    }
}
