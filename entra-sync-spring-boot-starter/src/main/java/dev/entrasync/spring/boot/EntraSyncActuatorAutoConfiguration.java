package dev.entrasync.spring.boot;

import dev.entrasync.spring.boot.internal.SecretSanitizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Masks the client secret in Actuator's {@code env} and {@code configprops} endpoints, even where the application
 * shows values ({@code management.endpoint.env.show-values=always}): the property
 * {@code entra-sync.credential.client-secret} under any of its spellings, and any other property (such as the
 * environment variable it is resolved from) whose value is that secret. Present when {@code spring-boot-actuator} is.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
public class EntraSyncActuatorAutoConfiguration {

    /** Created by Spring Boot. */
    public EntraSyncActuatorAutoConfiguration() {}

    @Bean
    SecretSanitizer entraSyncSecretSanitizer(Environment environment) {
        return new SecretSanitizer(environment);
    }
}
