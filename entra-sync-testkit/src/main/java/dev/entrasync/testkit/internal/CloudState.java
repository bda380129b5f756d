package dev.entrasync.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The shared state of one simulated cloud, read by both dispatchers. Thread-safe. */
public final class CloudState {
    private final TokenSigner signer = new TokenSigner();
    private final AtomicReference<Clock> clock = new AtomicReference<>(Clock.systemUTC());
    private final AtomicReference<Duration> tokenLifetime = new AtomicReference<>(Duration.ofSeconds(3599));
    private final Map<String, AppState> apps = new ConcurrentHashMap<>();
    private final Map<String, TenantData> tenants = new ConcurrentHashMap<>();
    private final Map<String, String> tenantIdByDomain = new ConcurrentHashMap<>();
    private final AtomicLong deltaSerial = new AtomicLong();
    private final CallLog calls = new CallLog();
    private final FaultPlan faults = new FaultPlan();
    private final java.util.Queue<ConsentAnswer> consentAnswers = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final MailBox mail = new MailBox();
    private final SignIns signIns = new SignIns();
    private final java.util.List<TenantData> tenantOrder = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int deltaPageSize = 200;
    private volatile boolean deltaEmptyPages;
    private volatile Latency latency = Latency.NONE;
    private volatile ThrottleModel throttle;
    private volatile String loginUrl;
    private volatile String graphUrl;

    public TokenSigner signer() {
        return signer;
    }

    public Instant now() {
        return clock.get().instant();
    }

    public Clock clock() {
        return clock.get();
    }

    public void clock(Clock value) {
        clock.set(value);
    }

    public Duration tokenLifetime() {
        return tokenLifetime.get();
    }

    public void tokenLifetime(Duration value) {
        tokenLifetime.set(value);
    }

    public Map<String, AppState> apps() {
        return apps;
    }

    /** Adds a tenant and indexes its domains. */
    public void addTenant(TenantData tenant) {
        tenant.clock(this::now);
        tenants.put(tenant.id().toLowerCase(Locale.ROOT), tenant);
        tenantOrder.add(tenant);
        for (String domain : tenant.domainNames()) {
            tenantIdByDomain.put(domain.toLowerCase(Locale.ROOT), tenant.id());
        }
    }

    /** Returns the tenant with this GUID or verified domain (case-insensitive), or null. */
    public TenantData tenant(String idOrDomain) {
        String key = idOrDomain.toLowerCase(Locale.ROOT);
        TenantData byId = tenants.get(key);
        if (byId != null) {
            return byId;
        }
        String id = tenantIdByDomain.get(key);
        return id == null ? null : tenants.get(id.toLowerCase(Locale.ROOT));
    }

    /** Returns the first tenant added other than {@code tenant} (the tenant itself when it is alone). */
    public TenantData otherTenant(TenantData tenant) {
        return tenantOrder.stream().filter(t -> t != tenant).findFirst().orElse(tenant);
    }

    /** Returns the next delta-token serial number. */
    public long nextDeltaSerial() {
        return deltaSerial.incrementAndGet();
    }

    /** Returns the latest delta-token serial number handed out. */
    public long lastDeltaSerial() {
        return deltaSerial.get();
    }

    public int deltaPageSize() {
        return deltaPageSize;
    }

    public void deltaPageSize(int value) {
        deltaPageSize = value;
    }

    public boolean deltaEmptyPages() {
        return deltaEmptyPages;
    }

    public void deltaEmptyPages(boolean value) {
        deltaEmptyPages = value;
    }

    public Latency latency() {
        return latency;
    }

    public void latency(Latency value) {
        latency = value;
    }

    /** Returns Graph's throttling model, or null when throttling is off. */
    public ThrottleModel throttle() {
        return throttle;
    }

    public void throttle(ThrottleModel value) {
        throttle = value;
    }

    public CallLog calls() {
        return calls;
    }

    public FaultPlan faults() {
        return faults;
    }

    /** Queues what the next administrator at the admin-consent page does. */
    public void queueConsentAnswer(ConsentAnswer answer) {
        consentAnswers.add(answer);
    }

    /** Returns and removes the next queued consent answer, or null when none is queued. */
    public ConsentAnswer nextConsentAnswer() {
        return consentAnswers.poll();
    }

    /** The sign-in keys, authorization codes and ID-token forgeries. */
    public SignIns signIns() {
        return signIns;
    }

    public MailBox mail() {
        return mail;
    }

    public String loginUrl() {
        return loginUrl;
    }

    private final ClientAssertions assertions = new ClientAssertions();

    ClientAssertions assertions() {
        return assertions;
    }

    /** Accepts certificate assertions whose audience names the token endpoint under this host. */
    public void acceptAssertionAudienceHost(String host) {
        assertions.acceptAudienceHost(host);
    }

    public String graphUrl() {
        return graphUrl;
    }

    public void urls(String login, String graph) {
        loginUrl = login;
        graphUrl = graph;
    }
}
