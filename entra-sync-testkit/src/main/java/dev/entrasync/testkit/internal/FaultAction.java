package dev.entrasync.testkit.internal;

/**
 * What an injected fault does to one Graph request.
 *
 * @param kind the kind of fault
 * @param status the HTTP status for {@link Kind#STATUS}, else 0
 * @param retryAfterSeconds the Retry-After for throttling and 503, negative for none
 * @param httpDate whether Retry-After is sent as an HTTP date instead of seconds
 */
public record FaultAction(Kind kind, int status, double retryAfterSeconds, boolean httpDate) {
  /** The kinds of Graph faults. */
  public enum Kind { THROTTLE, STATUS, MALFORMED, DROP_CONNECTION }
}
