package dev.entrasync.testkit.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Runs one Graph request through authentication, injected faults, routing and the handler, and
 * adds Graph's standard response headers. Used for top-level requests and {@code $batch} items.
 */
public final class GraphPipeline {
    private static final String VERSION = "/v1.0";
    private final CloudState cloud;
    private final GraphAuth auth;
    private final GraphRouter router;

    public GraphPipeline(CloudState cloud) {
        this.cloud = cloud;
        this.auth = new GraphAuth(cloud);
        this.router = GraphRoutes.create(this);
    }

    CloudState cloud() {
        return cloud;
    }

    /** Handles a request arriving on the wire; returns the response and the caller's tenant id. */
    SimServer.Handled handle(SimRequest request) {
        String requestId = Ids.random();
        String clientRequestId = clientRequestId(request);
        GraphAuth.Caller caller;
        try {
            caller = auth.authenticate(request);
        } catch (GraphException e) {
            return new SimServer.Handled(error(e, requestId, clientRequestId, cloud.now()), auth.peekTenant(request));
        }
        return new SimServer.Handled(handle(request, caller), caller.tenant().id());
    }

    /** Handles a request of an already authenticated caller (a top-level request or batch item). */
    SimResponse handle(SimRequest request, GraphAuth.Caller caller) {
        String requestId = Ids.random();
        String clientRequestId = clientRequestId(request);
        Instant now = cloud.now();
        String path = request.path();
        ThrottleModel throttle = cloud.throttle();
        ThrottleModel.Refusal refusal =
                throttle == null ? null : throttle.admit(caller.appId(), caller.tenant(), path, now);
        if (refusal != null) {
            FaultAction wait = new FaultAction(
                    FaultAction.Kind.THROTTLE, 429, Math.max(1, Math.ceil(refusal.retryAfterSeconds())), false);
            return withStandardHeaders(
                    FaultResponses.throttled(wait, refusal.information(), caller, requestId, clientRequestId, now),
                    requestId,
                    clientRequestId,
                    now,
                    1);
        }
        FaultAction fault = cloud.faults().next(caller.tenant().id(), path);
        SimResponse response;
        int cost = 1;
        int objects = 0;
        if (fault != null && !fault.rewritesAnswer()) {
            response = FaultResponses.response(fault, caller, requestId, clientRequestId, now);
        } else {
            try {
                Routed routed = route(request, caller);
                response = routed.handler().handle(routed.context());
                cost = routed.context().cost();
                objects = routed.context().objects();
            } catch (GraphException e) {
                response = error(e, requestId, clientRequestId, now);
            }
            if (fault != null && response.status() == 200) {
                response = FaultResponses.rewrite(fault, response, selfUrl(request));
            }
        }
        if (throttle != null && response.status() != 429) {
            double used = throttle.charge(caller.appId(), caller.tenant(), path, cost, now);
            if (used >= 0.8) {
                response = response.withHeader(
                        "x-ms-throttle-limit-percentage",
                        String.format(java.util.Locale.ROOT, "%.1f", Math.min(1.8, used)));
            }
        }
        return withStandardHeaders(response, requestId, clientRequestId, now, cost)
                .withObjects(objects);
    }

    private record Routed(GraphHandler handler, GraphContext context) {}

    private Routed route(SimRequest request, GraphAuth.Caller caller) {
        String path = request.path();
        if (!path.equals(VERSION) && !path.startsWith(VERSION + "/")) {
            String version = path.split("/").length > 1 ? path.split("/")[1] : "";
            throw new GraphException(400, "BadRequest", "Invalid version: " + version);
        }
        String below = path.substring(VERSION.length());
        GraphRouter.Match match = router.match(request.method(), below.isEmpty() ? "/" : below);
        if (match == null) {
            String[] segments = below.substring(1).split("/");
            throw new GraphException(
                    400,
                    "BadRequest",
                    "Resource not found for the segment '"
                            + segments[segments.length > 1 && !segments[0].isEmpty() ? segments.length - 1 : 0]
                            + "'.");
        }
        GraphContext context =
                new GraphContext(cloud, request, caller.tenant(), caller.appId(), caller.roles(), match.params());
        return new Routed(match.handler(), context);
    }

    /** The request's absolute URL as Graph would write it in a next link. */
    private String selfUrl(SimRequest request) {
        StringBuilder url = new StringBuilder(cloud.graphUrl()).append(request.path());
        char separator = '?';
        for (Map.Entry<String, String> param : request.query().entrySet()) {
            url.append(separator).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%24", "$")
                .replace("%2C", ",");
    }

    private static String clientRequestId(SimRequest request) {
        String id = request.header("client-request-id");
        return id != null ? id : Ids.random();
    }

    private static SimResponse error(GraphException e, String requestId, String clientRequestId, Instant now) {
        SimResponse response =
                GraphErrors.response(e.status(), e.code(), e.getMessage(), requestId, clientRequestId, now);
        for (Map.Entry<String, String> header : e.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return withStandardHeaders(response, requestId, clientRequestId, now, 1);
    }

    private static SimResponse withStandardHeaders(
            SimResponse response, String requestId, String clientRequestId, Instant now, int cost) {
        SimResponse out = response;
        if ("application/json; charset=utf-8".equals(out.headers().get("Content-Type")) && out.status() < 300) {
            out = out.withHeader(
                    "Content-Type",
                    "application/json;odata.metadata=minimal;"
                            + "odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
        }
        return out.withHeader("request-id", requestId)
                .withHeader("client-request-id", clientRequestId)
                .withHeader(
                        "x-ms-ags-diagnostic",
                        "{\"ServerInfo\":{\"DataCenter\":\"Localhost\","
                                + "\"Slice\":\"E\",\"Ring\":\"5\",\"ScaleUnit\":\"000\",\"RoleInstance\":\"testkit\"}}")
                .withHeader("x-ms-resource-unit", Integer.toString(cost))
                .withHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)))
                .withHeader("Cache-Control", "no-cache")
                .withHeader("Strict-Transport-Security", "max-age=31536000");
    }
}
