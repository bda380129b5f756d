package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.AppState;
import dev.entrasync.testkit.internal.CloudState;
import dev.entrasync.testkit.internal.GraphDispatcher;
import dev.entrasync.testkit.internal.LoginDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockWebServer;

/**
 * A simulated Microsoft cloud on localhost: a login server (Entra ID token endpoint) and a Graph
 * v1.0 server, each a MockWebServer on 127.0.0.1 with its own port.
 *
 * <pre>{@code
 * try (SimulatedCloud cloud = SimulatedCloud.start()) {
 *   SimulatedApp app = cloud.registerApp("11111111-2222-3333-4444-555555555555", "s3cret");
 *   SimulatedTenant contoso = cloud.addTenant(TenantBuilder.create("Contoso").users(100).build());
 *   contoso.consent(app, Permissions.allRead());
 *   // point the code under test at cloud.loginUrl() and cloud.graphUrl() + "/v1.0"
 * }
 * }</pre>
 *
 * <p>Thread-safe: tests may change apps, tenants, faults and the clock while requests are served.
 * One cloud per test (or per test class) keeps recorded calls apart.
 */
public final class SimulatedCloud implements AutoCloseable {
    private final CloudState state = new CloudState();
    private final MockWebServer login = new MockWebServer();
    private final MockWebServer graph = new MockWebServer();
    private final Map<String, SimulatedTenant> tenants = new ConcurrentHashMap<>();
    private final Map<String, SimulatedApp> apps = new ConcurrentHashMap<>();
    private final Tls tls;

    private SimulatedCloud(Tls tls) {
        this.tls = tls;
    }

    /** Starts both servers on 127.0.0.1 with free ports, over plain HTTP. */
    public static SimulatedCloud start() {
        return start(null);
    }

    /**
     * Starts both servers over HTTPS with a fresh self-signed certificate for {@code localhost} and
     * {@code 127.0.0.1} (MSAL refuses {@code http://} authorities). Clients trust it through
     * {@link #tls()}.
     */
    public static SimulatedCloud startHttps() {
        return start(Tls.selfSigned());
    }

    private static SimulatedCloud start(Tls tls) {
        SimulatedCloud cloud = new SimulatedCloud(tls);
        try {
            cloud.login.setServerSocketFactory(new dev.entrasync.testkit.internal.NoDelayServerSockets());
            cloud.graph.setServerSocketFactory(new dev.entrasync.testkit.internal.NoDelayServerSockets());
            if (tls != null) {
                cloud.login.useHttps(tls.serverSocketFactory());
                cloud.graph.useHttps(tls.serverSocketFactory());
            }
            cloud.login.setDispatcher(new LoginDispatcher(cloud.state, cloud::recordConsent));
            cloud.graph.setDispatcher(new GraphDispatcher(cloud.state));
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            cloud.login.start(loopback, 0);
            cloud.graph.start(loopback, 0);
        } catch (IOException e) {
            cloud.close();
            throw new UncheckedIOException("cannot start the simulated cloud", e);
        }
        String scheme = tls == null ? "http" : "https";
        cloud.state.urls(
                scheme + "://127.0.0.1:" + cloud.login.getPort(), scheme + "://127.0.0.1:" + cloud.graph.getPort());
        return cloud;
    }

    /**
     * Returns what clients need to trust an HTTPS cloud.
     *
     * @throws IllegalStateException when the cloud was started with {@link #start()}
     */
    public Tls tls() {
        if (tls == null) {
            throw new IllegalStateException("this cloud serves plain HTTP; use startHttps()");
        }
        return tls;
    }

    /** Returns the login authority base, e.g. {@code http://127.0.0.1:50123}; no trailing slash. */
    public String loginUrl() {
        return state.loginUrl();
    }

    /** Returns the Graph base, e.g. {@code http://127.0.0.1:50124}; v1.0 lives under {@code /v1.0}. */
    public String graphUrl() {
        return state.graphUrl();
    }

