package dev.entrasync.internal.http;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * MSAL4J's {@link IHttpClient} hook on our OkHttp client, so token requests share the proxy, TLS
 * and pool with Graph. It can route the authority MSAL sees to another base URL: MSAL refuses
 * {@code http://} authorities and keys its cache by host without port, so a custom cloud (a simulated
 * cloud on localhost, a proxy) is presented to MSAL as {@code https://<alias>} and routed here.
 */
public final class MsalHttpClient implements IHttpClient {

    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded; charset=utf-8");

    private final OkHttpClient client;
    private final HttpUrl msalBase;
    private final HttpUrl realBase;

    /**
     * @param client the shared client
     * @param msalBase the base MSAL uses (may equal {@code realBase})
     * @param realBase where requests to {@code msalBase} really go
     */
    public MsalHttpClient(OkHttpClient client, String msalBase, String realBase) {
        this.client = client;
        this.msalBase = HttpUrl.get(msalBase);
        this.realBase = HttpUrl.get(realBase);
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        HttpUrl url = route(HttpUrl.get(request.url().toString()));
        Request.Builder builder = new Request.Builder().url(url);
        if (request.headers() != null) {
            request.headers().forEach((name, value) -> {
                if (value != null) {
                    builder.header(name, value);
                }
            });
        }
        switch (request.httpMethod()) {
            case GET -> builder.get();
            case POST -> {
                String contentType = request.headerValue("Content-Type");
                MediaType type = contentType == null ? FORM : MediaType.get(contentType);
                builder.post(RequestBody.create(request.body() == null ? "" : request.body(), type));
            }
            default -> throw new IllegalArgumentException("Unsupported token request method " + request.httpMethod());
        }
        try (Response response = client.newCall(builder.build()).execute()) {
            Map<String, List<String>> headers =
                    new LinkedHashMap<>(response.headers().toMultimap());
            ResponseBody body = response.body();
            HttpResponse result =
                    new HttpResponse().statusCode(response.code()).body(body == null ? "" : body.string());
            result.addHeaders(headers);
            return result;
        }
    }

    HttpUrl route(HttpUrl url) {
        if (msalBase.equals(realBase) || !url.host().equals(msalBase.host())) {
            return url;
        }
        HttpUrl.Builder routed =
                url.newBuilder().scheme(realBase.scheme()).host(realBase.host()).port(realBase.port());
        return routed.build();
    }
}
