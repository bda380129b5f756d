package dev.entrasync.spring.boot.internal;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.TenantId;
import dev.entrasync.spring.boot.EntraSyncProperties;
import dev.entrasync.spring.boot.EntraSyncPropertyException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The credential of {@code entra-sync.credential.*}, checked property by property. */
public final class PropertyCredentials {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");
    private static final String PREFIX = "entra-sync.credential.";
    private static final String NO_CREDENTIAL = " Or define a CredentialStore bean of your own (its credentials are"
            + " used instead of these properties), or turn entra-sync off with entra-sync.enabled=false.";

    private PropertyCredentials() {}

    /**
     * The credential the properties describe.
     *
     * @param properties the bound {@code entra-sync.credential.*} properties
     * @return the credential; never null
     * @throws EntraSyncPropertyException naming the first property missing or wrong, never with the secret's value
     */
    public static AppCredential credential(EntraSyncProperties.Credential properties) {
        String clientId = required(
                properties.clientId(),
                "client-id",
                "Set it to the Application (client) ID on your multi-tenant app registration's Overview page.");
        String homeTenant = required(
                properties.homeTenant(),
                "home-tenant",
                "Set it to the tenant your app registration lives in: its Directory (tenant) ID or a verified domain"
                        + " such as northwindmsp.onmicrosoft.com.");
        if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
            throw new EntraSyncPropertyException(
                    PREFIX + "client-secret",
                    "is not set, and entra-sync needs the client secret of app registration " + clientId
                            + " to get tokens",
                    "Set it from an environment variable: in application.yml write"
                            + " 'entra-sync.credential.client-secret: ${ENTRA_CLIENT_SECRET}' and export"
                            + " ENTRA_CLIENT_SECRET with the secret's Value (or export"
                            + " ENTRA_SYNC_CREDENTIAL_CLIENT_SECRET directly)." + NO_CREDENTIAL,
                    null);
        }
        Matcher placeholder = PLACEHOLDER.matcher(properties.clientSecret().trim());
        if (placeholder.matches()) {
            // Boot's binder leaves a placeholder it cannot resolve as it is: the secret would be its text
            String variable = placeholder.group(1);
            throw new EntraSyncPropertyException(
                    PREFIX + "client-secret",
                    "is '" + placeholder.group() + "', a placeholder nothing resolved: " + variable
                            + " is neither an environment variable nor a property of the application",
                    "Export " + variable + " with the client secret's Value before starting the application (or"
                            + " pass it as --" + variable + "=... or a system property)." + NO_CREDENTIAL,
                    null);
        }
        Cloud cloud = cloud(properties);
        TenantId home = checked("home-tenant", () -> TenantId.of(homeTenant));
        return checked(
                "client-id",
                () -> AppCredential.builder()
                        .name(properties.name())
                        .cloud(cloud)
                        .homeTenant(home)
                        .clientId(clientId)
                        .secret(properties.clientSecret())
                        .build());
    }

    private static Cloud cloud(EntraSyncProperties.Credential properties) {
        String name = properties.cloud() == null ? "global" : properties.cloud().trim();
        boolean urls = properties.loginUrl() != null || properties.graphUrl() != null;
        if (!"custom".equalsIgnoreCase(name)) {
            if (urls) {
                throw new EntraSyncPropertyException(
                        PREFIX + "cloud",
                        "is '" + name + "', but login-url or graph-url is set, and those are used only for"
                                + " cloud 'custom'",
                        "Set entra-sync.credential.cloud=custom to use your own endpoints (tests, simulated or"
                                + " sovereign clouds), or remove login-url and graph-url.",
                        null);
            }
            return checked("cloud", () -> Cloud.of(name));
        }
        String login = required(
                properties.loginUrl(),
                "login-url",
                "Cloud 'custom' needs the login (authority) base URL, e.g. http://127.0.0.1:50123 for a simulated"
                        + " cloud.");
        String graph = required(
                properties.graphUrl(),
                "graph-url",
                "Cloud 'custom' needs the Microsoft Graph base URL (without /v1.0), e.g. http://127.0.0.1:50124.");
        try {
            return Cloud.custom(login, graph);
        } catch (IllegalArgumentException e) {
            String property =
                    e.getMessage() != null && e.getMessage().startsWith("graphUrl") ? "graph-url" : "login-url";
            throw new EntraSyncPropertyException(PREFIX + property, e.getMessage(), "Fix the URL.", e);
        }
    }

    private static String required(String value, String property, String action) {
        if (value == null || value.isBlank()) {
            throw new EntraSyncPropertyException(PREFIX + property, "is not set", action + NO_CREDENTIAL, null);
        }
        return value.trim();
    }

    /** Runs a core factory, naming the property of the field its IllegalArgumentException names. */
    private static <T> T checked(String fallbackProperty, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "is not valid" : e.getMessage();
            String property = message.startsWith("name") ? "name" : fallbackProperty;
            throw new EntraSyncPropertyException(PREFIX + property, message, "Fix the property's value.", e);
        }
    }
}
