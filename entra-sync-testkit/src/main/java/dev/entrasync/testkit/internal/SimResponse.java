package dev.entrasync.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response a handler produced, before it becomes a MockWebServer response: status, headers,
 * body, an optional socket-level fault, and how many objects it carries (the simulated latency
 * grows with them).
 */
public record SimResponse(int status, Map<String, String> headers, byte[] body, FaultAction fault, int objects) {

    /** A response carrying no objects (as far as the simulated latency is concerned). */
    public SimResponse(int status, Map<String, String> headers, byte[] body, FaultAction fault) {
        this(status, headers, body, fault, 0);
    }

    /** A JSON response. */
    public static SimResponse json(int status, Object body) {
        return json(status, Json.bytes(body));
    }

    /** A JSON response from already-serialized bytes. */
    public static SimResponse json(int status, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        return new SimResponse(status, headers, body, null);
    }

    /** A response without a body. */
    public static SimResponse empty(int status) {
        return new SimResponse(status, new LinkedHashMap<>(), new byte[0], null);
    }

    /** Returns a copy with one more header. */
    public SimResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimResponse(status, copy, body, fault, objects);
    }

    /** Returns a copy carrying a socket-level fault. */
    public SimResponse withFault(FaultAction value) {
        return new SimResponse(status, headers, body, value, objects);
    }

    /** Returns a copy that says it carries {@code count} objects. */
    public SimResponse withObjects(int count) {
        return new SimResponse(status, headers, body, fault, count);
    }

    /** Returns the body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
