package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.ColumnType.BOOLEAN;
import static dev.entrasync.jdbc.internal.ColumnType.INTEGER;
import static dev.entrasync.jdbc.internal.ColumnType.TEXT;
import static dev.entrasync.jdbc.internal.ColumnType.TIMESTAMP;
import static dev.entrasync.jdbc.internal.ColumnType.VARCHAR;

import dev.entrasync.Dataset;
import dev.entrasync.model.ConditionalAccessGrant;
import dev.entrasync.model.ConditionalAccessSession;
import dev.entrasync.model.EntraConditionalAccessPolicy;
import dev.entrasync.model.EntraSecurityDefaults;
import java.util.List;

/**
 * The Conditional Access dataset's two tables: {@code conditional_access_policies} ({@link
 * EntraConditionalAccessPolicy}: the include/exclude lists as JSON text, the grant and session controls as columns, and
 * {@code enforces_mfa_for_all_users} for SQL findings) and {@code security_defaults} ({@link EntraSecurityDefaults},
 * one row per tenant). Both replaced on every run.
 */
final class ConditionalAccessTable {

    private ConditionalAccessTable() {}

    static final DatasetTable<EntraConditionalAccessPolicy> POLICIES = new DatasetTable<>(
            Dataset.CONDITIONAL_ACCESS,
            "conditional_access_policies",
            EntraConditionalAccessPolicy.class,
            List.of(
                    Column.of("display_name", VARCHAR, EntraConditionalAccessPolicy::displayName),
                    Column.of("state", VARCHAR, EntraConditionalAccessPolicy::state),
                    Column.of("created_at", TIMESTAMP, EntraConditionalAccessPolicy::createdDateTime),
                    Column.of("modified_at", TIMESTAMP, EntraConditionalAccessPolicy::modifiedDateTime),
                    Column.of("include_users", TEXT, p -> JsonText.write(p.includeUsers())),
                    Column.of("exclude_users", TEXT, p -> JsonText.write(p.excludeUsers())),
                    Column.of("include_groups", TEXT, p -> JsonText.write(p.includeGroups())),
                    Column.of("exclude_groups", TEXT, p -> JsonText.write(p.excludeGroups())),
                    Column.of("include_roles", TEXT, p -> JsonText.write(p.includeRoles())),
                    Column.of("exclude_roles", TEXT, p -> JsonText.write(p.excludeRoles())),
                    Column.of("include_applications", TEXT, p -> JsonText.write(p.includeApplications())),
                    Column.of("exclude_applications", TEXT, p -> JsonText.write(p.excludeApplications())),
                    Column.of("include_user_actions", TEXT, p -> JsonText.write(p.includeUserActions())),
                    Column.of("client_app_types", TEXT, p -> JsonText.write(p.clientAppTypes())),
                    Column.of("grant_operator", VARCHAR, p -> p.grant().operator()),
                    Column.of(
                            "built_in_controls",
                            TEXT,
                            p -> JsonText.write(p.grant().builtInControls())),
                    Column.of(
                            "authentication_strength_id",
                            VARCHAR,
                            p -> p.grant().authenticationStrengthId()),
                    Column.of(
                            "authentication_strength_name",
                            VARCHAR,
                            p -> p.grant().authenticationStrengthName()),
                    Column.of(
                            "sign_in_frequency_value", INTEGER, p -> p.session().signInFrequencyValue()),
                    Column.of(
                            "sign_in_frequency_type", VARCHAR, p -> p.session().signInFrequencyType()),
                    Column.of(
                            "sign_in_frequency_interval",
                            VARCHAR,
                            p -> p.session().signInFrequencyInterval()),
                    Column.of(
                            "persistent_browser_mode", VARCHAR, p -> p.session().persistentBrowserMode()),
                    Column.of(
                            "cloud_app_security_type", VARCHAR, p -> p.session().cloudAppSecurityType()),
                    Column.of(
                            "app_enforced_restrictions",
                            BOOLEAN,
                            p -> p.session().applicationEnforcedRestrictions()),
                    Column.of(
                            "disable_resilience_defaults",
                            BOOLEAN,
                            p -> p.session().disableResilienceDefaults()),
                    Column.of(
                            "enforces_mfa_for_all_users",
                            BOOLEAN,
                            EntraConditionalAccessPolicy::enforcesMfaForAllUsers)),
            false,
            row -> new EntraConditionalAccessPolicy(
                    row.string("id"),
                    row.string("display_name"),
                    row.string("state"),
                    row.instant("created_at"),
                    row.instant("modified_at"),
                    row.strings("include_users"),
                    row.strings("exclude_users"),
                    row.strings("include_groups"),
                    row.strings("exclude_groups"),
                    row.strings("include_roles"),
                    row.strings("exclude_roles"),
                    row.strings("include_applications"),
                    row.strings("exclude_applications"),
                    row.strings("include_user_actions"),
                    row.strings("client_app_types"),
                    new ConditionalAccessGrant(
                            row.string("grant_operator"),
                            row.strings("built_in_controls"),
                            row.string("authentication_strength_id"),
                            row.string("authentication_strength_name")),
                    new ConditionalAccessSession(
                            row.integer("sign_in_frequency_value"),
                            row.string("sign_in_frequency_type"),
                            row.string("sign_in_frequency_interval"),
                            row.string("persistent_browser_mode"),
                            row.string("cloud_app_security_type"),
                            row.bool("app_enforced_restrictions"),
                            row.bool("disable_resilience_defaults"))));

    static final DatasetTable<EntraSecurityDefaults> SECURITY_DEFAULTS = new DatasetTable<>(
            Dataset.CONDITIONAL_ACCESS,
            "security_defaults",
            EntraSecurityDefaults.class,
            List.of(
                    Column.of("display_name", VARCHAR, EntraSecurityDefaults::displayName),
                    Column.of("is_enabled", BOOLEAN, EntraSecurityDefaults::enabled)),
            false,
            row -> new EntraSecurityDefaults(row.string("id"), row.string("display_name"), row.bool("is_enabled")));
}
