package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.RecordedCall;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /$batch}: up to 20 requests with unique ids, each run through the same pipeline
 * (faults included, so one item can be throttled alone) and recorded as a batch item.
 * {@code dependsOn} on a failed request gives 424. Responses come back in reverse order, which
 * Graph allows ("any order"), so clients that match by position fail in tests.
 */
final class BatchEndpoint implements GraphHandler {
    private static final int MAX_REQUESTS = 20;
    private static final Set<String> INNER_HEADERS = Set.of(
            "content-type",
            "retry-after",
            "x-ms-throttle-scope",
            "x-ms-throttle-information",
            "location",
            "cache-control",
            "x-ms-resource-unit");
    private final GraphPipeline pipeline;

    BatchEndpoint(GraphPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public SimResponse handle(GraphContext ctx) {
        List<Map<String, Object>> requests = parse(ctx.request().body());
        GraphAuth.Caller caller = new GraphAuth.Caller(ctx.tenant(), ctx.appId(), ctx.roles());
        Set<String> failed = new HashSet<>();
        List<Map<String, Object>> responses = new ArrayList<>();
        int objects = 0;
        for (Map<String, Object> item : requests) {
            String id = String.valueOf(item.get("id"));
            SimRequest inner = toRequest(item);
            SimResponse response;
            if (dependsOnFailure(item, failed)) {
                response = GraphErrors.response(
                        424,
                        "FailedDependency",
                        "The dependent request failed.",
                        Ids.random(),
                        Ids.random(),
                        ctx.cloud().now());
            } else {
                response = pipeline.handle(inner, caller);
                if (response.fault() != null) {
                    response = GraphErrors.response(
                            504,
                            "GatewayTimeout",
                            "The operation has timed out.",
                            Ids.random(),
                            Ids.random(),
                            ctx.cloud().now());
                }
            }
            if (response.status() >= 400) {
                failed.add(id);
            }
            objects += response.objects();
            ctx.cloud()
                    .calls()
                    .add(new RecordedCall(
                            RecordedCall.Server.GRAPH,
                            inner.method(),
                            inner.path(),
                            inner.query(),
                            inner.headers(),
                            inner.body(),
                            ctx.tenant().id(),
                            response.status(),
                            ctx.cloud().now(),
                            true,
                            id));
            responses.add(render(id, response));
        }
        Collections.reverse(responses);
        ctx.objects(objects);
        return SimResponse.json(200, Map.of("responses", responses));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String body) {
        Object requests;
        try {
            requests = Json.parseObject(body.getBytes(StandardCharsets.UTF_8)).get("requests");
        } catch (RuntimeException e) {
            throw new GraphException(
                    400,
                    "BadRequest",
                    "Unable to read JSON request payload. Please"
                            + " ensure Content-Type header is set and payload is of valid JSON format.");
        }
        if (!(requests instanceof List<?> list) || list.isEmpty()) {
            throw new GraphException(400, "BadRequest", "Invalid batch payload format.");
        }
        if (list.size() > MAX_REQUESTS) {
            throw new GraphException(
                    400,
                    "BadRequest",
                    "The number of requests in the batch (" + list.size() + ") exceeds the maximum of " + MAX_REQUESTS
                            + ".");
        }
        Set<String> ids = new HashSet<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> map)
                    || map.get("id") == null
                    || map.get("method") == null
                    || map.get("url") == null) {
                throw new GraphException(
                        400,
                        "BadRequest",
                        "Invalid batch payload format: every request" + " needs id, method and url.");
            }
            if (!ids.add(String.valueOf(map.get("id")))) {
                throw new GraphException(
                        400, "BadRequest", "Batch request contains duplicate request id '" + map.get("id") + "'.");
            }
        }
        return (List<Map<String, Object>>) requests;
    }

    private static boolean dependsOnFailure(Map<String, Object> item, Set<String> failed) {
        return item.get("dependsOn") instanceof List<?> deps
                && deps.stream().anyMatch(d -> failed.contains(String.valueOf(d)));
    }

    @SuppressWarnings("unchecked")
    private static SimRequest toRequest(Map<String, Object> item) {
        String url = String.valueOf(item.get("url"));
        if (url.startsWith("https://") || url.startsWith("http://")) {
            url = url.substring(url.indexOf('/', url.indexOf("//") + 2));
        }
        if (url.startsWith("/v1.0/")) {
            url = url.substring(5);
        }
        int q = url.indexOf('?');
        String path = decode(q < 0 ? url : url.substring(0, q));
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                query.putIfAbsent(
                        decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (item.get("headers") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> headers.put(String.valueOf(k).toLowerCase(Locale.ROOT), String.valueOf(v)));
        }
        String body = item.get("body") == null ? "" : Json.string(item.get("body"));
        return new SimRequest(
                String.valueOf(item.get("method")).toUpperCase(Locale.ROOT),
                "/v1.0" + (path.startsWith("/") ? path : "/" + path),
                query,
                headers,
                body);
    }

    private static Map<String, Object> render(String id, SimResponse response) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("status", response.status());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().forEach((name, value) -> {
            if (INNER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, value);
            }
        });
        out.put("headers", headers);
        if (response.body().length > 0) {
            try {
                out.put("body", Json.parseObject(response.body()));
            } catch (RuntimeException e) {
                out.put("body", response.bodyText());
            }
        }
        return out;
    }

    /** Percent-decodes (a {@code +} stays a plus, as in URLs). */
    private static String decode(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
