package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CloudTest {

    @Test
    void nationalCloudsPairLoginAndGraphHosts() {
        assertThat(Cloud.GLOBAL.loginUrl()).hasToString("https://login.microsoftonline.com");
        assertThat(Cloud.GLOBAL.graphScope()).isEqualTo("https://graph.microsoft.com/.default");
        assertThat(Cloud.named("usgov").graphUrl()).hasToString("https://graph.microsoft.us");
        assertThat(Cloud.named("USGOV-DOD").graphUrl()).hasToString("https://dod-graph.microsoft.us");
        assertThat(Cloud.named("usgov-dod").loginUrl()).hasToString("https://login.microsoftonline.us");
        assertThat(Cloud.named("china").loginUrl()).hasToString("https://login.partner.microsoftonline.cn");
        assertThat(Cloud.named("china").graphUrl()).hasToString("https://microsoftgraph.chinacloudapi.cn");
        assertThat(Cloud.nationalClouds()).hasSize(4);
    }

    @Test
    void unknownCloudIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Cloud.named("moon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cloud").hasMessageContaining("moon").hasMessageContaining("usgov-dod");
    }

    @Test
    void customCloudAllowsPlainHttpOnlyOnLoopback() {
        Cloud local = Cloud.custom("http://127.0.0.1:1234/", "http://localhost:5678");
        assertThat(local.isCustom()).isTrue();
        assertThat(local.loginUrl()).hasToString("http://127.0.0.1:1234");
        assertThat(local.graphScope()).isEqualTo("http://localhost:5678/.default");

        assertThatThrownBy(() -> Cloud.custom("http://login.example.com", "https://graph.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loginUrl").hasMessageContaining("loopback");
        assertThatThrownBy(() -> Cloud.custom("https://login.example.com", "ftp://graph.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("graphUrl");
        assertThat(Cloud.custom("https://login.example.com", "https://graph.example.com").graphUrl())
                .hasToString("https://graph.example.com");
    }
}