    /**
     * Registers a multi-tenant app with one client secret that never expires.
     *
     * @param clientId the application (client) id, usually a GUID; stored lower case
     * @throws IllegalArgumentException when an app with that id exists
     */
    public SimulatedApp registerApp(String clientId, String secret) {
        String id = Objects.requireNonNull(clientId, "clientId").toLowerCase(Locale.ROOT);
        AppState appState = new AppState(id, "entra-sync test app");
        if (state.apps().putIfAbsent(id, appState) != null) {
            throw new IllegalArgumentException("an app with client id " + id + " is registered");
        }
        appState.configuredPermissions().addAll(Permissions.ALL_READ);
        SimulatedApp app = new SimulatedApp(appState, state);
        apps.put(id, app);
        return app.addSecret(Objects.requireNonNull(secret, "secret"));
    }

    /** Returns a registered app by client id; throws when unknown. */
    public SimulatedApp app(String clientId) {
        SimulatedApp app = apps.get(clientId.toLowerCase(Locale.ROOT));
        if (app == null) {
            throw new IllegalArgumentException("no app with client id " + clientId);
        }
        return app;
    }

    /** Makes a tenant reachable through this cloud; returns it. */
    public SimulatedTenant addTenant(SimulatedTenant tenant) {
        if (state.tenant(tenant.id()) != null) {
            throw new IllegalArgumentException(tenant + " is already in this cloud");
        }
        state.addTenant(tenant.data());
        tenants.put(tenant.id(), tenant);
        return tenant;
    }

    /** Returns the tenant with this GUID or verified domain; throws when unknown. */
    public SimulatedTenant tenant(String idOrDomain) {
        var data = state.tenant(Objects.requireNonNull(idOrDomain, "idOrDomain"));
        if (data == null) {
            throw new IllegalArgumentException("no tenant " + idOrDomain + " in this cloud");
        }
        return tenants.get(data.id());
    }

    /** Returns every tenant of this cloud. */
    public List<SimulatedTenant> tenants() {
        return List.copyOf(tenants.values());
    }

    /** Returns the fault switches, applying to every tenant and path. */
    public Faults faults() {
        return new Faults(state, null, null);
    }

    /** Returns the admin-consent page, to queue what the next administrator there does. */
    public ConsentPage consentPage() {
        return new ConsentPage(state);
    }

    private void recordConsent(
            dev.entrasync.testkit.internal.TenantData tenant, String clientId, java.time.Instant visibleAt) {
        SimulatedApp app = apps.get(clientId);
        boolean delayed = visibleAt.isAfter(state.now());
        tenants.get(tenant.id()).consent(app, app.configuredPermissions(), delayed ? visibleAt : null, 0);
    }

    /** Returns every recorded call (login and Graph, batch items included), oldest first. */
    public List<RecordedCall> calls() {
        return state.calls().all();
    }

    /** Returns the recorded Graph calls, batch items included. */
    public List<RecordedCall> graphCalls() {
        return calls().stream()
                .filter(c -> c.server() == RecordedCall.Server.GRAPH)
                .toList();
    }

    /** Returns the recorded token requests ({@code POST .../oauth2/v2.0/token}). */
    public List<RecordedCall> tokenCalls() {
        return calls().stream()
                .filter(c -> c.server() == RecordedCall.Server.LOGIN && c.path().endsWith("/oauth2/v2.0/token"))
                .toList();
    }

    /** Forgets the recorded calls and resets {@link #graphTraffic()}. */
    public void clearCalls() {
        state.calls().clear();
    }

    /**
     * Also accepts certificate client assertions whose {@code aud} names this cloud's token endpoint under
     * another https host: for clients that present the cloud to their library under an alias (entra-sync does,
     * because MSAL4J refuses {@code http://} authorities), so the assertion's audience carries the alias. The path
     * must still be {@code /{tenant}/oauth2/v2.0/token}.
     *
     * @param host the alias host, e.g. {@code login.custom.entrasync.invalid}
     * @return this cloud
     */
    public SimulatedCloud acceptAssertionAudienceHost(String host) {
        state.acceptAssertionAudienceHost(Objects.requireNonNull(host, "host"));
        return this;
    }

