package dev.entrasync.examples.web;

import dev.entrasync.MissingPermissionException;
import dev.entrasync.SyncEngine;
import dev.entrasync.examples.support.CompanyBook;
import dev.entrasync.examples.support.DemoCloud;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.KeyRings;
import dev.entrasync.onboarding.MappingConflictException;
import dev.entrasync.onboarding.Onboarding;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;

/**
 * Shows a partner portal embedding entra-sync: credentials, admin consent, discovery and import, "Sync now",
 * live jobs and per-company pages, on a simulated Microsoft cloud and an H2 database.
 *
 * <p>{@code java -cp entra-sync.jar dev.entrasync.examples.web.WebHost [port]} (or {@code entra-sync.jar web})
 * serves {@code http://localhost:8080} until stopped. Consent redirects come back to
 * {@code http://localhost:PORT/consent/callback}, the redirect URI registered on the simulated app.
 */
public final class WebHost implements AutoCloseable {

    private final Javalin server;
    private final DemoCloud simulation;
    private final HostDatabase db;
    private final Onboarding onboarding;
    private final SyncEngine engine;
    private final String url;

    private WebHost(int port, String jdbcUrl) {
        this.url = "http://localhost:" + port;
        this.simulation = DemoCloud.start(1200, url + ConsentPages.CALLBACK, false);
        this.db = HostDatabase.open(jdbcUrl, "sa", "", KeyRings.ephemeral());
        byte[] stateKey = new byte[32];
        new SecureRandom().nextBytes(stateKey);
        this.onboarding = Onboarding.builder().credentials(db.credentials()).consents(db.storage().consentStore())
                .stateKey(stateKey).redirectUri(url + ConsentPages.CALLBACK).build();
        this.engine = db.engineBuilder().secrets(onboarding.secrets()).build();
        engine.start();
        Portal portal = new Portal(db, onboarding, engine, new CompanyBook(), simulation,
                new SimulatedAdministrators(simulation));
        this.server = Javalin.create(config -> config.showJavalinBanner = false);
        ConsentPages consent = new ConsentPages(portal);
        new CompanyPages(portal).register(server);
        new CredentialsPage(portal).register(server);
        consent.register(server);
        new DiscoveryPage(portal, consent).register(server);
        new JobsPage(portal).register(server);
        server.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                .html(portal.page("Not done", Html.message(e.getMessage(), true))));
        server.exception(MappingConflictException.class, (e, ctx) -> ctx.status(HttpStatus.CONFLICT)
                .html(portal.page("Not done", Html.message(e.getMessage(), true))));
        server.exception(MissingPermissionException.class, (e, ctx) -> ctx.status(HttpStatus.FORBIDDEN)
                .html(portal.page("Not done", Html.message(e.getMessage(), true))));
        server.start("127.0.0.1", port);
    }

    /**
     * Starts the portal on a simulated cloud.
     *
     * @param port the port, or 0 for a free one
     * @param jdbcUrl the host database, e.g. {@code jdbc:h2:mem:portal;DB_CLOSE_DELAY=-1}
     */
    public static WebHost start(int port, String jdbcUrl) {
        return new WebHost(port == 0 ? freePort() : port, jdbcUrl);
    }

    /** The portal's address, e.g. {@code http://localhost:8080}. */
    public String url() {
        return url;
    }

    /** The simulated cloud it runs against. */
    public DemoCloud simulation() {
        return simulation;
    }

    /** Serves on {@code args[0]} (default 8080) until the process is stopped. */
    public static void main(String... args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        WebHost host = start(port, "jdbc:h2:mem:entra-sync-portal;DB_CLOSE_DELAY=-1");
        Runtime.getRuntime().addShutdownHook(new Thread(host::close));
        System.out.println("entra-sync portal at " + host.url() + " (simulated Microsoft cloud; stop with Ctrl+C)");
        new CountDownLatch(1).await();
    }

    @Override
    public void close() {
        server.stop();
        engine.close();
        onboarding.close();
        db.close();
        simulation.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
