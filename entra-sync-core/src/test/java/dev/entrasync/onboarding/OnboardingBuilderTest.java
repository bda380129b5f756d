package dev.entrasync.onboarding;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.runtime.EntraSync;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OnboardingBuilderTest {

    private final EntraSync runtime =
            EntraSync.builder().credentials(new InMemoryCredentialStore()).build();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void buildNamesEveryMissingPart() {
        assertThatThrownBy(() -> EntraSync.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("EntraSync.builder() is missing credentials(CredentialStore)");
        assertThatThrownBy(() -> runtime.onboarding().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("EntraSync.onboarding() is missing consents(ConsentStore),"
                        + " stateKey(byte[]), redirectUri(String)");
    }

    @Test
    void refusesAShortStateKey() {
        assertThatThrownBy(() -> runtime.onboarding().stateKey(new byte[31]))
                .hasMessage("stateKey: must be at least 32 bytes (256 bits) of random data, was 31 bytes");
    }

    @Test
    void refusesARedirectUriThatIsNotHttpsOrLocal() {
        Onboarding.Builder builder = runtime.onboarding();
        builder.redirectUri("http://localhost:8080/consent");
        assertThatThrownBy(() -> builder.redirectUri("http://rmm.example.com/consent"))
                .hasMessageStartingWith("redirectUri:");
        assertThatThrownBy(() -> builder.redirectUri("/consent")).hasMessageStartingWith("redirectUri:");
        assertThatThrownBy(() -> builder.redirectUri("https://rmm.example.com/c#x"))
                .hasMessageStartingWith("redirectUri:");
    }

    @Test
    void refusesWindowsOutOfRange() {
        assertThatThrownBy(() -> runtime.onboarding().propagationWindow(Duration.ofHours(2)))
                .hasMessageStartingWith("propagationWindow:");
        assertThatThrownBy(() -> runtime.onboarding().stateLifetime(Duration.ofSeconds(30)))
                .hasMessageStartingWith("stateLifetime:");
    }
}
