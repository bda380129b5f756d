package dev.entrasync.benchmark;

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
 * MSAL4J's HTTP hook for the naive loop: the app keeps Microsoft's real authority
 * ({@code https://login.microsoftonline.com/{tenant}}) and its requests go to the simulated login
 * server instead, the same routing entra-sync's own MSAL client uses for a custom cloud. A
 * developer would use {@code ClientSecretCredential} from azure-identity, which cannot be pointed at
 * a plain-HTTP simulator; MSAL4J is what it calls underneath.
 */
final class LoginRouting implements IHttpClient {

    static final String AUTHORITY_HOST = "login.microsoftonline.com";
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded; charset=utf-8");

    private final OkHttpClient client;
    private final HttpUrl simulated;

    LoginRouting(OkHttpClient client, String simulatedLoginUrl) {
        this.client = client;
        this.simulated = HttpUrl.get(simulatedLoginUrl);
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        HttpUrl url = HttpUrl.get(request.url().toString());
        if (url.host().equals(AUTHORITY_HOST)) {
            url = url.newBuilder()
                    .scheme(simulated.scheme())
                    .host(simulated.host())
                    .port(simulated.port())
                    .build();
        }
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
                builder.post(RequestBody.create(
                        request.body() == null ? "" : request.body(),
                        contentType == null ? FORM : MediaType.get(contentType)));
            }
            default -> throw new IllegalArgumentException("MSAL sent an unexpected " + request.httpMethod());
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
}
