package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.ColumnType.TEXT;
import static dev.entrasync.jdbc.internal.ColumnType.TIMESTAMP;
import static dev.entrasync.jdbc.internal.ColumnType.VARCHAR;

import dev.entrasync.Dataset;
import dev.entrasync.model.AuditTarget;
import dev.entrasync.model.EntraAuditEvent;
import java.util.List;

/** The {@code audit_events} table: {@link EntraAuditEvent}, appended and de-duplicated on id. */
final class AuditEventsTable {

    private AuditEventsTable() {}

    static final DatasetTable<EntraAuditEvent> TABLE = new DatasetTable<>(
            Dataset.AUDIT_LOGS,
            "audit_events",
            EntraAuditEvent.class,
            List.of(
                    Column.of("activity_at", TIMESTAMP, EntraAuditEvent::activityDateTime),
                    Column.of("activity_display_name", VARCHAR, EntraAuditEvent::activityDisplayName),
                    Column.of("category", VARCHAR, EntraAuditEvent::category),
                    Column.of("operation_type", VARCHAR, EntraAuditEvent::operationType),
                    Column.of("result", VARCHAR, EntraAuditEvent::result),
                    Column.of("result_reason", TEXT, EntraAuditEvent::resultReason),
                    Column.of("logged_by_service", VARCHAR, EntraAuditEvent::loggedByService),
                    Column.of("correlation_id", VARCHAR, EntraAuditEvent::correlationId),
                    Column.of("initiated_by_user_id", VARCHAR, EntraAuditEvent::initiatedByUserId),
                    Column.of(
                            "initiated_by_user_principal_name", VARCHAR, EntraAuditEvent::initiatedByUserPrincipalName),
                    Column.of("initiated_by_app_id", VARCHAR, EntraAuditEvent::initiatedByAppId),
                    Column.of("initiated_by_app_name", VARCHAR, EntraAuditEvent::initiatedByAppName),
                    Column.of("initiator_ip_address", VARCHAR, EntraAuditEvent::initiatorIpAddress),
                    Column.of("target_resources", TEXT, e -> JsonText.write(e.targetResources()))),
            true,
            row -> new EntraAuditEvent(
                    row.string("id"),
                    row.instant("activity_at"),
                    row.string("activity_display_name"),
                    row.string("category"),
                    row.string("operation_type"),
                    row.string("result"),
                    row.string("result_reason"),
                    row.string("logged_by_service"),
                    row.string("correlation_id"),
                    row.string("initiated_by_user_id"),
                    row.string("initiated_by_user_principal_name"),
                    row.string("initiated_by_app_id"),
                    row.string("initiated_by_app_name"),
                    row.string("initiator_ip_address"),
                    row.objects("target_resources", AuditTarget.class)));
}
