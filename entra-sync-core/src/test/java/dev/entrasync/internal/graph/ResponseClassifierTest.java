package dev.entrasync.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entrasync.GraphException;
import dev.entrasync.LicenseRequiredException;
import dev.entrasync.MissingPermissionException;
import dev.entrasync.TenantId;
import dev.entrasync.TokenException;
import dev.entrasync.TokenFailure;
import dev.entrasync.testing.FakeTime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Response classification on its own: status, headers and body in, an outcome out; nothing sent, nothing waited. */
class ResponseClassifierTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final URI GRAPH = URI.create("https://graph.example");
    private static final GraphRequest USERS = GraphRequest.get(
            URI.create("https://graph.example/v1.0/users?$top=999"), Priority.LOW, List.of("User.Read.All"));
    private static final ResponseReader<JsonNode> JSON = Json.MAPPER::readTree;

    private final FakeTime time = new FakeTime();
    private final ResponseClassifier classifier = new ResponseClassifier(TENANT, Origin.of(GRAPH), GRAPH, time);

    /** An answer held in memory; {@code cutOffAfter} bytes of the body arrive, then the connection breaks. */
    private record Answer(int status, Map<String, String> headers, String content, int cutOffAfter)
            implements ResponseClassifier.Reply {

        Answer(int status, Map<String, String> headers, String content) {
            this(status, headers, content, -1);
        }

        @Override
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public InputStream body() {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (cutOffAfter < 0) {
                return new ByteArrayInputStream(bytes);
            }
            InputStream broken = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("unexpected end of stream");
                }
            };
            return new SequenceInputStream(new ByteArrayInputStream(bytes, 0, cutOffAfter), broken);
        }

        @Override
        public String text() throws IOException {
            return new String(body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Outcome<JsonNode> classify(int status, Map<String, String> headers, String body) {
        return classifier.classify(new Answer(status, headers, body), USERS, JSON);
    }

    private static <T> GraphException refusal(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return (GraphException) ((Outcome.Refused<T>) outcome).failure();
    }

    private static <T> Outcome.Retryable<T> retryable(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Retryable.class);
        return (Outcome.Retryable<T>) outcome;
    }

    @Test
    void aSuccessfulAnswerIsReadWithTheCallersReader() {
        Outcome<JsonNode> outcome = classify(200, Map.of(), "{\"value\":[{\"id\":\"u1\"}]}");

        assertThat(outcome).isInstanceOf(Outcome.Success.class);
        assertThat(((Outcome.Success<JsonNode>) outcome)
                        .value()
                        .path("value")
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo("u1");
    }

    @Test
    void aMalformedPageThatArrivedWholeIsRefusedNotSentAgain() {
        GraphException failure = refusal(classify(200, Map.of(), "{\"value\": [ oops"));

        assertThat(failure)
                .hasMessageStartingWith("Graph answered /v1.0/users?$top=999 in tenant " + TENANT
                        + " with a malformed page that cannot be ours: ")
                .hasMessageContaining("(line 1, column ")
                .hasMessageContaining("The answer arrived whole, so it was not sent again");
        assertThat(failure.status()).isEqualTo(200);
    }

    @Test
    void aBodyCutOffWhileItWasReadIsWorthSendingAgain() {
        Outcome.Retryable<JsonNode> outcome = retryable(classifier.classify(
                new Answer(200, Map.of(), "{\"value\":[{\"id\":\"u1\"},{\"id\":\"u2\"}]}", 12), USERS, JSON));

        assertThat(outcome.failure())
                .hasMessage(
                        "Graph's answer to /v1.0/users?$top=999 in tenant " + TENANT
                                + " was cut off (unexpected end of stream). Nothing from this run was kept; the sync can be retried.");
        assertThat(outcome.retryAfter()).isNull();
        assertThat(outcome.throttled()).isFalse();
    }

    @Test
    void aRedirectIsRefusedAndSaysWhereItPointed() {
        assertThat(refusal(classify(302, Map.of("Location", "https://evil.example/v1.0/users"), "")))
                .hasMessageStartingWith("Graph answered /v1.0/users?$top=999 in tenant " + TENANT + " with a redirect"
                        + " (302) to another origin (https://evil.example:443). entra-sync follows no redirect")
                .hasMessageContaining("stay on https://graph.example;");
        assertThat(refusal(classify(301, Map.of("Location", "/v1.0/users"), "")))
                .hasMessageContaining("with a redirect (301) to Graph's own origin.");
        assertThat(refusal(classify(307, Map.of(), "")))
                .hasMessageContaining("with a redirect (307) to nowhere usable.");
        assertThat(refusal(classify(302, Map.of("Location", "http://bad host/"), "")))
                .hasMessageContaining("to nowhere usable.")
                .satisfies(e -> assertThat(e.isTransient()).isFalse());
    }

    @Test
    void throttlingCarriesTheWaitGraphAskedForInSecondsOrAsADate() {
        Outcome.Retryable<JsonNode> seconds = retryable(classify(
                429,
                Map.of("Retry-After", "2.128"),
                "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Slow down.\"}}"));
        assertThat(seconds.retryAfter()).isEqualTo(Duration.ofMillis(2128));
        assertThat(seconds.throttled()).isTrue();
        assertThat(seconds.failure())
                .hasMessageStartingWith("Graph answered 429 TooManyRequests for" + " /v1.0/users?$top=999 in tenant "
                        + TENANT + ": Slow down.");

        Outcome.Retryable<JsonNode> date =
                retryable(classify(503, Map.of("Retry-After", "Sun, 22 Nov 2026 08:00:30 GMT"), ""));
        assertThat(date.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(date.throttled()).isTrue();
    }

    @Test
    void serverErrorsAreWorthSendingAgainWithoutAWaitOfGraphs() {
        assertThat(retryable(classify(503, Map.of("Retry-After", "soon"), "")).retryAfter())
                .isNull();
        assertThat(retryable(classify(503, Map.of(), "")).throttled()).isFalse();
        Outcome.Retryable<JsonNode> gateway =
                retryable(classify(502, Map.of("Retry-After", "5"), "<html>proxy</html>"));
        assertThat(gateway.retryAfter()).isNull();
        assertThat(gateway.failure())
                .hasMessageContaining(
                        "Graph answered 502 for /v1.0/users?$top=999 in tenant " + TENANT + ": <html>proxy</html>");
    }

    @Test
    void clientErrorsAreRefusedAsTheTypedFailureAPersonCanActOn() {
        assertThat(refusal(classify(
                        403,
                        Map.of(),
                        "{\"error\":{\"code\":\"Authorization_RequestDenied\","
                                + "\"message\":\"Insufficient privileges.\"}}")))
                .isInstanceOf(MissingPermissionException.class);
        assertThat(refusal(classify(403, Map.of(), "{\"error\":{\"code\":\"" + GraphErrors.NON_PREMIUM + "\"}}")))
                .isInstanceOf(LicenseRequiredException.class);
        GraphException unauthorized = refusal(classify(401, Map.of(), ""));
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.isTransient()).isFalse();
        assertThat(refusal(classify(404, Map.of(), "not json at all")))
                .hasMessageContaining(": not json at all. Not found");
    }

    @Test
    void aReadersOwnFailureIsNotSwallowed() {
        ResponseReader<Object> strict = in -> {
            throw new IllegalStateException("an item without an id");
        };

        assertThatThrownBy(() -> classifier.classify(new Answer(200, Map.of(), "{}"), USERS, strict))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("an item without an id");
    }

    @Test
    void aCallThatThrewIsOursATokenRefusalADroppedConnectionOrBroken() {
        GraphException ours = new GraphException("ours", 0, null, TenantId.of(TENANT), null, false, null);
        TokenException token =
                new TokenException(TokenFailure.SECRET_EXPIRED, 7000222, "msp", TenantId.of(TENANT), "expired", null);

        assertThat(((Outcome.Refused<?>) ResponseClassifier.ofFailure(new RuntimeException(ours))).failure())
                .isSameAs(ours);
        assertThat(((Outcome.Refused<?>) ResponseClassifier.ofFailure(new RuntimeException(token))).failure())
                .isSameAs(token);
        assertThat(ResponseClassifier.ofFailure(new RuntimeException(new ConnectException("refused"))))
                .isInstanceOf(Outcome.Dropped.class);
        assertThat(ResponseClassifier.ofFailure(new UncheckedIOException(new IOException("reset"))))
                .isInstanceOf(Outcome.Dropped.class);
        assertThat(ResponseClassifier.ofFailure(new IllegalStateException("no")))
                .isInstanceOf(Outcome.Broken.class);
        Thread.currentThread().interrupt();
        try {
            assertThat(ResponseClassifier.ofFailure(new InterruptedIOException("interrupted")))
                    .isInstanceOf(Outcome.Broken.class);
        } finally {
            Thread.interrupted();
        }
    }
}
