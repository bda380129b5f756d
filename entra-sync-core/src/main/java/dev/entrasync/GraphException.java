package dev.entrasync;

import java.util.Optional;

/**
 * Microsoft Graph answered a request with an error that entra-sync does not retry (or stopped
 * retrying). Carries the HTTP status, Graph's error code and message, the tenant and the request's path
 * (never a token or secret). Thrown by the engine (recorded in the job), onboarding and mail, on the
 * calling thread; immutable. The constructors are public so that hosts' tests can construct it to test
 * their error handling; entra-sync is the only one that throws it.
 */
public class GraphException extends EntraSyncException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status; 0 when no response arrived. */
    private final int status;
    /** Graph's {@code error.code}; null when there was none. */
    private final String errorCode;
    /** The tenant the request was for; null when unknown. */
    private final TenantId tenant;
    /** The request's path and query; null when unknown. */
    private final String requestPath;
    /** Whether retrying later may succeed. */
    private final boolean transientFailure;

    /**
     * @param message the whole message (what happened and what to do)
     * @param status the HTTP status, or 0 when there was no response
     * @param errorCode Graph's {@code error.code}, or null
     * @param tenant the tenant the request was for, or null when unknown
     * @param requestPath the request's path and query, or null
     * @param transientFailure whether retrying later may succeed
     * @param cause the cause, or null
     */
    public GraphException(
            String message,
            int status,
            String errorCode,
            TenantId tenant,
            String requestPath,
            boolean transientFailure,
            Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
        this.tenant = tenant;
        this.requestPath = requestPath;
        this.transientFailure = transientFailure;
    }

    /**
     * The HTTP status; 0 when no response arrived (a connection failure or a malformed body).
     *
     * @return the HTTP status, or 0 when no response arrived
     */
    public int status() {
        return status;
    }

    /**
     * Graph's {@code error.code}, such as {@code Authorization_RequestDenied}.
     *
     * @return Graph's error code; empty when the answer carried none
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * The tenant the request was for; empty when unknown.
     *
     * @return the tenant; empty when unknown
     */
    public Optional<TenantId> tenant() {
        return Optional.ofNullable(tenant);
    }

    /**
     * The request's path and query.
     *
     * @return the path and query of the request; empty when unknown
     */
    public Optional<String> requestPath() {
        return Optional.ofNullable(requestPath);
    }

    @Override
    public boolean isTransient() {
        return transientFailure;
    }
}
