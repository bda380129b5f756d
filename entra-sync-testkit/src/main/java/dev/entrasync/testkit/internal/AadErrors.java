package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.AadError;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds Entra ID token-endpoint error responses in Microsoft's shape. */
final class AadErrors {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private AadErrors() {}

    /**
     * Returns the error response.
     *
     * @param values placeholder values: appId, tenant, scope (missing ones are left empty)
     */
    static SimResponse response(
            AadError error, Map<String, String> values, String correlationId, Instant now, String loginUrl) {
        String description = error.description();
        for (Map.Entry<String, String> value : values.entrySet()) {
            description =
                    description.replace("{" + value.getKey() + "}", value.getValue() == null ? "" : value.getValue());
        }
        String traceId = Ids.random();
        String timestamp = TIMESTAMP.format(now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.error());
        body.put(
                "error_description",
                "AADSTS" + error.code() + ": " + description + "\r\nTrace ID: " + traceId + "\r\nCorrelation ID: "
                        + correlationId + "\r\nTimestamp: " + timestamp);
        body.put("error_codes", List.of(error.code()));
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        body.put("error_uri", loginUrl + "/error?code=" + error.code());
        return SimResponse.json(error.httpStatus(), body)
                .withHeader("Cache-Control", "no-store, no-cache")
                .withHeader("x-ms-request-id", traceId);
    }
}
