package dev.entrasync.examples.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part over plain HTTP for the web host tests: keeps the session cookie, sends the portal's own
 * Origin and the CSRF token from the last page like a browser posting the portal's form would, and lets a test
 * leave any of them out or forge them. Redirects are not followed.
 */
final class PortalClient {

    static final String PASSWORD = "correct horse battery staple";
    private static final Pattern SESSION = Pattern.compile(PortalSecurity.COOKIE + "=([^;]*)");
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String session;
    private String token;

    PortalClient(WebHost host) {
        this.base = host.url();
    }

    /** Logs in with {@link #PASSWORD} and reads the CSRF token from the companies page. */
    PortalClient login() throws Exception {
        HttpResponse<String> answer = login(PASSWORD);
        if (answer.statusCode() != 303) {
            throw new AssertionError("login refused: " + answer.statusCode() + " " + answer.body());
        }
        get("/");
        return this;
    }

    HttpResponse<String> login(String password) throws Exception {
        return send("/login", Map.of("password", password), Map.of("Origin", base), false);
    }

    /** Sends this session id from now on (a stolen or old cookie). */
    PortalClient useSession(String session) {
        this.session = session;
        return this;
    }

    String session() {
        return session;
    }

    String token() {
        return token;
    }

    HttpResponse<String> get(String pathOrUrl) throws Exception {
        return exchange(request(pathOrUrl, Map.of()).GET());
    }

    /** A GET with these headers too, e.g. {@code Accept-Language}. */
    HttpResponse<String> get(String pathOrUrl, Map<String, String> headers) throws Exception {
        return exchange(request(pathOrUrl, headers).GET());
    }

    /** A POST as the portal's own form sends it: cookie, Origin, CSRF token. */
    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return send(path, form, Map.of("Origin", base), true);
    }

    /**
     * Presses the company's "Sync now", then waits (at most 2 minutes) until no job is queued or running and the
     * company's page shows a finished job (SUCCEEDED or PARTIAL: Tailspin Toys has no Intune, so its job ends PARTIAL).
     */
    void syncNow(String companyId) throws Exception {
        HttpResponse<String> pressed = post("/companies/" + companyId + "/sync", Map.of());
        if (pressed.statusCode() != 303) {
            throw new AssertionError("Sync now of " + companyId + " answered " + pressed.statusCode());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (get("/jobs").body().contains("id=\"live\"")
                || !get("/companies/" + companyId).body().matches("(?s).*>(SUCCEEDED|PARTIAL)<.*")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(companyId + " was not synced within 2 minutes");
            }
            Thread.sleep(100);
        }
    }

    /** A POST with exactly these headers (besides the cookie), with or without the session's CSRF token. */
    HttpResponse<String> send(String path, Map<String, String> form, Map<String, String> headers, boolean withToken)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (withToken && token != null) {
            fields.put("csrf", token);
        }
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return exchange(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String pathOrUrl, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl));
        if (session != null) {
            request.header("Cookie", PortalSecurity.COOKIE + "=" + session);
        }
        headers.forEach(request::header);
        return request;
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(cookie -> {
            Matcher m = SESSION.matcher(cookie);
            if (m.find()) {
                session = m.group(1).isEmpty() ? null : m.group(1);
            }
        });
        Matcher m = TOKEN.matcher(response.body());
        if (m.find()) {
            token = m.group(1);
        }
        return response;
    }

    /** The raw status line and headers of a request sent over a socket with this Host header (HttpClient will not forge Host). */
    static String withHost(int port, String method, String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            String body =
                    "POST".equals(method) ? "password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) : "";
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                            + (body.isEmpty()
                                    ? ""
                                    : "Content-Type: application/x-www-form-urlencoded\r\nOrigin: http://" + host
                                            + "\r\n")
                            + "Content-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
