package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.ColumnType.BOOLEAN;
import static dev.entrasync.jdbc.internal.ColumnType.INTEGER;
import static dev.entrasync.jdbc.internal.ColumnType.TEXT;
import static dev.entrasync.jdbc.internal.ColumnType.TIMESTAMP;
import static dev.entrasync.jdbc.internal.ColumnType.VARCHAR;

import dev.entrasync.Dataset;
import dev.entrasync.model.ApplicationCredential;
import dev.entrasync.model.EntraApplication;
import java.time.Instant;
import java.util.List;

/**
 * The {@code applications} table: {@link EntraApplication}, app registrations and service principals. The credentials
 * are JSON text beside their count and the soonest expiry ({@code next_credential_expiry}, indexed, so "which secrets
 * expire in the next 30 days" is one indexed query); the Graph permissions are a JSON list of names.
 */
final class ApplicationsTable {

    private ApplicationsTable() {}

    /** A credential as JSON: the record's components, instants as ISO text. */
    record StoredCredential(
            String keyId,
            String kind,
            String displayName,
            String startDateTime,
            String endDateTime,
            String type,
            String usage) {

        static StoredCredential of(ApplicationCredential c) {
            return new StoredCredential(
                    c.keyId(),
                    c.kind().name(),
                    c.displayName(),
                    c.startDateTime() == null ? null : c.startDateTime().toString(),
                    c.endDateTime() == null ? null : c.endDateTime().toString(),
                    c.type(),
                    c.usage());
        }

        ApplicationCredential credential() {
            return new ApplicationCredential(
                    keyId,
                    ApplicationCredential.Kind.valueOf(kind),
                    displayName,
                    startDateTime == null ? null : Instant.parse(startDateTime),
                    endDateTime == null ? null : Instant.parse(endDateTime),
                    type,
                    usage);
        }
    }

    static final DatasetTable<EntraApplication> TABLE = new DatasetTable<>(
            Dataset.APPLICATIONS,
            "applications",
            EntraApplication.class,
            List.of(
                    Column.of("kind", VARCHAR, a -> a.kind().name()),
                    Column.of("app_id", VARCHAR, EntraApplication::appId),
                    Column.of("display_name", VARCHAR, EntraApplication::displayName),
                    Column.of("created_at", TIMESTAMP, EntraApplication::createdDateTime),
                    Column.of("sign_in_audience", VARCHAR, EntraApplication::signInAudience),
                    Column.of("service_principal_type", VARCHAR, EntraApplication::servicePrincipalType),
                    Column.of("account_enabled", BOOLEAN, EntraApplication::accountEnabled),
                    Column.of("app_owner_organization_id", VARCHAR, EntraApplication::appOwnerOrganizationId),
                    Column.of("credential_count", INTEGER, a -> a.credentials().size()),
                    Column.of(
                            "next_credential_expiry",
                            TIMESTAMP,
                            a -> a.nextExpiring()
                                    .map(ApplicationCredential::endDateTime)
                                    .orElse(null)),
                    Column.of(
                            "credentials",
                            TEXT,
                            a -> JsonText.write(a.credentials().stream()
                                    .map(StoredCredential::of)
                                    .toList())),
                    Column.of("graph_permissions", TEXT, a -> JsonText.write(a.graphPermissions()))),
            false,
            row -> new EntraApplication(
                    row.string("id"),
                    EntraApplication.Kind.valueOf(row.string("kind")),
                    row.string("app_id"),
                    row.string("display_name"),
                    row.instant("created_at"),
                    row.string("sign_in_audience"),
                    row.string("service_principal_type"),
                    row.bool("account_enabled"),
                    row.string("app_owner_organization_id"),
                    row.objects("credentials", StoredCredential.class).stream()
                            .map(StoredCredential::credential)
                            .toList(),
                    row.strings("graph_permissions")));
}
