package dev.entrasync.examples.support;

import dev.entrasync.Dataset;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.TenantId;
import dev.entrasync.jdbc.JdbcQueries;
import dev.entrasync.model.EntraRecord;
import java.util.List;

/** Where a sample host reads synced records back: its database ({@link JdbcQueries}) or an in-memory sink. */
@FunctionalInterface
public interface RecordSource {

    /** The tenant's current records of one type, e.g. {@code EntraUser.class}. */
    <R extends EntraRecord> List<R> records(TenantId tenant, Class<R> type);

    /** How many current records of one type the tenant has; by default by reading them. */
    default long count(TenantId tenant, Class<? extends EntraRecord> type) {
        return records(tenant, type).size();
    }

    /** The records in the host's database; counts are counted by the database, not by reading the rows. */
    static RecordSource of(JdbcQueries queries) {
        return new RecordSource() {
            @Override
            public <R extends EntraRecord> List<R> records(TenantId tenant, Class<R> type) {
                return queries.records(tenant, type);
            }

            @Override
            public long count(TenantId tenant, Class<? extends EntraRecord> type) {
                return queries.count(tenant, type);
            }
        };
    }

    /** The records in an in-memory sink (each dataset's records filtered by type). */
    static RecordSource of(InMemoryDatasetSink sink) {
        return new RecordSource() {
            @Override
            public <R extends EntraRecord> List<R> records(TenantId tenant, Class<R> type) {
                return sink.<EntraRecord>records(tenant, datasetOf(type)).stream()
                        .filter(type::isInstance)
                        .map(type::cast)
                        .toList();
            }
        };
    }

    private static Dataset datasetOf(Class<? extends EntraRecord> type) {
        return switch (type.getSimpleName()) {
            case "EntraUser" -> Dataset.USERS;
            case "EntraDevice" -> Dataset.DEVICES;
            case "EntraGroup" -> Dataset.GROUPS;
            case "EntraLicense" -> Dataset.LICENSES;
            case "EntraRole" -> Dataset.ROLES;
            case "EntraAuditEvent" -> Dataset.AUDIT_LOGS;
            case "EntraSecureScore", "EntraSecureScoreControl" -> Dataset.SECURE_SCORES;
            case "EntraTenantProfile" -> Dataset.TENANT_PROFILE;
            case "EntraSignInActivity" -> Dataset.SIGN_IN_ACTIVITY;
            case "EntraConditionalAccessPolicy", "EntraSecurityDefaults" -> Dataset.CONDITIONAL_ACCESS;
            case "EntraApplication" -> Dataset.APPLICATIONS;
            case "EntraManagedDevice" -> Dataset.MANAGED_DEVICES;
            default -> throw new IllegalArgumentException("no dataset delivers " + type.getName());
        };
    }
}
