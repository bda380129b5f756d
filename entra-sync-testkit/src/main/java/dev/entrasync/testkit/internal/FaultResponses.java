package dev.entrasync.testkit.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders injected Graph faults: 429 and 503 with Retry-After, plain statuses, dropped sockets. */
final class FaultResponses {
    private FaultResponses() {}

    static SimResponse response(
            FaultAction fault, GraphAuth.Caller caller, String requestId, String clientRequestId, Instant now) {
        switch (fault.kind()) {
            case DROP_CONNECTION:
                return SimResponse.empty(200).withFault(fault);
            case THROTTLE:
                return throttled(fault, "ResourceUnitLimitExceeded", caller, requestId, clientRequestId, now);
            case REDIRECT:
                return SimResponse.empty(302).withHeader("Location", fault.text());
            default: {
                SimResponse response = GraphErrors.response(
                        fault.status(), code(fault.status()), message(fault.status()), requestId, clientRequestId, now);
                return fault.retryAfterSeconds() >= 0 ? withRetryAfter(response, fault, now) : response;
            }
        }
    }

    /**
     * Applies a fault that changes a successful answer: a truncated body (whole, as far as its length
     * says), a body cut off by the connection, rewritten links, an item without its id, a
     * {@code value} that is not an array.
     */
    static SimResponse rewrite(FaultAction fault, SimResponse response, String selfUrl) {
        byte[] body = response.body();
        switch (fault.kind()) {
            case MALFORMED:
                return new SimResponse(
                        200,
                        response.headers(),
                        Arrays.copyOf(body, Math.max(1, body.length / 2)),
                        null,
                        response.objects());
            case CUT_OFF:
                return response.withFault(fault);
            default:
                break;
        }
        Map<String, Object> page;
        try {
            page = new LinkedHashMap<>(Json.parseObject(body));
        } catch (RuntimeException notAnObject) {
            return response;
        }
        switch (fault.kind()) {
            case NEXT_LINK:
                page.put("@odata.nextLink", fault.text() == null ? selfUrl : fault.text());
                page.remove("@odata.deltaLink");
                break;
            case DELTA_LINK:
                if (!page.containsKey("@odata.nextLink")) {
                    page.put("@odata.deltaLink", fault.text());
                }
                break;
            case ITEM_WITHOUT_ID:
                if (page.get("value") instanceof List<?> items
                        && !items.isEmpty()
                        && items.get(0) instanceof Map<?, ?> first) {
                    Map<Object, Object> stripped = new LinkedHashMap<>(first);
                    stripped.remove("id");
                    List<Object> copy = new ArrayList<>(items);
                    copy.set(0, stripped);
                    page.put("value", copy);
                }
                break;
            case VALUE_NOT_ARRAY:
                page.put("value", Map.of("id", "not-a-list"));
                break;
            case COUNT:
                page.put("@odata.count", Long.parseLong(fault.text()));
                break;
            case NO_COUNT:
                page.remove("@odata.count");
                break;
            case NO_DELTA_LINK:
                page.remove("@odata.deltaLink");
                break;
            default:
                break;
        }
        return new SimResponse(200, response.headers(), Json.bytes(page), null, response.objects());
    }

    /** A 429 as Graph sends it: Retry-After, the throttle scope and why. */
    static SimResponse throttled(
            FaultAction fault,
            String information,
            GraphAuth.Caller caller,
            String requestId,
            String clientRequestId,
            Instant now) {
        SimResponse response =
                GraphErrors.response(429, "TooManyRequests", "Too many requests.", requestId, clientRequestId, now);
        return withRetryAfter(response, fault, now)
                .withHeader(
                        "x-ms-throttle-scope",
                        "Tenant_Application/ReadWrite/" + caller.appId() + "/"
                                + caller.tenant().id())
                .withHeader("x-ms-throttle-information", information);
    }

    private static SimResponse withRetryAfter(SimResponse response, FaultAction fault, Instant now) {
        if (fault.text() != null) {
            return response.withHeader("Retry-After", fault.text());
        }
        double seconds = Math.max(0, fault.retryAfterSeconds());
        String value;
        if (fault.httpDate()) {
            Instant at = now.plusSeconds((long) Math.ceil(seconds));
            value = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
        } else {
            value = BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
        }
        return response.withHeader("Retry-After", value);
    }

    private static String code(int status) {
        switch (status) {
            case 500:
                return "InternalServerError";
            case 502:
                return "BadGateway";
            case 503:
                return "ServiceUnavailable";
            case 504:
                return "GatewayTimeout";
            case 400:
                return "BadRequest";
            case 404:
                return "Request_ResourceNotFound";
            default:
                return "UnknownError";
        }
    }

    private static String message(int status) {
        switch (status) {
            case 503:
                return "The service is currently unavailable. Please try again later.";
            case 504:
                return "The operation has timed out.";
            default:
                return "An injected failure (HTTP " + status + ") from the simulated cloud.";
        }
    }
}