    /** Sets the clock used for token lifetimes, delta-token age and recorded timestamps. */
    public SimulatedCloud clock(Clock clock) {
        state.clock(Objects.requireNonNull(clock, "clock"));
        return this;
    }

    /** Returns the cloud's clock (the system UTC clock unless set). */
    public Clock clock() {
        return state.clock();
    }

    /** Sets the lifetime of issued access tokens (default 3599 s). */
    public SimulatedCloud tokenLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive, was " + lifetime);
        }
        state.tokenLifetime(lifetime);
        return this;
    }

    /**
     * Sets how many objects a delta page holds. Graph chooses, clients cannot ({@code $top} is
     * ignored on directory delta); the default, 200, is what users report Graph serving for
     * {@code /users/delta} and what Microsoft's support names as the cap for directory objects.
     */
    public SimulatedCloud deltaPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, was " + size);
        }
        state.deltaPageSize(size);
        return this;
    }

    /**
     * Makes every delta round start with an empty page that carries a nextLink, as Graph sometimes
     * answers (default off).
     */
    public SimulatedCloud deltaEmptyPages(boolean enabled) {
        state.deltaEmptyPages(enabled);
        return this;
    }

    /**
     * Makes Graph answer after {@code perRequest} plus {@code perObject} for every object in the
     * response ({@code $batch} items' objects added up), as real Graph takes tens of milliseconds a
     * request and longer for big pages (default: no delay). The delay holds back the response
     * headers on the connection's own thread, so it costs no CPU and concurrent requests wait side
     * by side. Real time, not the cloud's {@link #clock(Clock) clock}: a caller simulating faster
     * time divides the durations itself.
     */
    public SimulatedCloud latency(Duration perRequest, Duration perObject) {
        state.latency(new dev.entrasync.testkit.internal.Latency(
                Objects.requireNonNull(perRequest, "perRequest"), Objects.requireNonNull(perObject, "perObject")));
        return this;
    }

    /**
     * Switches Graph's throttling on or off (default off). On, each (app, tenant) pair gets the
     * identity service's resource-unit budget of its size class (fewer than 50 users: 3,500 per
     * 10 s; 50 to 500: 5,000; more: 8,000), charged each request's cost ({@code x-ms-resource-unit});
     * {@code /auditLogs} and {@code /reports} 5 requests per 10 s; {@code /security} 150 per minute;
     * and each app 130,000 requests per 10 s over all tenants. A request over a budget gets 429
     * with Retry-After (whole seconds until it would pass), {@code x-ms-throttle-scope} and
     * {@code x-ms-throttle-information}; past 80 % of a resource-unit budget successful answers
     * carry {@code x-ms-throttle-limit-percentage}. Budgets refill on the cloud's clock;
     * switching on again starts them full.
     */
    public SimulatedCloud throttling(boolean enabled) {
        state.throttle(
                enabled
                        ? new dev.entrasync.testkit.internal.ThrottleModel(
                                dev.entrasync.testkit.internal.ThrottleModel.GRAPH)
                        : null);
        return this;
    }

    /**
     * Keeps recorded calls ({@link #calls()}) or stops keeping them (default: kept). Load runs
     * turn recording off so memory does not grow with every request; {@link #graphTraffic()}
     * counts either way.
     */
    public SimulatedCloud recordCalls(boolean enabled) {
        state.calls().recording(enabled);
        return this;
    }

    /** Returns the Graph traffic served since the start or the last {@link #clearCalls()}. */
    public GraphTraffic graphTraffic() {
        return state.calls().traffic();
    }

    /** Returns the messages accepted by {@code sendMail}, oldest first. */
    public List<SentMail> sentMail() {
        return state.mail().all();
    }

    /** Stops both servers. */
    @Override
    public void close() {
        login.close();
        graph.close();
    }
}
