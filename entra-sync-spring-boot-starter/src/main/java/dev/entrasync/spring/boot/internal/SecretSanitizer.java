package dev.entrasync.spring.boot.internal;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Masks {@code entra-sync.credential.client-secret} (as a property, a relaxed spelling or an environment variable)
 * and every value equal to the configured secret, in Actuator's {@code env} and {@code configprops}.
 */
public final class SecretSanitizer implements SanitizingFunction {

    private final Environment environment;

    /**
     * A sanitizer reading the configured secret from the environment when asked.
     *
     * @param environment the application's environment
     */
    public SecretSanitizer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        if (data.getValue() == null) {
            return data;
        }
        String key = data.getKey()
                .toLowerCase(Locale.ROOT)
                .replace("-", "")
                .replace("_", "")
                .replace(".", "");
        if (key.endsWith("entrasynccredentialclientsecret") || key.equals("clientsecret")) {
            return data.withSanitizedValue();
        }
        String secret;
        try {
            secret = Binder.get(environment)
                    .bind("entra-sync.credential.client-secret", String.class)
                    .orElse(null);
        } catch (RuntimeException e) { // an unresolvable ${...}: no secret to compare with
            secret = null;
        }
        if (secret != null && !secret.isEmpty() && secret.equals(data.getValue().toString())) {
            return data.withSanitizedValue();
        }
        return data;
    }
}
