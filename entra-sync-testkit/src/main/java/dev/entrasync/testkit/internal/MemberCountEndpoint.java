package dev.entrasync.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /groups/{id}/members/$count}: the number of direct members as {@code text/plain}, an
 * advanced query, so only with {@code ConsistencyLevel: eventual} (else 400, as in Graph).
 */
final class MemberCountEndpoint implements GraphHandler {

    @Override
    public SimResponse handle(GraphContext ctx) {
        ctx.require(GraphPermissions.GROUP_MEMBERS);
        String id = ctx.pathParam(0);
        if (ctx.tenant().store("groups").get(id) == null) {
            throw GraphException.notFound(id);
        }
        if (!"eventual".equalsIgnoreCase(ctx.request().header("ConsistencyLevel"))) {
            throw GraphException.badRequest("$count is not currently supported.");
        }
        ctx.cost(3);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        byte[] body = Integer.toString(ctx.tenant().groupMembers(id).size()).getBytes(StandardCharsets.UTF_8);
        return new SimResponse(200, headers, body, null);
    }
}
