package dev.entrasync.examples.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What stands between the portal and everyone else, run before every request:
 * <ol>
 *   <li>a Host allow-list ({@code localhost} and {@code 127.0.0.1} on the bound port): a page on another
 *       domain that re-points its DNS name at 127.0.0.1 (DNS rebinding) sends its own name and gets 421;
 *   <li>response headers: a Content-Security-Policy without script, {@code frame-ancestors 'none'} and
 *       {@code X-Frame-Options: DENY}, {@code nosniff}, {@code Referrer-Policy: same-origin},
 *       {@code Cache-Control: no-store};
 *   <li>an administrator session (login with the portal password) for every page and action except the login
 *       page and the consent callback with its status page, which a customer's administrator reaches without
 *       one (the signed consent state protects them);
 *   <li>on every state-changing request (anything but GET, HEAD, OPTIONS): the Origin (or, without one, the
 *       Referer) must be the portal's own origin, and the form must carry the session's CSRF token.
 * </ol>
 * A refused request changes nothing: the check runs before any handler. Thread-safe.
 */
final class PortalSecurity {

    static final String COOKIE = "entra_sync_session";
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    private static final String SESSION = "portal.session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Set<String> allowedHosts;
    private final Sessions sessions;
    private final LoginGuard guard;
    private final String contentSecurityPolicy;

