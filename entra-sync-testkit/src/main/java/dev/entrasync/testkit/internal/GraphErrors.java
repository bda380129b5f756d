package dev.entrasync.testkit.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds Graph error bodies: {@code {"error":{"code","message","innerError":{...}}}}. */
public final class GraphErrors {
    private GraphErrors() {}

    /** Returns the error response for the given status, code and message. */
    public static SimResponse response(
            int status, String code, String message, String requestId, String clientRequestId, Instant now) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put(
                "date",
                LocalDateTime.ofInstant(now, ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        inner.put("request-id", requestId);
        inner.put("client-request-id", clientRequestId);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("innerError", inner);
        return SimResponse.json(status, Map.of("error", error));
    }
}
