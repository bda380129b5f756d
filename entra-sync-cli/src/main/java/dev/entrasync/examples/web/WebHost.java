package dev.entrasync.examples.web;

import dev.entrasync.MappingConflictException;
import dev.entrasync.MissingPermissionException;
import dev.entrasync.Sleeper;
import dev.entrasync.SyncEngine;
import dev.entrasync.examples.support.CompanyBook;
import dev.entrasync.examples.support.DemoCloud;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.KeyRings;
import dev.entrasync.jdbc.JdbcQueries;
import dev.entrasync.onboarding.Onboarding;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Shows a partner portal embedding entra-sync: credentials, admin consent, discovery and import, "Sync now",
 * live jobs, per-company pages and findings with a fleet overview, on a simulated Microsoft cloud and an H2 database.
 *
 * <p>{@code java -cp entra-sync.jar dev.entrasync.examples.web.WebHost [port]} (or {@code entra-sync.jar web})
 * serves {@code http://localhost:8080} until stopped. Administrators log in with the password in
 * {@value #PASSWORD_VARIABLE} (when unset, {@link #main} generates one and prints it once). Consent redirects
 * come back to {@code http://localhost:PORT/consent/callback}, the redirect URI registered on the simulated app.
 *
 * <p>What the sample does for security (login, sessions, CSRF tokens, Origin and Host checks, response headers,
 * consent checks off the request threads), and what a real host must add, is in the README's web host section.
 * Built with {@link #builder()}; thread-safe.
 */
public final class WebHost implements AutoCloseable {

    /** The environment variable holding the portal's administrator password. */
    public static final String PASSWORD_VARIABLE = "ENTRA_SYNC_PORTAL_PASSWORD";
    /** The shortest administrator password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final Javalin server;
    private final DemoCloud simulation;
    private final HostDatabase db;
    private final Onboarding onboarding;
    private final SyncEngine engine;
    private final ConsentChecks consentChecks;
    private final String url;

    private WebHost(Builder b, int port) {
        this.url = "http://localhost:" + port;
        this.simulation = DemoCloud.start(1200, url + ConsentPages.CALLBACK, false);
        this.db = HostDatabase.open(b.jdbcUrl, "sa", "", KeyRings.ephemeral(), b.clock, b.sleeper);
        byte[] stateKey = new byte[32];
        new SecureRandom().nextBytes(stateKey);
        this.onboarding = db.runtime()
                .onboarding()
                .consents(db.storage().consentStore())
                .stateKey(stateKey)
                .redirectUri(url + ConsentPages.CALLBACK)
                .build();
        this.engine = db.engineBuilder().secrets(onboarding.secrets()).build();
        engine.start();
        this.consentChecks = new ConsentChecks(b.consentWorkers, b.pendingConsentLimit, b.clock);
        Portal portal = new Portal(
                db, onboarding, engine, new CompanyBook(), simulation, new SimulatedAdministrators(simulation));
        this.server = Javalin.create(config -> config.showJavalinBanner = false);
        new PortalSecurity(port, b.password, b.clock).register(server);
        ConsentPages consent = new ConsentPages(portal, consentChecks);
        new CompanyPages(portal).register(server);
        new CredentialsPage(portal).register(server);
        consent.register(server);
        new DiscoveryPage(portal, consent).register(server);
        new JobsPage(portal).register(server);
        new FindingsPages(portal).register(server);
        server.exception(IllegalArgumentException.class, (e, ctx) -> notDone(ctx, portal, HttpStatus.BAD_REQUEST, e));
        server.exception(MappingConflictException.class, (e, ctx) -> notDone(ctx, portal, HttpStatus.CONFLICT, e));
        server.exception(MissingPermissionException.class, (e, ctx) -> notDone(ctx, portal, HttpStatus.FORBIDDEN, e));
        server.exception(
                HttpResponseException.class,
                (e, ctx) -> error(
                        ctx,
                        portal,
                        HttpStatus.forStatus(e.getStatus()),
                        // Javalin's own words for an unknown path ("Endpoint GET /x not found"), said plainly
                        e.getStatus() == 404 && e.getMessage().startsWith("Endpoint ")
                                ? "There is no page at " + ctx.path() + "."
                                : e.getMessage()));
        server.exception(Exception.class, (e, ctx) -> {
            LoggerFactory.getLogger(WebHost.class).error("{} {} failed", ctx.method(), ctx.path(), e);
            error(
                    ctx,
                    portal,
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "Something went wrong on the portal's side and nothing more was done. The details are in the"
                            + " portal's log; try again, or go back to the Companies page.");
        });
        server.start("127.0.0.1", port);
    }

    private static void notDone(Context ctx, Portal portal, HttpStatus status, Exception e) {
        error(ctx, portal, status, e.getMessage());
    }

    /** An error page: with the portal's navigation for a signed-in administrator, bare for anyone else. */
    private static void error(Context ctx, Portal portal, HttpStatus status, String message) {
        String title = status == HttpStatus.NOT_FOUND ? "Not found" : "Not done";
        ctx.status(status)
                .html(
                        PortalSecurity.csrfToken(ctx) == null
                                ? Html.publicPage(title, Html.message(message, true), false)
                                : portal.page(ctx, title, Html.message(message, true)));
    }

    /** A new builder: port 8080, an in-memory H2 database; the administrator password must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The portal's address, e.g. {@code http://localhost:8080}. */
    public String url() {
        return url;
    }

    /** The host database's queries, for tests that check what a page stored. */
    JdbcQueries queries() {
        return db.storage().queries();
    }

    /** The simulated cloud it runs against. */
    public DemoCloud simulation() {
        return simulation;
    }

    /**
     * Serves on {@code args[0]} (default 8080) until the process is stopped. The administrator password comes
     * from {@value #PASSWORD_VARIABLE}; when that is unset a random one (144 bits) is generated and printed once.
     */
    public static void main(String... args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        String password = adminPassword(System.getenv(PASSWORD_VARIABLE), System.out);
        WebHost host = builder()
                .port(port)
                .jdbcUrl("jdbc:h2:mem:entra-sync-portal;DB_CLOSE_DELAY=-1")
                .adminPassword(password)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(host::close));
        System.out.println("entra-sync portal at " + host.url() + " (simulated Microsoft cloud; stop with Ctrl+C)");
        new CountDownLatch(1).await();
    }

    /**
     * The administrator password: {@code fromEnvironment} when set (never printed), else a generated one
     * (144 random bits, 24 characters) printed once on {@code console}.
     */
    static String adminPassword(String fromEnvironment, PrintStream console) {
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            console.println("Log in with the password in " + PASSWORD_VARIABLE + ".");
            return fromEnvironment;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        console.println("Log in with this generated password (shown only now; set " + PASSWORD_VARIABLE
                + " to choose one): " + generated);
        return generated;
    }

    @Override
    public void close() {
        server.stop();
        consentChecks.close();
        engine.close();
        db.close(); // closes the runtime the engine and onboarding share
        simulation.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings for {@link WebHost}. Not thread-safe; {@link #start()} validates them. */
    public static final class Builder {
        private int port = 8080;
        private String jdbcUrl = "jdbc:h2:mem:entra-sync-portal;DB_CLOSE_DELAY=-1";
        private String password;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private int consentWorkers = 4;
        private int pendingConsentLimit = 50;

        private Builder() {}

        /** The port on 127.0.0.1, or 0 for a free one; default 8080. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: must be between 0 and 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The host database, e.g. {@code jdbc:h2:mem:portal;DB_CLOSE_DELAY=-1} (the default). */
        public Builder jdbcUrl(String jdbcUrl) {
            this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            return this;
        }

        /**
         * The administrators' password (required), at least {@value #MIN_PASSWORD_LENGTH} characters; usually
         * from {@value #PASSWORD_VARIABLE}. Never logged or shown.
         */
        public Builder adminPassword(String password) {
            if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
                throw new IllegalArgumentException(
                        "adminPassword: must be at least " + MIN_PASSWORD_LENGTH + " characters; set "
                                + PASSWORD_VARIABLE + " to a longer one, or unset it to have one generated");
            }
            this.password = password;
            return this;
        }

        /**
         * How many consents are verified at once ({@code workers}, default 4) and how many may be pending at most
         * ({@code limit}, default 50); past the limit a consent callback answers "try again in a minute".
         */
        public Builder consentChecks(int workers, int limit) {
            if (workers < 1 || limit < workers) {
                throw new IllegalArgumentException("consentChecks: need at least 1 worker and a limit of at least the"
                        + " workers, were " + workers + " and " + limit);
            }
            this.consentWorkers = workers;
            this.pendingConsentLimit = limit;
            return this;
        }

        /** The clock of sessions, login pauses and consent checks (tests pass a {@code FakeTime}). */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How consent verification waits between tries (tests pass one they control). */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Starts the portal on a simulated cloud. */
        public WebHost start() {
            if (password == null) {
                throw new IllegalArgumentException("adminPassword: must be set (from " + PASSWORD_VARIABLE + ")");
            }
            return new WebHost(this, port == 0 ? freePort() : port);
        }
    }
}
