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

    private final int status;
    private final String errorCode;
    private final TenantId tenant;
    private final String requestPath;
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

    /** The HTTP status; 0 when no response arrived (a connection failure or a malformed body). */
    public int status() {
        return status;
    }

    /** Graph's {@code error.code}, such as {@code Authorization_RequestDenied}. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The tenant the request was for; empty when unknown. */
    public Optional<TenantId> tenant() {
        return Optional.ofNullable(tenant);
    }

    /** The request's path and query. */
    public Optional<String> requestPath() {
        return Optional.ofNullable(requestPath);
    }

    @Override
    public boolean isTransient() {
        return transientFailure;
    }
}
