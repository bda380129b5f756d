package dev.entrasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsTest {
    @Test
    void servesHttpsTrustedThroughTls(@TempDir Path dir) throws Exception {
        try (SimulatedCloud cloud = SimulatedCloud.startHttps()) {
            OkHttpClient http = new OkHttpClient.Builder()
                    .sslSocketFactory(cloud.tls().socketFactory(), cloud.tls().trustManager())
                    .build();

            try (Response response = http.newCall(new Request.Builder()
                            .url(cloud.loginUrl() + "/common/discovery/instance?api-version=1.1")
                            .build())
                    .execute()) {
                assertThat(response.code()).isEqualTo(200);
            }
            Path store = dir.resolve("trust.p12");
            cloud.tls().writeTrustStore(store, "pw".toCharArray());
            KeyStore loaded = KeyStore.getInstance("PKCS12");
            loaded.load(Files.newInputStream(store), "pw".toCharArray());

            assertThat(cloud.loginUrl()).startsWith("https://127.0.0.1:");
            assertThat(loaded.size()).isEqualTo(1);
        }
    }
}
