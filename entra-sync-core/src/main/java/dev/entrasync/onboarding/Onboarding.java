package dev.entrasync.onboarding;

import dev.entrasync.CredentialStore;
import dev.entrasync.internal.graph.GraphTransport;
import dev.entrasync.internal.onboarding.ConsentState;
import dev.entrasync.internal.onboarding.ConsentVerifier;
import dev.entrasync.internal.onboarding.IdTokenVerifier;
import dev.entrasync.internal.runtime.RuntimeViews;
import dev.entrasync.internal.runtime.SharedParts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Onboarding: {@link #consent()}, {@link #discovery()}, {@link #preflight()} and {@link #secrets()}.
 * Obtained from the host's {@link dev.entrasync.runtime.EntraSync} runtime, once per host, and shared; it uses
 * the runtime's credential store, HTTP stack, token cache, budgets, clock and sleeper, so a consent
 * verified or a secret rotated here is seen by the engine at once. It owns nothing to close; use it only
 * while the runtime is open.
 *
 * <pre>{@code
 * Onboarding onboarding = entra.onboarding()
 *         .consents(consentStore)
 *         .stateKey(hostSecretKeyBytes)                 // 32+ random bytes the host keeps
 *         .redirectUri("https://rmm.example.com/entra/consent")
 *         .build();
 * ConsentUrl link = onboarding.consent().forAnyTenant("default", companyId);
 * // redirect the administrator to link.uri(); on the way back:
 * ConsentResult result = onboarding.consent().complete(queryParameters);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Onboarding {

    private final ConsentFlow consent;
    private final TenantDiscovery discovery;
    private final Preflight preflight;
    private final SecretLifecycle secrets;

    private Onboarding(Builder b) {
        SharedParts shared = b.shared;
        GraphTransport transport = shared.transport();
        CredentialStore credentials = shared.credentials();
        Clock clock = shared.clock();
        this.consent = new ConsentFlow(
                credentials,
                b.consents,
                new ConsentState(b.stateKey),
                new ConsentVerifier(transport.tokens(), clock, shared.sleeper(), b.propagationWindow),
                transport.tokens(),
                new IdTokenVerifier(transport.http().tokenClient(), clock),
                clock,
                b.redirectUri,
                b.stateLifetime);
        this.discovery = new TenantDiscovery(credentials, b.consents, consent, transport);
        this.preflight = new Preflight(credentials, consent, transport, clock, b.mailEnabled);
        this.secrets = new SecretLifecycle(credentials, transport.tokens(), clock, b.secretListeners);
    }

    /**
     * Admin-consent links and their redirects.
     *
     * @return the consent flow, the same instance on every call; never null
     */
    public ConsentFlow consent() {
        return consent;
    }

    /**
     * Which tenants a credential reaches.
     *
     * @return the tenant discovery, the same instance on every call; never null
     */
    public TenantDiscovery discovery() {
        return discovery;
    }

    /**
     * The cheap check of a mapping before syncing.
     *
     * @return the preflight check, the same instance on every call; never null
     */
    public Preflight preflight() {
        return preflight;
    }

    /**
     * Secret expiry warnings and rotation.
     *
     * @return the secret lifecycle, the same instance on every call; never null
     */
    public SecretLifecycle secrets() {
        return secrets;
    }

    /**
     * Builds {@link Onboarding} on a runtime, from {@link dev.entrasync.runtime.EntraSync#onboarding()}. Holds only
     * onboarding's own settings. Not thread-safe; {@link #build()} names everything missing.
     */
    public static final class Builder {
        private ConsentStore consents;
        private byte[] stateKey;
        private URI redirectUri;
        private Duration propagationWindow = Duration.ofMinutes(15);
        private Duration stateLifetime = Duration.ofMinutes(30);
        private boolean mailEnabled;
        private final List<SecretListener> secretListeners = new ArrayList<>();

        private final SharedParts shared;

        static {
            // the runtime's way in (EntraSync#onboarding()), without a public method taking an internal type
            RuntimeViews.register(Builder.class, Builder::new);
        }

        private Builder(SharedParts shared) {
            this.shared = shared;
        }

        /**
         * Where verified consents and used consent links are kept (required).
         *
         * @param consents the store of verified consents and used consent links; null is accepted here but refused by
         *     {@link #build()}
         * @return this builder
         */
        public Builder consents(ConsentStore consents) {
            this.consents = consents;
            return this;
        }

        /**
         * The key that signs consent links' {@code state} (HMAC-SHA256) and derives each link's PKCE
         * verifier and OpenID Connect nonce, required: at least 32 random bytes, kept secret by the host
         * and the same on every host instance (an instance with another key cannot complete the
         * consent). Copied.
         *
         * @param key the signing key, at least 32 random bytes, not null; copied, so later changes to the array have no
         *     effect
         * @return this builder
         * @throws IllegalArgumentException if shorter than 32 bytes
         */
        public Builder stateKey(byte[] key) {
            if (key == null || key.length < 32) {
                throw new IllegalArgumentException("stateKey: must be at least 32 bytes (256 bits) of random data,"
                        + " was " + (key == null ? "null" : key.length + " bytes"));
            }
            this.stateKey = key.clone();
            return this;
        }

        /**
         * The redirect URI registered on the app registration, where Microsoft sends the administrator
         * back (required). Must be {@code https://}, or {@code http://} on localhost.
         *
         * @param redirectUri the redirect URI exactly as registered on the app; surrounding blanks are ignored; never
         *     null
         * @return this builder
         * @throws IllegalArgumentException if it is not such an absolute URI
         * @throws NullPointerException if {@code redirectUri} is null
         */
        public Builder redirectUri(String redirectUri) {
            URI uri;
            try {
                uri = URI.create(
                        Objects.requireNonNull(redirectUri, "redirectUri").trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("redirectUri: not a URI: " + redirectUri, e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean local = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
            if (!(scheme.equals("https") || (scheme.equals("http") && local))
                    || host.isEmpty()
                    || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("redirectUri: must be an absolute https:// URI without a fragment"
                        + " (http:// only on localhost), exactly as registered on the app; was " + redirectUri);
            }
            this.redirectUri = uri;
            return this;
        }

        /**
         * How long a granted consent is re-checked while Microsoft propagates it (default 15 minutes).
         *
         * @param window how long a granted consent is re-checked; not null, between zero and 1 hour
         * @return this builder
         * @throws IllegalArgumentException if negative or longer than 1 hour
         */
        public Builder propagationWindow(Duration window) {
            if (window == null || window.isNegative() || window.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("propagationWindow: must be between 0 and 1 hour, was " + window);
            }
            this.propagationWindow = window;
            return this;
        }

        /**
         * How long a consent link is accepted (default 30 minutes).
         *
         * @param lifetime how long a consent link is accepted; not null, between 1 minute and 24 hours
         * @return this builder
         * @throws IllegalArgumentException if not between 1 minute and 24 hours
         */
        public Builder stateLifetime(Duration lifetime) {
            if (lifetime == null
                    || lifetime.compareTo(Duration.ofMinutes(1)) < 0
                    || lifetime.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException(
                        "stateLifetime: must be between 1 minute and 24 hours, was " + lifetime);
            }
            this.stateLifetime = lifetime;
            return this;
        }

        /**
         * Whether entra-sync sends mail (then preflight expects {@code Mail.Send}); default false.
         *
         * @param mailEnabled true when the host sends mail through entra-sync, so preflight checks {@code Mail.Send}
         * @return this builder
         */
        public Builder mailEnabled(boolean mailEnabled) {
            this.mailEnabled = mailEnabled;
            return this;
        }

        /**
         * Adds a listener for secret expiry and rotation events.
         *
         * @param listener the listener to add; never null
         * @return this builder
         * @throws NullPointerException if {@code listener} is null
         */
        public Builder secretListener(SecretListener listener) {
            secretListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The onboarding.
         *
         * @return a new onboarding sharing the runtime's parts; never null
         * @throws IllegalStateException naming every missing part
         */
        public Onboarding build() {
            List<String> missing = new ArrayList<>();
            if (consents == null) {
                missing.add("consents(ConsentStore)");
            }
            if (stateKey == null) {
                missing.add("stateKey(byte[])");
            }
            if (redirectUri == null) {
                missing.add("redirectUri(String)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("EntraSync.onboarding() is missing " + String.join(", ", missing));
            }
            return new Onboarding(this);
        }
    }
}
