package dev.entrasync;

import java.net.Proxy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The one place for network settings. MSAL4J's token requests and every Microsoft Graph request go
 * through the same HTTP client built from these settings: one proxy, one TLS configuration, one
 * connection pool. Given to {@code EntraSync.Builder.http(HttpSettings)} once per host.
 *
 * <p>Immutable and thread-safe. Take {@link #ofDefaults()}, build your own with {@link #custom()}, or start from
 * another with {@link #from(HttpSettings)}; builder setters refuse a value out of range at once
 * ({@link IllegalArgumentException} naming the field and the value).
 *
 * <p>Without a custom TLS configuration the JVM's default trust store is used, so the standard
 * {@code javax.net.ssl.trustStore} system properties apply.
 */
public final class HttpSettings {

    private final Proxy proxy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final SSLSocketFactory sslSocketFactory;
    private final X509TrustManager trustManager;

    private static final HttpSettings DEFAULTS = new Builder().build();

    private HttpSettings(Builder b) {
        this.proxy = b.proxy;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.sslSocketFactory = b.sslSocketFactory;
        this.trustManager = b.trustManager;
    }

    /**
     * Direct connections, 10 s to connect, 60 s to read, the JVM's trust store.
     *
     * @return the shared default settings; never null
     */
    public static HttpSettings ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A new builder starting from {@link #ofDefaults()}.
     *
     * @return a new builder holding the default settings; never null
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * A new builder starting from every setting of {@code base} (its proxy and TLS configuration included).
     *
     * @param base the settings to copy every setting from; never null
     * @return a new builder holding the settings of {@code base}; never null
     * @throws NullPointerException if {@code base} is null
     */
    public static Builder from(HttpSettings base) {
        return new Builder(Objects.requireNonNull(base, "base"));
    }

    /**
     * The proxy, if one is set.
     *
     * @return the proxy every request goes through; empty for direct connections
     */
    public Optional<Proxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    /**
     * Time allowed to connect.
     *
     * @return the time allowed to connect; positive
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Time allowed between bytes of a response.
     *
     * @return the time allowed between bytes of a response; positive
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * The custom TLS socket factory, if set (always together with {@link #trustManager()}).
     *
     * @return the custom TLS socket factory; empty when the JVM's default TLS configuration is used
     */
    public Optional<SSLSocketFactory> sslSocketFactory() {
        return Optional.ofNullable(sslSocketFactory);
    }

    /**
     * The custom trust manager, if set.
     *
     * @return the custom trust manager; empty when the JVM's default trust store is used
     */
    public Optional<X509TrustManager> trustManager() {
        return Optional.ofNullable(trustManager);
    }

    /**
     * Every setting, for logs and support: the proxy, the timeouts, and whether TLS is the JVM's or custom (with
     * the trust manager's class). Holds no secret.
     */
    @Override
    public String toString() {
        return "HttpSettings{proxy=" + (proxy == null ? "direct" : proxy) + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", tls="
                + (trustManager == null
                        ? "JVM default"
                        : "custom (" + trustManager.getClass().getName() + ")") + "}";
    }

    /**
     * Builds {@link HttpSettings}; from {@link HttpSettings#custom()} or {@link HttpSettings#from}. Not
     * thread-safe.
     */
    public static final class Builder {
        private Proxy proxy;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private SSLSocketFactory sslSocketFactory;
        private X509TrustManager trustManager;

        private Builder() {}

        private Builder(HttpSettings base) {
            this.proxy = base.proxy;
            this.connectTimeout = base.connectTimeout;
            this.readTimeout = base.readTimeout;
            this.sslSocketFactory = base.sslSocketFactory;
            this.trustManager = base.trustManager;
        }

        /**
         * Sends every request through this proxy (null, the default: direct).
         *
         * @param proxy the proxy every request goes through; null for direct connections
         * @return this builder
         */
        public Builder proxy(Proxy proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * Time allowed to connect (default 10 s).
         *
         * @param timeout the time allowed to connect; not null, positive
         * @return this builder
         * @throws IllegalArgumentException if null or not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * Time allowed between bytes of a response (default 60 s).
         *
         * @param timeout the time allowed between bytes of a response; not null, positive
         * @return this builder
         * @throws IllegalArgumentException if null or not positive
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive("readTimeout", timeout);
            return this;
        }

        /**
         * A custom TLS configuration (for example a corporate TLS-inspecting proxy's CA); default: the JVM's.
         *
         * @param socketFactory the TLS socket factory every connection is opened with; never null
         * @param trustManager the trust manager matching {@code socketFactory}; never null
         * @return this builder
         * @throws NullPointerException naming whichever argument is null
         */
        public Builder tls(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
            this.sslSocketFactory = Objects.requireNonNull(socketFactory, "socketFactory");
            this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
            return this;
        }

        /**
         * The settings.
         *
         * @return the new, immutable settings; never null
         */
        public HttpSettings build() {
            return new HttpSettings(this);
        }

        private static Duration positive(String field, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, was " + d);
            }
            return d;
        }
    }
}
