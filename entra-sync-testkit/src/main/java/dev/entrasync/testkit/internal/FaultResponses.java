package dev.entrasync.testkit.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders injected Graph faults: 429 and 503 with Retry-After, plain statuses, dropped sockets. */
final class FaultResponses {
  private FaultResponses() {}

  static SimResponse response(FaultAction fault, GraphAuth.Caller caller, String requestId,
      String clientRequestId, Instant now) {
    switch (fault.kind()) {
      case DROP_CONNECTION:
        return SimResponse.empty(200).withFault(fault);
      case THROTTLE:
        return throttled(fault, "ResourceUnitLimitExceeded", caller, requestId, clientRequestId,
            now);
      default: {
        SimResponse response = GraphErrors.response(fault.status(), code(fault.status()),
            message(fault.status()), requestId, clientRequestId, now);
        return fault.retryAfterSeconds() >= 0 ? withRetryAfter(response, fault, now) : response;
      }
    }
  }

  /** A 429 as Graph sends it: Retry-After, the throttle scope and why. */
  static SimResponse throttled(FaultAction fault, String information, GraphAuth.Caller caller,
      String requestId, String clientRequestId, Instant now) {
    SimResponse response = GraphErrors.response(429, "TooManyRequests",
        "Too many requests.", requestId, clientRequestId, now);
    return withRetryAfter(response, fault, now)
        .withHeader("x-ms-throttle-scope", "Tenant_Application/ReadWrite/" + caller.appId()
            + "/" + caller.tenant().id())
        .withHeader("x-ms-throttle-information", information);
  }

  private static SimResponse withRetryAfter(SimResponse response, FaultAction fault, Instant now) {
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
      case 500: return "InternalServerError";
      case 502: return "BadGateway";
      case 503: return "ServiceUnavailable";
      case 504: return "GatewayTimeout";
      case 400: return "BadRequest";
      case 404: return "Request_ResourceNotFound";
      default: return "UnknownError";
    }
  }

  private static String message(int status) {
    switch (status) {
      case 503: return "The service is currently unavailable. Please try again later.";
      case 504: return "The operation has timed out.";
      default: return "An injected failure (HTTP " + status + ") from the simulated cloud.";
    }
  }
}
