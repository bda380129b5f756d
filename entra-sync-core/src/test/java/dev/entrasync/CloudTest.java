package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CloudTest {

    @Test
    void nationalCloudsPairLoginAndGraphHosts() {
        assertThat(Cloud.GLOBAL.loginUrl()).hasToString("https://login.microsoftonline.com");
        assertThat(Cloud.GLOBAL.graphScope()).isEqualTo("https://graph.microsoft.com/.default");
        assertThat(Cloud.of("usgov").graphUrl()).hasToString("https://graph.microsoft.us");
        assertThat(Cloud.of("USGOV-DOD").graphUrl()).hasToString("https://dod-graph.microsoft.us");
        assertThat(Cloud.of("usgov-dod").loginUrl()).hasToString("https://login.microsoftonline.us");
        assertThat(Cloud.of("china").loginUrl()).hasToString("https://login.partner.microsoftonline.cn");
        assertThat(Cloud.of("china").graphUrl()).hasToString("https://microsoftgraph.chinacloudapi.cn");
        assertThat(Cloud.nationalClouds()).hasSize(4);
    }

    @Test
    void unknownCloudIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Cloud.of("moon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cloud")
                .hasMessageContaining("moon")
                .hasMessageContaining("usgov-dod");
    }

    @Test
    void customCloudAllowsPlainHttpOnlyOnLoopback() {
        Cloud local = Cloud.custom("http://127.0.0.1:1234/", "http://localhost:5678");
        assertThat(local.isCustom()).isTrue();
        assertThat(local.loginUrl()).hasToString("http://127.0.0.1:1234");
        assertThat(local.graphScope()).isEqualTo("http://localhost:5678/.default");

        assertThatThrownBy(() -> Cloud.custom("http://login.example.com", "https://graph.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loginUrl")
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> Cloud.custom("https://login.example.com", "ftp://graph.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("graphUrl");
        assertThat(Cloud.custom("https://login.example.com", "https://graph.example.com")
                        .graphUrl())
                .hasToString("https://graph.example.com");
    }

    @Test
    void plainHttpIsAllowedOnlyForLiteralLoopbackAddressesAndLocalhost() {
        assertThat(Cloud.custom("http://127.1.2.3:80", "http://[::1]:8080").graphUrl())
                .hasToString("http://[::1]:8080");
        assertThat(Cloud.custom("http://127.255.255.254", "http://LOCALHOST:1").loginUrl())
                .hasToString("http://127.255.255.254");

        for (String host : new String[] {
            "127.evil.example",
            "127.0.0.1.nip.io",
            "127.0.0.256",
            "127.0.0",
            "0x7f.0.0.1",
            "2130706433",
            "127.0.0.01x",
            "localhost.evil.example",
            "[::2]"
        }) {
            assertThatThrownBy(() -> Cloud.custom("https://login.example.com", "http://" + host + ":8080"))
                    .as(host)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("graphUrl");
        }
        assertThatThrownBy(() -> Cloud.custom("http://127.evil.example", "https://graph.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loginUrl")
                .hasMessageContaining("loopback address written literally")
                .hasMessageContaining("https://");
        assertThat(Cloud.custom("https://127.evil.example", "https://graph.example.com")
                        .loginUrl())
                .hasToString("https://127.evil.example");
    }

    @Test
    void userInfoInACustomUrlIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> Cloud.custom("https://user:pw@login.example.com", "https://graph.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loginUrl")
                .hasMessageContaining("user-info")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> Cloud.custom("https://login.example.com", "http://127.0.0.1@evil.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("graphUrl")
                .hasMessageContaining("user-info");
    }

    @Test
    void aCustomUrlIsSchemeHostPortAndAnOptionalPathOnly() {
        assertThat(Cloud.custom("https://proxy.example.com:8443/login", "https://proxy.example.com/graph")
                        .graphUrl())
                .hasToString("https://proxy.example.com/graph");
        assertThatThrownBy(() -> Cloud.custom("https://login.example.com", "https://graph.example.com/?x=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query");
        assertThatThrownBy(() -> Cloud.custom("https://login.example.com", "https://graph.example.com/#f"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fragment");
    }
}