    PortalSecurity(int port, String password, Clock clock) {
        this.allowedHosts = Set.of("localhost:" + port, "127.0.0.1:" + port);
        this.sessions = new Sessions(clock, IDLE_TIMEOUT);
        this.guard = new LoginGuard(password, clock);
        // No form-action: "Connect a tenant" posts a form whose answer redirects to the cloud's login page, and
        // form-action also governs that redirect; the consent hosts differ per cloud (and per simulated cloud).
        this.contentSecurityPolicy = "default-src 'self'; script-src 'none'; style-src " + Html.STYLE_HASH
                + "; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    }

    void register(Javalin app) {
        app.before(this::check);
        app.get("/login", ctx -> loginPage(ctx, null, HttpStatus.OK));
        app.post("/login", this::login);
        app.post("/logout", this::logout);
    }

    /** The CSRF token of the request's session, for {@link Html#page}; null without a session. */
    static String csrfToken(Context ctx) {
        Sessions.Session session = ctx.attribute(SESSION);
        return session == null ? null : session.csrfToken();
    }

    private void check(Context ctx) {
        headers(ctx);
        String host = ctx.header("Host");
        if (host == null || !allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            refuse(
                    ctx,
                    HttpStatus.MISDIRECTED_REQUEST,
                    "This portal answers only to "
                            + String.join(
                                    " and ", allowedHosts.stream().sorted().toList())
                            + "; the request named another host (DNS rebinding, or"
                            + " a proxy that must pass the original Host). Nothing was done.");
            return;
        }
        Optional<Sessions.Session> session = sessions.touch(ctx.cookie(COOKIE));
        session.ifPresent(s -> ctx.attribute(SESSION, s));
        boolean open = isOpen(ctx.path());
        if (session.isEmpty() && !open) {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (SAFE_METHODS.contains(ctx.method().name())) {
            return;
        }
        String from = origin(ctx);
        String own = ctx.scheme() + "://" + host.toLowerCase(Locale.ROOT);
        if (from == null || !from.equalsIgnoreCase(own)) {
            refuse(
                    ctx,
                    HttpStatus.FORBIDDEN,
                    "Refused: this request came from "
                            + (from == null
                                    ? "a page that did not say where it came from (no Origin or Referer)"
                                    : "another site, " + from)
                            + ", not from the portal itself. Nothing was changed; use the portal's own pages.");
            return;
        }
        if (!open && !sameToken(session.get().csrfToken(), ctx.formParam(Html.CSRF_FIELD))) {
            refuse(
                    ctx,
                    HttpStatus.FORBIDDEN,
                    "Refused: the form did not carry this session's security token (an"
                            + " old page, or a form from another site). Nothing was changed; reload the page and try again.");
        }
    }

    /** The login page, the consent callback and its status pages work without a session. */
    private static boolean isOpen(String path) {
        return path.equals("/login")
                || path.equals(ConsentPages.CALLBACK)
                || path.startsWith(ConsentPages.STATUS + "/");
    }

    private void headers(Context ctx) {
        ctx.header("Content-Security-Policy", contentSecurityPolicy);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on the portal's own form
        // posts, and the Origin check below could not tell them from a sandboxed attacker page.
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }

    private static String origin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null) {
            return "null".equals(origin) ? null : origin;
        }
        String referer = ctx.header("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            return uri.getScheme() == null || uri.getRawAuthority() == null
                    ? null
                    : uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sameToken(String expected, String sent) {
        return sent != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(Context ctx, HttpStatus status, String message) {
        // a signed-in administrator keeps the navigation; anyone else sees no more than the refusal
        String token = csrfToken(ctx);
        String body = Html.message(message, true);
        ctx.status(status)
                .html(
                        token == null
                                ? Html.publicPage("Refused", body, false)
                                : Html.page("Refused", null, body, false, token));
        ctx.skipRemainingHandlers();
    }

    private void loginPage(Context ctx, String error, HttpStatus status) {
        if (error == null && ctx.attribute(SESSION) != null) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(status)
                .html(Html.publicPage(
                        "Log in",
                        (error == null ? "" : Html.message(error, true))
                                + "<form method=\"post\" action=\"/login\" id=\"login\"><label for=\"password\">Portal password</label>"
                                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" autofocus>"
                                + "<p><button id=\"log-in\">Log in</button></p></form><p><small>The password is in the"
                                + " ENTRA_SYNC_PORTAL_PASSWORD environment variable, or was printed once when the portal started.</small></p>",
                        false));
    }

    private void login(Context ctx) {
        LoginGuard.Attempt attempt = guard.attempt(ctx.formParam("password"));
        switch (attempt.outcome()) {
            case ACCEPTED -> {
                sessions.end(ctx.cookie(COOKIE));
                Sessions.Session session = sessions.create();
                ctx.res().addHeader("Set-Cookie", cookie(ctx, session.id(), -1));
                ctx.redirect("/", HttpStatus.SEE_OTHER);
            }
            case WRONG ->
                loginPage(
                        ctx,
                        "Wrong password. After " + LoginGuard.FREE_ATTEMPTS + " wrong passwords in a"
                                + " row, logins pause for a minute.",
                        HttpStatus.UNAUTHORIZED);
            case PAUSED ->
                loginPage(
                        ctx,
                        "Too many wrong passwords: logins are paused until "
                                + TIME.format(attempt.pausedUntil()) + ". Try again then; the password is in"
                                + " ENTRA_SYNC_PORTAL_PASSWORD.",
                        HttpStatus.TOO_MANY_REQUESTS);
        }
    }

    private void logout(Context ctx) {
        sessions.end(ctx.cookie(COOKIE));
        ctx.res().addHeader("Set-Cookie", cookie(ctx, "", 0));
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /**
     * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it),
     * Path=/. Secure when the browser keeps a Secure cookie on this origin: always over https, and on
     * http://localhost, which Chromium and Firefox treat as a secure context (so the cookie is still never
     * sent over plain http to any other host). On http://127.0.0.1 it is left off, because not every browser
     * keeps a Secure cookie set over plain http there and the login would silently not stick; the portal only
     * listens on the loopback interface, so the cookie never crosses a network. A real host serves https only.
     */
    private static String cookie(Context ctx, String value, int maxAgeSeconds) {
        String host = ctx.header("Host");
        boolean secure = "https".equals(ctx.scheme())
                || (host != null && host.toLowerCase(Locale.ROOT).startsWith("localhost:"));
        return COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "");
    }
}
