package dev.entrasync.testkit.internal;

/**
 * What an injected fault does to one Graph request.
 *
 * @param kind the kind of fault
 * @param status the HTTP status for {@link Kind#STATUS}, else 0
 * @param retryAfterSeconds the Retry-After for throttling and 503, negative for none
 * @param httpDate whether Retry-After is sent as an HTTP date instead of seconds
 * @param text the Retry-After header verbatim for {@link Kind#THROTTLE} (overrides the seconds), the
 *     link for {@link Kind#NEXT_LINK}, {@link Kind#DELTA_LINK} and {@link Kind#REDIRECT}, the number
 *     for {@link Kind#COUNT}; else null
 */
public record FaultAction(Kind kind, int status, double retryAfterSeconds, boolean httpDate, String text) {
    /** The kinds of Graph faults. */
    public enum Kind {
        THROTTLE,
        STATUS,
        MALFORMED,
        DROP_CONNECTION,
        /** The answer's body is cut off: the connection closes after half of it. */
        CUT_OFF,
        /** A successful page's {@code @odata.nextLink} becomes {@code text}, or the request's own URL when null. */
        NEXT_LINK,
        /** A successful page's {@code @odata.deltaLink} becomes {@code text}. */
        DELTA_LINK,
        /** The first object of a successful page's {@code value} loses its {@code id}. */
        ITEM_WITHOUT_ID,
        /** A successful page's {@code value} becomes an object instead of an array. */
        VALUE_NOT_ARRAY,
        /** A 302 redirect to {@code text}. */
        REDIRECT,
        /** A successful page carries {@code @odata.count} {@code text}. */
        COUNT,
        /** A successful page's {@code @odata.count} is left out. */
        NO_COUNT,
        /** A successful page's {@code @odata.deltaLink} is left out (a delta round that ends without one). */
        NO_DELTA_LINK
    }

    /** A fault without text. */
    public FaultAction(Kind kind, int status, double retryAfterSeconds, boolean httpDate) {
        this(kind, status, retryAfterSeconds, httpDate, null);
    }

    /** Whether the fault changes a successful answer rather than replacing it. */
    public boolean rewritesAnswer() {
        return kind == Kind.MALFORMED
                || kind == Kind.CUT_OFF
                || kind == Kind.NEXT_LINK
                || kind == Kind.DELTA_LINK
                || kind == Kind.ITEM_WITHOUT_ID
                || kind == Kind.VALUE_NOT_ARRAY
                || kind == Kind.COUNT
                || kind == Kind.NO_COUNT
                || kind == Kind.NO_DELTA_LINK;
    }
}
