package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.RecordedCall;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * Base of the two dispatchers: turns MockWebServer requests into {@link SimRequest}s, handler
 * results into MockWebServer responses, and records each call.
 */
abstract class SimServer extends Dispatcher {
    protected final CloudState cloud;
    private final RecordedCall.Server server;

    SimServer(CloudState cloud, RecordedCall.Server server) {
        this.cloud = cloud;
        this.server = server;
    }

    /** Handles one request; returns the response and the tenant it concerned (or null). */
    protected abstract Handled handle(SimRequest request);

    /** A handler's answer and the tenant id to record with it. */
    record Handled(SimResponse response, String tenantId) {}

    @Override
    public final MockResponse dispatch(RecordedRequest recorded) {
        SimRequest request = toSimRequest(recorded);
        java.time.Instant arrived = cloud.now();
        Handled handled;
        try {
            handled = handle(request);
        } catch (RuntimeException e) {
            handled = new Handled(
                    SimResponse.json(
                            500,
                            Map.of("error", Map.of("code", "InternalServerError", "message", "testkit failure: " + e))),
                    null);
        }
        SimResponse response = handled.response();
        boolean dropped = response.fault() != null && response.fault().kind() == FaultAction.Kind.DROP_CONNECTION;
        cloud.calls().add(record(request, handled.tenantId(), dropped ? 0 : response.status(), arrived, false, null));
        long delay = server == RecordedCall.Server.GRAPH ? cloud.latency().nanos(response.objects()) : 0;
        cloud.calls().heldBack(delay);
        return toMockResponse(response, delay);
    }

    RecordedCall record(
            SimRequest request,
            String tenantId,
            int status,
            java.time.Instant at,
            boolean batchItem,
            String batchItemId) {
        return new RecordedCall(
                server,
                request.method(),
                request.path(),
                request.query(),
                request.headers(),
                request.body(),
                tenantId,
                status,
                at,
                batchItem,
                batchItemId);
    }

    static SimRequest toSimRequest(RecordedRequest recorded) {
        HttpUrl url = recorded.getUrl();
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < url.querySize(); i++) {
            String value = url.queryParameterValue(i);
            query.putIfAbsent(url.queryParameterName(i), value == null ? "" : value);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Headers raw = recorded.getHeaders();
        for (int i = 0; i < raw.size(); i++) {
            headers.merge(raw.name(i).toLowerCase(Locale.ROOT), raw.value(i), (a, b) -> a + ", " + b);
        }
        String body = recorded.getBody() == null ? "" : recorded.getBody().string(StandardCharsets.UTF_8);
        String path = "/" + String.join("/", url.pathSegments());
        return new SimRequest(recorded.getMethod(), path, query, headers, body);
    }

    /** Converts a response; {@code delayNanos} holds the headers back (latency without CPU). */
    static MockResponse toMockResponse(SimResponse response, long delayNanos) {
        MockResponse.Builder builder = new MockResponse.Builder().code(response.status());
        response.headers().forEach(builder::addHeader);
        if (response.fault() != null && response.fault().kind() == FaultAction.Kind.DROP_CONNECTION) {
            return builder.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                    .build();
        }
        if (response.fault() != null && response.fault().kind() == FaultAction.Kind.CUT_OFF) {
            // the headers promise the whole body; the connection closes part-way through it
            return builder.body(new Buffer().write(response.body()))
                    .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                    .build();
        }
        if (response.body().length > 0 || response.status() != 204) {
            builder.body(new Buffer().write(response.body()));
        }
        return builder.headersDelay(delayNanos, TimeUnit.NANOSECONDS).build();
    }
}
