package dev.entrasync.onboarding;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.InMemoryCredentialStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OnboardingBuilderTest {

    @Test
    void buildNamesEveryMissingPart() {
        assertThatThrownBy(() -> Onboarding.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("Onboarding.builder() is missing credentials(CredentialStore), consents(ConsentStore),"
                        + " stateKey(byte[]), redirectUri(String)");
    }

    @Test
    void refusesAShortStateKey() {
        assertThatThrownBy(() -> Onboarding.builder().stateKey(new byte[31]))
                .hasMessage("stateKey: must be at least 32 bytes (256 bits) of random data, was 31 bytes");
    }

    @Test
    void refusesARedirectUriThatIsNotHttpsOrLocal() {
        Onboarding.Builder builder = Onboarding.builder().credentials(new InMemoryCredentialStore());
        builder.redirectUri("http://localhost:8080/consent");
        assertThatThrownBy(() -> builder.redirectUri("http://rmm.example.com/consent")).hasMessageStartingWith("redirectUri:");
        assertThatThrownBy(() -> builder.redirectUri("/consent")).hasMessageStartingWith("redirectUri:");
        assertThatThrownBy(() -> builder.redirectUri("https://rmm.example.com/c#x")).hasMessageStartingWith("redirectUri:");
    }

    @Test
    void refusesWindowsOutOfRange() {
        assertThatThrownBy(() -> Onboarding.builder().propagationWindow(Duration.ofHours(2)))
                .hasMessageStartingWith("propagationWindow:");
        assertThatThrownBy(() -> Onboarding.builder().stateLifetime(Duration.ofSeconds(30)))
                .hasMessageStartingWith("stateLifetime:");
    }
}
