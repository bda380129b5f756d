package dev.entrasync.testkit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One request the simulated cloud answered, as seen by the server. Read by tests through
 * {@link SimulatedCloud#calls()}; created only by the simulator. Immutable.
 *
 * <p>An inner request of a Graph {@code $batch} is recorded as its own call with
 * {@link #batchItem()} true, its path made absolute ({@code /v1.0/...}) and {@link #batchItemId()}
 * set; the outer {@code POST /v1.0/$batch} is recorded too. {@link #toString()} hides the
 * {@code Authorization} header and request bodies, which may carry secrets.
 *
 * @param server which server answered: login or Graph
 * @param method the HTTP method, e.g. {@code GET}
 * @param path the decoded path, e.g. {@code /v1.0/users} or {@code /contoso.com/oauth2/v2.0/token}
 * @param query decoded query parameters by name, first value of each; empty when none
 * @param headers request headers by lower-case name, repeated values joined by {@code ", "}
 * @param body the request body as UTF-8 text; empty when none
 * @param tenantId the tenant GUID (from the token on Graph, from the path on login), or the raw
 *     path segment when it named no known tenant, or null when there was none
 * @param status the HTTP status answered; 0 when the connection was dropped on purpose
 * @param timestamp when the call arrived, by the cloud's clock
 * @param batchItem whether this was an inner request of a {@code $batch}
 * @param batchItemId the {@code id} of the inner request, or null when not a batch item
 */
public record RecordedCall(
        Server server,
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        String body,
        String tenantId,
        int status,
        Instant timestamp,
        boolean batchItem,
        String batchItemId) {

    /** Which of the two simulated servers answered a call. */
    public enum Server {
        /** The login (Entra ID authority) server. */
        LOGIN,
        /** The Microsoft Graph server. */
        GRAPH
    }

    /** Checks the parameters and copies the maps. */
    public RecordedCall {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** Returns a query parameter's decoded value, or null when absent. */
    public String queryParam(String name) {
        return query.get(name);
    }

    /** Returns a request header by case-insensitive name, or null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return server + " " + method + " " + path + (query.isEmpty() ? "" : " " + query)
                + " -> " + status + (tenantId == null ? "" : " tenant=" + tenantId)
                + (batchItem ? " batchItem=" + batchItemId : "");
    }
}
