package dev.entrasync.spring.boot;

import static dev.entrasync.spring.boot.EntraSyncAutoConfigurationTest.SECRET;
import static dev.entrasync.spring.boot.EntraSyncAutoConfigurationTest.runner;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.test.context.FilteredClassLoader;

/** The client secret stays masked in Actuator's env endpoint, even with show-values=always. */
class EntraSyncActuatorTest {

    @Test
    void theSecretAndTheVariableItCameFromAreMaskedEvenWhenValuesAreShown() {
        runner().run(context -> {
            EnvironmentEndpoint endpoint = new EnvironmentEndpoint(
                    context.getEnvironment(),
                    context.getBeanProvider(SanitizingFunction.class)
                            .orderedStream()
                            .toList(),
                    Show.ALWAYS);

            assertThat(values(endpoint, "entra-sync.credential.client-secret"))
                    .isNotEmpty()
                    .containsOnly(SanitizableData.SANITIZED_VALUE);
            assertThat(values(endpoint, "ENTRA_CLIENT_SECRET"))
                    .isNotEmpty()
                    .containsOnly(SanitizableData.SANITIZED_VALUE);
            // other values are still shown
            assertThat(values(endpoint, "entra-sync.credential.client-id"))
                    .containsOnly(EntraSyncAutoConfigurationTest.CLIENT_ID);
            assertThat(endpoint.environment(null).toString()).doesNotContain(SECRET);
        });
    }

    @Test
    void withoutActuatorThereIsNoSanitizer() {
        runner().withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).doesNotHaveBean("entraSyncSecretSanitizer"));
    }

    private static List<Object> values(EnvironmentEndpoint endpoint, String property) {
        EnvironmentEndpoint.EnvironmentEntryDescriptor entry = endpoint.environmentEntry(property);
        return entry.getPropertySources().stream()
                .map(EnvironmentEndpoint.PropertySourceEntryDescriptor::getProperty)
                .filter(Objects::nonNull)
                .map(EnvironmentEndpoint.PropertyValueDescriptor::getValue)
                .toList();
    }
}
