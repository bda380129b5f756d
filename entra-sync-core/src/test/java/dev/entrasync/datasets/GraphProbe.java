package dev.entrasync.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.testkit.SimulatedCloud;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reads what the simulated cloud serves, independently of entra-sync: a plain client-credentials
 * token and plain GETs, so tests compare the synced records with Graph's own answer.
 */
final class GraphProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient();

    private final SimulatedCloud cloud;
    private final String token;

    GraphProbe(SimulatedCloud cloud, String tenant, String clientId, String secret) {
        this.cloud = cloud;
        FormBody form = new FormBody.Builder()
                .add("grant_type", "client_credentials")
                .add("client_id", clientId)
                .add("client_secret", secret)
                .add("scope", cloud.graphUrl() + "/.default")
                .build();
        this.token = call(new Request.Builder()
                        .url(cloud.loginUrl() + "/" + tenant + "/oauth2/v2.0/token")
                        .post(form)
                        .build())
                .path("access_token")
                .asText();
    }

    /** Every item of a collection, following next links; {@code path} is relative to {@code /v1.0/}. */
    List<JsonNode> list(String path) {
        List<JsonNode> items = new ArrayList<>();
        String url = cloud.graphUrl() + "/v1.0/" + path;
        while (url != null) {
            JsonNode page = call(new Request.Builder()
                    .url(url)
                    .header("Authorization", "Bearer " + token)
                    .build());
            page.path("value").forEach(items::add);
            url = page.hasNonNull("@odata.nextLink")
                    ? page.get("@odata.nextLink").asText()
                    : null;
        }
        return items;
    }

    /** The item of a collection with this id. */
    JsonNode find(String path, String id) {
        return list(path).stream()
                .filter(n -> n.path("id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + path));
    }

    private static JsonNode call(Request request) {
        try (Response response = HTTP.newCall(request).execute()) {
            String body = response.body().string();
            if (response.code() != 200) {
                throw new AssertionError(request.url() + " answered " + response.code() + ": " + body);
            }
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
