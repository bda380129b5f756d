package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppCredentialTest {

    private static final String CLIENT = "11111111-2222-3333-4444-555555555555";
    private static final String SECRET = "Xq8~super.secret-value_1234567890abcdef";

    private AppCredential.Builder valid() {
        return AppCredential.builder()
                .name("msp")
                .homeTenant("contoso.onmicrosoft.com")
                .clientId(CLIENT)
                .secret(SECRET);
    }

    @Test
    void neverPrintsTheSecret() {
        AppCredential credential =
                valid().secretExpiresAt(Instant.parse("2027-01-01T00:00:00Z")).build();

        assertThat(credential.toString())
                .doesNotContain(SECRET)
                .contains("secret=****")
                .contains(CLIENT);
        assertThat(credential.secret().toString()).isEqualTo("ClientSecret[****]");
        assertThat(credential.secret().reveal()).isEqualTo(SECRET);
    }

    @Test
    void refusesInvalidFieldsNamingThem() {
        assertThatThrownBy(() -> valid().clientId(" ").build()).hasMessageStartingWith("clientId:");
        assertThatThrownBy(() -> valid().clientId("not-a-guid").build()).hasMessageStartingWith("clientId:");
        assertThatThrownBy(() -> valid().homeTenant("not a tenant!").build()).hasMessageStartingWith("tenantId:");
        assertThatThrownBy(() -> valid().cloud("mars").build()).hasMessageStartingWith("cloud:");
        assertThatThrownBy(() -> valid().secret("").build()).hasMessageStartingWith("clientSecret:");
        assertThatThrownBy(() -> valid().name("").build()).hasMessageStartingWith("name:");
        assertThatThrownBy(() ->
                        AppCredential.builder().clientId(CLIENT).secret(SECRET).build())
                .hasMessageStartingWith("homeTenant:");
    }

    @Test
    void refusesANameThatCouldForgeOrHideALogLine() {
        String[] hostile = {
            "msp\nINFO Admin consent verified for tenant 0000",
            "msp\r\nforged",
            "msp\ttab",
            "msp\u0085next-line",
            "msp\u2028line",
            "msp\u2029paragraph",
            "msp\u202Egnp.exe",
            "msp\u2066isolate",
            "msp\u200Bzero-width",
            "msp\u001B[31mred",
            "msp\u0000nul",
            "msp\uD800lone-surrogate"
        };
        for (String name : hostile) {
            assertThatThrownBy(() -> valid().name(name).build())
                    .as(name.codePoints()
                            .mapToObj(Integer::toHexString)
                            .toList()
                            .toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(
                            "name: must not contain control, line-break or invisible formatting characters")
                    .hasMessageNotContaining(name);
        }
        assertThatThrownBy(() -> valid().name("msp\nforged").build())
                .hasMessageContaining("found U+000A at character 4");
    }

    @Test
    void refusesANameLongerThanTheLimit() {
        assertThat(valid().name("n".repeat(AppCredential.MAX_NAME_LENGTH))
                        .build()
                        .name())
                .hasSize(100);
        assertThat(valid().name("Ünïcödé 北风 MSP – “emoji” \uD83D\uDE80 (partner)")
                        .build()
                        .name())
                .isEqualTo("Ünïcödé 北风 MSP – “emoji” \uD83D\uDE80 (partner)");
        assertThat(valid().name("\uD83D\uDE80".repeat(100)).build().name()).hasSize(200); // 100 characters, 200 chars

        assertThatThrownBy(() -> valid().name("n".repeat(101)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name: must be at most 100 characters, was 101; choose a short name such as \"default\""
                        + " or the partner's name");
        assertThatThrownBy(() -> valid().name("x".repeat(1_000_000)).build())
                .hasMessageStartingWith("name: must be at most");
    }

    @Test
    void tenantIdsAreGuidsOrDomains() {
        assertThat(TenantId.of("72F988BF-86F1-41AF-91AB-2D7CD011DB47").value())
                .isEqualTo("72f988bf-86f1-41af-91ab-2d7cd011db47");
        assertThat(TenantId.of("72f988bf-86f1-41af-91ab-2d7cd011db47").isGuid()).isTrue();
        assertThat(TenantId.of("contoso.onmicrosoft.com").isGuid()).isFalse();
        assertThatThrownBy(() -> TenantId.of("contoso")).hasMessageContaining("neither a tenant GUID nor a domain");
        assertThatThrownBy(() -> TenantId.of("12345678-1234")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsDaysUntilTheSecretExpires() {
        FakeTime time = new FakeTime(Instant.parse("2026-11-22T00:00:00Z"));
        AppCredential credential =
                valid().secretExpiresAt(time.instant().plus(Duration.ofDays(5))).build();

        assertThat(credential.daysUntilSecretExpires(time)).contains(5L);
        time.advance(Duration.ofDays(6));
        assertThat(credential.daysUntilSecretExpires(time)).contains(-1L);
        assertThat(valid().build().daysUntilSecretExpires(time)).isEmpty();
    }

    @Test
    void inMemoryStoreSavesFindsListsAndDeletes() {
        CredentialStore store = new InMemoryCredentialStore();
        store.save(valid().name("b").build());
        store.save(valid().name("a").build());

        assertThat(store.list()).extracting(AppCredential::name).containsExactly("a", "b");
        assertThat(store.find("a")).isPresent();
        assertThat(store.delete("a")).isTrue();
        assertThat(store.delete("a")).isFalse();
        assertThat(store.find("a")).isEmpty();
    }
}
