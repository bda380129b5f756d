package dev.entrasync.internal.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.entrasync.GraphException;
import dev.entrasync.TokenException;
import dev.entrasync.internal.auth.TenantIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Reads one answer of Graph (status, headers, body) into an {@link Outcome}: a 2xx is read with the caller's reader
 * (a malformed page is refused, a body cut off is worth sending again); a 3xx is refused (entra-sync follows no
 * redirect); a 429 or 503 is retryable after its {@code Retry-After}, another 5xx is retryable; anything else is refused
 * as the typed failure {@link GraphErrors} makes of it. A call that failed before a whole answer arrived is classified
 * by {@link #ofFailure(Throwable)}. Sends nothing, waits for nothing and changes no state: what to do about the outcome
 * is {@link RetryPolicy}'s. Thread-safe.
 */
final class ResponseClassifier {

    /** One answer of Graph, open while it is classified. */
    interface Reply {

        int status();

        /** The header's value, or null. */
        String header(String name);

        /** The body as a stream (empty when there is none). */
        InputStream body() throws IOException;

        /** The whole body as text (empty when there is none). */
        String text() throws IOException;
    }

    private final String tenant;
    private final Origin origin;
    private final URI graphUrl;
    private final Clock clock;

    /**
     * @param origin Graph's origin, to say where a redirect pointed
     * @param graphUrl the credential's Graph URL, for messages
     * @param clock to read a {@code Retry-After} given as an HTTP date
     */
    ResponseClassifier(String tenant, Origin origin, URI graphUrl, Clock clock) {
        this.tenant = tenant;
        this.origin = origin;
        this.graphUrl = graphUrl;
        this.clock = clock;
    }

    /**
     * The outcome of one answer to {@code request}. A reader's exceptions other than {@link IOException} are not
     * caught: they leave as they are, and the caller classifies them with {@link #ofFailure(Throwable)}.
     */
    <T> Outcome<T> classify(Reply reply, GraphRequest request, ResponseReader<T> reader) {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            try (InputStream in = reply.body()) {
                return Outcome.success(reader.read(in));
            } catch (JsonProcessingException e) {
                // the whole body arrived and is not a page of ours: the same request gets the same answer
                return Outcome.refused(new GraphException(
                        "Graph answered " + request.describe() + " in tenant " + tenant
                                + " with a malformed page that cannot be ours: " + e.getOriginalMessage() + " (line "
                                + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr() + "). The answer"
                                + " arrived whole, so it was not sent again; the dataset was stopped and nothing from this run of"
                                + " it was kept. The next run tries again; if it fails the same way, report it with this message.",
                        status,
                        null,
                        TenantIds.orNull(tenant),
                        request.describe(),
                        true,
                        e));
            } catch (IOException e) {
                // the connection broke while the body was read: sending the request again may well succeed
                return Outcome.retryable(
                        new GraphException(
                                "Graph's answer to " + request.describe() + " in tenant "
                                        + tenant + " was cut off (" + e.getMessage()
                                        + "). Nothing from this run was kept; the sync can"
                                        + " be retried.",
                                status,
                                null,
                                TenantIds.orNull(tenant),
                                request.describe(),
                                true,
                                e),
                        null);
            }
        }
        if (status >= 300 && status < 400) {
            String location = reply.header("Location");
            Origin to;
            try {
                to = location == null ? null : Origin.of(request.uri().resolve(location.trim()));
            } catch (IllegalArgumentException notAUrl) {
                to = null;
            }
            return Outcome.refused(new GraphException(
                    "Graph answered " + request.describe() + " in tenant " + tenant
                            + " with a redirect (" + status + ") to "
                            + (to == null
                                    ? "nowhere usable"
                                    : origin.equals(to) ? "Graph's own origin" : "another origin (" + to + ")")
                            + ". entra-sync follows no redirect for Graph"
                            + " requests, so the token and the pages stay on " + graphUrl
                            + "; the dataset was stopped and nothing"
                            + " from this run of it was kept. Check for a proxy or custom endpoint that redirects.",
                    status,
                    null,
                    TenantIds.orNull(tenant),
                    request.describe(),
                    false,
                    null));
        }
        String text;
        try {
            text = reply.text();
        } catch (IOException e) {
            text = "";
        }
        GraphException failure = GraphErrors.of(status, GraphErrors.Body.parse(text), tenant, request);
        if (status == 429 || status == 503) {
            return Outcome.retryable(failure, retryAfter(reply.header("Retry-After")));
        }
        if (status >= 500) {
            return Outcome.retryable(failure, null);
        }
        return Outcome.refused(failure);
    }

    /** A {@code Retry-After} value (of an answer or of a {@code $batch} item) on this clock, or null when unusable. */
    Duration retryAfter(String header) {
        return RetryAfter.parse(header, clock).orElse(null);
    }

    /**
     * The outcome of a call that threw instead of answering: our own {@link GraphException} or a refused token (the SDK
     * may wrap either) as it is; a connection failure as {@link Outcome.Dropped}; anything else as
     * {@link Outcome.Broken}.
     */
    static <T> Outcome<T> ofFailure(Throwable t) {
        GraphException graph = graphFailure(t);
        if (graph != null) {
            return Outcome.refused(graph);
        }
        TokenException token = tokenFailure(t);
        if (token != null) {
            return Outcome.refused(
                    token); // the token for this request was refused: typed, with its AADSTS code and fix
        }
        return isConnectionFailure(t) ? new Outcome.Dropped<>(t) : new Outcome.Broken<>(t);
    }

    /** A {@link GraphException} of ours on the way out of the SDK (Kiota may wrap it), or null. */
    static GraphException graphFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof GraphException graph) {
                return graph;
            }
        }
        return null;
    }

    /** The {@link TokenException} the auth provider threw for this request (Kiota may wrap it), or null. */
    static TokenException tokenFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TokenException token) {
                return token;
            }
        }
        return null;
    }

    /** An I/O failure of the connection, unless it is this thread being interrupted. */
    static boolean isConnectionFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                return false;
            }
            if (c instanceof IOException || c instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }
}
