package dev.entrasync.spring.boot;

import dev.entrasync.Dataset;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code entra-sync.*} properties the auto-configuration builds the runtime and the engine from. Bound once at
 * start-up by Spring Boot; immutable. The client secret is never part of {@link #toString()}.
 *
 * @param enabled Whether entra-sync is configured at all: false leaves out the runtime, the engine, the stores and the
 *     health indicator.
 * @param credential The app registration entra-sync reads tenants with, when the application has no CredentialStore
 *     bean of its own.
 * @param interval How often each mapped tenant is synced (at least one minute); the schedule spreads the tenants over
 *     the interval.
 * @param workers How many tenants are synced at once.
 * @param datasets The datasets synced for tenants mapped with entra-sync.tenants that do not list their own (default:
 *     every dataset).
 * @param tenants Company-to-tenant mappings made at start-up when the company is not mapped yet; tenants mapped by the
 *     application (or onboarding) need not be listed.
 * @param jdbc How entra-sync uses the application's DataSource, when it has one.
 * @param metrics How the engine is bound to the application's Micrometer MeterRegistry, when it has one.
 * @param findings Which security findings are evaluated after each job and stored in the application's database, when
 *     it has one.
 */
@ConfigurationProperties("entra-sync")
public record EntraSyncProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Credential credential,
        @DefaultValue("24h") Duration interval,
        @DefaultValue("8") int workers,

        @DefaultValue({
            "users",
            "devices",
            "groups",
            "licenses",
            "roles",
            "audit_logs",
            "secure_scores",
            "tenant_profile",
            "sign_in_activity",
            "conditional_access",
            "applications",
            "managed_devices"
        })
        Set<Dataset> datasets,

        List<Tenant> tenants,
        @DefaultValue Jdbc jdbc,
        @DefaultValue Metrics metrics,
        @DefaultValue FindingRules findings) {

    /**
     * Copies the collections; an empty {@code datasets} means every dataset, a null {@code tenants} none.
     *
     * @param enabled whether entra-sync is configured at all
     * @param credential the credential's properties; never null when bound by Spring
     * @param interval how often each tenant is synced
     * @param workers how many tenants are synced at once
     * @param datasets the datasets of tenants mapped from properties; null or empty for every dataset
     * @param tenants the mappings made at start-up; may be null
     * @param jdbc how the application's DataSource is used; never null when bound by Spring
     * @param metrics how the engine is bound to Micrometer; never null when bound by Spring
     * @param findings which findings are evaluated; never null when bound by Spring
     */
    public EntraSyncProperties {
        datasets = datasets == null || datasets.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.allOf(Dataset.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(datasets));
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    /**
     * {@code entra-sync.credential.*}: one app registration, with the secret from the environment.
     *
     * @param name The credential's name, which tenant mappings refer to.
     * @param cloud The Microsoft cloud of the app registration: global, usgov, usgov-dod or china; custom (with
     *     login-url and graph-url) for tests and sovereign or simulated endpoints.
     * @param loginUrl The login (authority) base URL when cloud is custom, e.g. http://127.0.0.1:50123 for a simulated
     *     cloud.
     * @param graphUrl The Microsoft Graph base URL (without /v1.0) when cloud is custom.
     * @param homeTenant The tenant the app registration lives in: its GUID or a verified domain such as
     *     northwindmsp.onmicrosoft.com.
     * @param clientId The application (client) ID of the multi-tenant app registration.
     * @param clientSecret The client secret's Value. Resolve it from an environment variable (client-secret:
     *     ${ENTRA_CLIENT_SECRET}) rather than writing it into a file; it is never logged and masked in Actuator.
     */
    public record Credential(
            @DefaultValue("default") String name,
            @DefaultValue("global") String cloud,
            String loginUrl,
            String graphUrl,
            String homeTenant,
            String clientId,
            String clientSecret) {

        /**
         * The credential's properties, the secret masked.
         *
         * @return every property but the secret, which shows as {@code ******} when set
         */
        @Override
        public String toString() {
            return "Credential[name=" + name + ", cloud=" + cloud + ", loginUrl=" + loginUrl + ", graphUrl=" + graphUrl
                    + ", homeTenant=" + homeTenant + ", clientId=" + clientId + ", clientSecret="
                    + (clientSecret == null || clientSecret.isEmpty() ? "(not set)" : "******") + "]";
        }
    }

    /**
     * {@code entra-sync.tenants[n].*}: one company mapped to one tenant at start-up.
     *
     * @param companyId The application's id of the company.
     * @param tenantId The tenant's GUID (its Directory ID).
     * @param name The tenant's name, shown in logs and the health details.
     * @param datasets What to sync for this tenant (default: entra-sync.datasets).
     * @param credential The credential that reads the tenant (default: entra-sync.credential.name).
     */
    public record Tenant(String companyId, String tenantId, String name, Set<Dataset> datasets, String credential) {}

    /**
     * {@code entra-sync.jdbc.*}: the tables entra-sync keeps in the application's database.
     *
     * @param tablePrefix The prefix of every table entra-sync creates: a lower-case letter and up to 23 lower-case
     *     letters, digits or underscores, or empty.
     * @param migrate Whether entra-sync applies its schema migrations (Flyway, with a history table of its own) at
     *     start-up; false only checks that the schema is current.
     */
    public record Jdbc(
            @DefaultValue("entra_") String tablePrefix,
            @DefaultValue("true") boolean migrate) {}

    /**
     * {@code entra-sync.metrics.*}: the Micrometer binding (entra-sync-micrometer) of the engine.
     *
     * @param enabled Whether the engine's meters (and observations, with an ObservationRegistry) go to the
     *     application's MeterRegistry when it has one.
     * @param tenantTags Whether the meters also carry a tenant tag: one series per tenant and meter, for small fleets
     *     only.
     */
    public record Metrics(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("false") boolean tenantTags) {}

    /**
     * {@code entra-sync.findings.*}: the security findings (entra-sync's built-in rules and the application's own
     * {@code FindingRule} beans) evaluated after each job and stored in the findings table of entra-sync-jdbc.
     *
     * @param enabled Whether findings are evaluated and stored after each job (needs a DataSource).
     * @param disabledRules Ids of built-in rules not to evaluate, such as inactive-accounts or unassigned-licenses.
     * @param appCredentialsExpiringWithin How far ahead an expiring application secret or certificate is reported
     *     (rule app-credentials-expiring).
     * @param inactiveAfter How long without a sign-in makes an enabled, licensed account inactive (rule
     *     inactive-accounts).
     * @param secureScoreDropPoints How many points the secure score must fall within secure-score-drop-window to be
     *     reported (rule secure-score-drop).
     * @param secureScoreDropWindow The window the secure score's fall is measured over (rule secure-score-drop).
     * @param privilegedRoleAssignedWithin How far back a privileged role assignment in the audit log is reported (rule
     *     privileged-role-assigned-recently).
     */
    public record FindingRules(
            @DefaultValue("true") boolean enabled,
            List<String> disabledRules,
            @DefaultValue("30d") Duration appCredentialsExpiringWithin,
            @DefaultValue("90d") Duration inactiveAfter,
            @DefaultValue("5") double secureScoreDropPoints,
            @DefaultValue("7d") Duration secureScoreDropWindow,
            @DefaultValue("1d") Duration privilegedRoleAssignedWithin) {

        /**
         * Copies the list; null is read as empty.
         *
         * @param enabled whether findings are evaluated
         * @param disabledRules rule ids not evaluated; may be null
         * @param appCredentialsExpiringWithin the app-credentials-expiring window
         * @param inactiveAfter the inactive-accounts window
         * @param secureScoreDropPoints the secure-score-drop threshold in points
         * @param secureScoreDropWindow the secure-score-drop window
         * @param privilegedRoleAssignedWithin the privileged-role-assigned-recently window
         */
        public FindingRules {
            disabledRules = disabledRules == null ? List.of() : List.copyOf(disabledRules);
        }
    }
}
