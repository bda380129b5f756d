package dev.entrasync.internal.graph;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.ResponseHandler;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One Graph request sent once through the Graph SDK's request adapter and middleware (no retry, no redirect: the HTTP
 * stack leaves those out), with the throttle priority and {@code Accept} headers, authenticated with a bearer token that
 * is attached only on Graph's own origin (Kiota's own check compares host names only). The answer is handed to the
 * caller's handler while it is open and closed afterwards. Thread-safe.
 */
final class GraphCall {

    private final BaseGraphRequestAdapter adapter;

    /**
     * @param graphUrl the credential's Graph URL (without {@code /v1.0})
     * @param token the bearer token for a request, asked for each request on Graph's origin
     */
    GraphCall(URI graphUrl, Supplier<String> token, OkHttpClient client) {
        Origin graphOrigin = Origin.of(graphUrl);
        AccessTokenProvider provider = new AccessTokenProvider() {
            private final AllowedHostsValidator hosts = new AllowedHostsValidator(graphUrl.getHost());

            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return graphOrigin.contains(uri) ? token.get() : "";
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return hosts;
            }
        };
        this.adapter = new BaseGraphRequestAdapter(
                new BaseBearerTokenAuthenticationProvider(provider), graphUrl + "/v1.0", client);
    }

    /**
     * Sends {@code request} once and returns what {@code handler} made of the answer.
     *
     * @throws RuntimeException what the SDK or the handler threw (the SDK may wrap it): a refused token, a connection
     *     failure, ...
     */
    <R> R send(GraphRequest request, Function<ResponseClassifier.Reply, R> handler) {
        RequestInformation info = new RequestInformation();
        info.httpMethod = HttpMethod.valueOf(request.method());
        info.setUri(request.uri());
        info.headers.add("x-ms-throttle-priority", request.priority().header());
        info.headers.add("Accept", "application/json");
        if (request.body() != null) {
            info.setStreamContent(new ByteArrayInputStream(request.body()), "application/json");
        }
        info.setResponseHandler(new ResponseHandler() {
            @Override
            @SuppressWarnings("unchecked")
            public <N, M> M handleResponse(
                    N nativeResponse, HashMap<String, ParsableFactory<? extends Parsable>> errorMappings) {
                try (Response response = (Response) nativeResponse) {
                    return (M) handler.apply(new OkHttpReply(response));
                }
            }
        });
        @SuppressWarnings("unchecked")
        R result = (R) adapter.sendPrimitive(info, null, Object.class);
        return result;
    }

    /** An OkHttp response as a {@link ResponseClassifier.Reply}. */
    private record OkHttpReply(Response response) implements ResponseClassifier.Reply {

        @Override
        public int status() {
            return response.code();
        }

        @Override
        public String header(String name) {
            return response.header(name);
        }

        @Override
        public InputStream body() {
            ResponseBody body = response.body();
            return body == null ? InputStream.nullInputStream() : body.byteStream();
        }

        @Override
        public String text() throws IOException {
            ResponseBody body = response.body();
            return body == null ? "" : body.string();
        }
    }
}
