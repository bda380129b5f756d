package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    private static final Proxy PROXY =
            new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example", 3128));

    private static X509TrustManager jvmTrustManager() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    @Test
    void defaultsAreDirectConnectionsTenSecondsToConnectSixtyToReadAndTheJvmsTrustStore() {
        HttpSettings settings = HttpSettings.ofDefaults();

        assertThat(settings.proxy()).isEmpty();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.sslSocketFactory()).isEmpty();
        assertThat(settings.trustManager()).isEmpty();
    }

    @Test
    void fromCopiesEverySettingOfItsBase() throws Exception {
        X509TrustManager trust = jvmTrustManager();
        SSLSocketFactory sockets = SSLContext.getDefault().getSocketFactory();
        HttpSettings base = HttpSettings.custom()
                .proxy(PROXY)
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(7))
                .tls(sockets, trust)
                .build();

        HttpSettings copy = HttpSettings.from(base).build();

        assertThat(copy.proxy()).contains(PROXY);
        assertThat(copy.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(copy.readTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(copy.sslSocketFactory()).containsSame(sockets);
        assertThat(copy.trustManager()).containsSame(trust);
        assertThat(HttpSettings.from(base)
                        .readTimeout(Duration.ofSeconds(9))
                        .build()
                        .proxy())
                .contains(PROXY);
        assertThatThrownBy(() -> HttpSettings.from(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("base");
    }

    @Test
    void toStringShowsEverySetting() throws Exception {
        HttpSettings settings = HttpSettings.custom()
                .proxy(PROXY)
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(7))
                .tls(SSLContext.getDefault().getSocketFactory(), jvmTrustManager())
                .build();

        assertThat(settings.toString())
                .contains(
                        "proxy=HTTP @ proxy.example",
                        "3128",
                        "connectTimeout=PT3S",
                        "readTimeout=PT7S",
                        "tls=custom (" + jvmTrustManager().getClass().getName() + ")");
        assertThat(HttpSettings.ofDefaults().toString()).contains("proxy=direct", "tls=JVM default");
    }

    @Test
    void connectTimeoutMustBePositive() {
        assertThatThrownBy(() -> HttpSettings.custom().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connectTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> HttpSettings.custom().connectTimeout(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connectTimeout must be positive, was null");
    }

    @Test
    void readTimeoutMustBePositive() {
        assertThatThrownBy(() -> HttpSettings.custom().readTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("readTimeout must be positive, was PT-1S");
    }

    @Test
    void tlsNeedsBothTheSocketFactoryAndTheTrustManager() throws Exception {
        assertThatThrownBy(() -> HttpSettings.custom().tls(null, jvmTrustManager()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("socketFactory");
        assertThatThrownBy(
                        () -> HttpSettings.custom().tls(SSLContext.getDefault().getSocketFactory(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("trustManager");
    }
}
