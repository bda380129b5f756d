package dev.entrasync.testkit.internal;

import java.util.Map;

/**
 * Thrown by Graph handlers to answer with a Graph error body; {@link GraphPipeline} renders it.
 */
public final class GraphException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public GraphException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public GraphException(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** 400 {@code Request_BadRequest}. */
    public static GraphException badRequest(String message) {
        return new GraphException(400, "Request_BadRequest", message);
    }

    /** 403 {@code Authorization_RequestDenied}, Graph's answer to a missing permission. */
    public static GraphException denied() {
        return new GraphException(
                403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }

    /** 404 {@code Request_ResourceNotFound} for an unknown object id. */
    public static GraphException notFound(String id) {
        return new GraphException(
                404,
                "Request_ResourceNotFound",
                "Resource '" + id
                        + "' does not exist or one of its queried reference-property objects are not present.");
    }
}
