package dev.entrasync.internal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entrasync.GraphException;
import dev.entrasync.internal.auth.TenantIds;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON batching ({@code POST /$batch}): GET requests packed 20 to an HTTP request. Items answered
 * 429 (or 503/5xx) are resent on their own, in a new batch, after the longest {@code Retry-After}
 * among them (back-off when none): each round is one attempt for {@link RetryPolicy}, the same policy and
 * bounds as a request's ({@code GraphLimits.maxRetryAfter}, {@code maxWaitPerDataset}), counted as throttled
 * when the round's last failed item was a 429, or a 503 in a round that carried a {@code Retry-After}; the items
 * that succeeded are never resent. Each throttled item
 * counts as a 429 in {@link RequestStats}; a batch takes one limiter permit per item, as Graph counts
 * them. The body is built and read with Jackson rather than the
 * Graph SDK's {@code BatchRequestContent}, which needs Kiota request objects and parsable models.
 */
final class GraphBatch {

    /** Graph's limit of requests per batch. */
    static final int MAX_ITEMS = 20;

    private GraphBatch() {}

    /**
     * One GET inside a batch.
     *
     * @param id unique within the call
     * @param url relative to {@code /v1.0}, e.g. {@code /directoryRoles/{id}/members}
     * @param headers per-request headers such as {@code ConsistencyLevel}
     */
    record Item(String id, String url, Map<String, String> headers) {
        Item {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * Sends every item and returns each item's JSON body by item id.
     *
     * @throws GraphException typed (permission, licence, status) for an item Graph refused, or after the
     *     last attempt for items that kept failing
     */
    static Map<String, JsonNode> send(
            TenantGraph graph, List<Item> items, List<String> permissions, RequestStats stats) {
        return send(graph, items, permissions, stats, null);
    }

    /**
     * An item's answer: its JSON body, or the typed refusal Graph gave it (a 4xx other than 429).
     *
     * @param body the body of a 2xx answer, or null when refused
     * @param refusal why Graph refused the item, or null when it answered
     */
    record Answer(JsonNode body, GraphException refusal) {}

    /**
     * Like {@link #send} but an item Graph refuses (a 4xx other than 429: a missing permission, a missing licence)
     * does not end the call: it comes back as its {@link Answer#refusal()}, for a caller whose items are independent
     * parts of one dataset (Conditional Access policies need Entra ID P1, security defaults do not). Throttled and
     * failing items are retried as by {@link #send}.
     */
    static Map<String, Answer> sendEach(
            TenantGraph graph, List<Item> items, List<String> permissions, RequestStats stats) {
        Map<String, GraphException> refusals = new LinkedHashMap<>();
        Map<String, JsonNode> bodies = send(graph, items, permissions, stats, refusals);
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Item item : items) {
            answers.put(item.id(), new Answer(bodies.get(item.id()), refusals.get(item.id())));
        }
        return answers;
    }

    /** @param refusals where refused items go, or null to throw the first refusal */
    private static Map<String, JsonNode> send(
            TenantGraph graph,
            List<Item> items,
            List<String> permissions,
            RequestStats stats,
            Map<String, GraphException> refusals) {
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        Map<String, Item> pending = new LinkedHashMap<>();
        items.forEach(i -> pending.put(i.id(), i));
        RetryPolicy.History history = RetryPolicy.History.NONE;
        while (!pending.isEmpty()) {
            List<Item> round = List.copyOf(pending.values());
            Duration longestRetryAfter = null;
            GraphException lastFailure = null;
            for (int from = 0; from < round.size(); from += MAX_ITEMS) {
                List<Item> chunk = round.subList(from, Math.min(round.size(), from + MAX_ITEMS));
                JsonNode responses = graph.send(
                        GraphRequest.batch(graph.v1("$batch"), body(chunk), Priority.LOW, permissions, chunk.size()),
                        in -> Json.MAPPER.readTree(in).path("responses"),
                        stats);
                for (JsonNode response : responses) {
                    String id = response.path("id").asText();
                    Item item = pending.get(id);
                    if (item == null) {
                        continue;
                    }
                    int status = response.path("status").asInt();
                    JsonNode itemBody = bodyOf(response.path("body"));
                    if (status >= 200 && status < 300) {
                        bodies.put(id, itemBody);
                        pending.remove(id);
                        continue;
                    }
                    GraphException failure = GraphErrors.of(
                            status,
                            GraphErrors.Body.parse(itemBody == null ? "" : itemBody.toString()),
                            graph.tenant(),
                            GraphRequest.get(graph.v1(item.url()), Priority.LOW, permissions));
                    if (status != 429 && status < 500) {
                        if (refusals == null) {
                            throw failure;
                        }
                        refusals.put(id, failure);
                        pending.remove(id);
                        continue;
                    }
                    if (status == 429) {
                        stats.throttledItem();
                    } else if (status == 503) {
                        stats.unavailableItem();
                    }
                    lastFailure = failure;
                    Duration retryAfter = graph.retryAfter(header(response.path("headers"), "Retry-After"));
                    if (retryAfter != null
                            && (longestRetryAfter == null || retryAfter.compareTo(longestRetryAfter) > 0)) {
                        longestRetryAfter = retryAfter;
                    }
                }
            }
            if (!pending.isEmpty()) {
                if (lastFailure == null) {
                    throw new GraphException(
                            "Graph's $batch answer in tenant " + graph.tenant() + " left out "
                                    + pending.size() + " of its requests (first: "
                                    + pending.values().iterator().next().url()
                                    + "). The sync can be retried.",
                            200,
                            null,
                            TenantIds.orNull(graph.tenant()),
                            "/$batch",
                            true,
                            null);
                }
                // the round is one attempt of the items still pending, retried by the same policy as a request
                history = graph.retryOrThrow(
                        RetryPolicy.Subject.batchItems(
                                pending.size(),
                                pending.values().iterator().next().url()),
                        Outcome.retryable(lastFailure, longestRetryAfter),
                        history,
                        stats);
            }
        }
        return bodies;
    }

    private static byte[] body(List<Item> chunk) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode requests = root.putArray("requests");
        for (Item item : chunk) {
            ObjectNode request = requests.addObject()
                    .put("id", item.id())
                    .put("method", "GET")
                    .put("url", item.url());
            if (!item.headers().isEmpty()) {
                ObjectNode headers = request.putObject("headers");
                item.headers().forEach(headers::put);
            }
        }
        try {
            return Json.MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a $batch body", e);
        }
    }

    /** An item's body: JSON as is; a string is Graph's base64 of a non-JSON body, decoded when it holds JSON. */
    private static JsonNode bodyOf(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return null;
        }
        if (!body.isTextual()) {
            return body;
        }
        try {
            return Json.MAPPER.readTree(Base64.getDecoder().decode(body.asText()));
        } catch (IllegalArgumentException | IOException e) {
            return body;
        }
    }

    private static String header(JsonNode headers, String name) {
        for (Map.Entry<String, JsonNode> e : headers.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().asText();
            }
        }
        return null;
    }

    /** Splits ids into items numbered from 1 (batch ids need only be unique). */
    static List<Item> items(List<String> urls, Map<String, String> headers) {
        List<Item> out = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            out.add(new Item(Integer.toString(i + 1), urls.get(i), headers));
        }
        return out;
    }
}
