package dev.entrasync.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain OkHttp client for the simulated cloud, as the testkit's own tests use it. */
final class SimClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP =
            new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    /** A response: status, headers, body text. */
    record Reply(int status, okhttp3.Headers headers, String body) {
        Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<>() {});
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    private final SimulatedCloud cloud;

    SimClient(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    Reply tokenRequest(String tenant, String clientId, String secret, String scope) {
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "client_credentials")
                .add("client_id", clientId)
                .add("scope", scope);
        if (secret != null) {
            form.add("client_secret", secret);
        }
        return call(new Request.Builder()
                .url(cloud.loginUrl() + "/" + tenant + "/oauth2/v2.0/token")
                .post(form.build())
                .build());
    }

    Reply tokenRequest(String tenant, String clientId, String secret) {
        return tokenRequest(tenant, clientId, secret, cloud.graphUrl() + "/.default openid profile offline_access");
    }

    String token(String tenant, String clientId, String secret) {
        Reply reply = tokenRequest(tenant, clientId, secret);
        if (reply.status() != 200) {
            throw new AssertionError("token request failed: " + reply.body());
        }
        return (String) reply.json().get("access_token");
    }

    Reply get(String token, String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : cloud.graphUrl() + pathOrUrl;
        Request.Builder request = new Request.Builder().url(url);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return call(request.build());
    }

    Reply post(String token, String path, String json) {
        return call(new Request.Builder()
                .url(cloud.graphUrl() + path)
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(json, MediaType.get("application/json")))
                .build());
    }

    Reply getLogin(String path) {
        return call(new Request.Builder().url(cloud.loginUrl() + path).build());
    }

    /** GET on Graph without following redirects. */
    Reply getNoRedirect(String token, String path) {
        try (Response response = HTTP.newBuilder()
                .followRedirects(false)
                .build()
                .newCall(new Request.Builder()
                        .url(cloud.graphUrl() + path)
                        .header("Authorization", "Bearer " + token)
                        .build())
                .execute()) {
            return new Reply(
                    response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET on the login server without following redirects. */
    Reply getLoginNoRedirect(String path) {
        try (Response response = HTTP.newBuilder()
                .followRedirects(false)
                .build()
                .newCall(new Request.Builder().url(cloud.loginUrl() + path).build())
                .execute()) {
            return new Reply(
                    response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> claims(String token) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply call(Request request) {
        try (Response response = HTTP.newCall(request).execute()) {
            return new Reply(
                    response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
