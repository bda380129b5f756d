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
 * connection pool. Immutable and thread-safe.
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

    private HttpSettings(Builder b) {
        this.proxy = b.proxy;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.sslSocketFactory = b.sslSocketFactory;
        this.trustManager = b.trustManager;
    }

    /** Direct connections, 10 s to connect, 60 s to read, the JVM's trust store. */
    public static HttpSettings defaults() {
        return builder().build();
    }

    /** A new builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The proxy, if one is set. */
    public Optional<Proxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** Time allowed to connect. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Time allowed between bytes of a response. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** The custom TLS socket factory, if set (always together with {@link #trustManager()}). */
    public Optional<SSLSocketFactory> sslSocketFactory() {
        return Optional.ofNullable(sslSocketFactory);
    }

    /** The custom trust manager, if set. */
    public Optional<X509TrustManager> trustManager() {
        return Optional.ofNullable(trustManager);
    }

    /** Builds {@link HttpSettings}. Not thread-safe. */
    public static final class Builder {
        private Proxy proxy;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private SSLSocketFactory sslSocketFactory;
        private X509TrustManager trustManager;

        private Builder() {
        }

        /** Sends every request through this proxy (null: direct). */
        public Builder proxy(Proxy proxy) {
            this.proxy = proxy;
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive("readTimeout", timeout);
            return this;
        }

        /** A custom TLS configuration (for example a corporate TLS-inspecting proxy's CA). */
        public Builder tls(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
            this.sslSocketFactory = Objects.requireNonNull(socketFactory, "socketFactory");
            this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
            return this;
        }

        /** The settings. */
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
