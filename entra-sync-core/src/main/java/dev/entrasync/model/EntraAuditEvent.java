package dev.entrasync.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A directory audit event, from Graph {@code /auditLogs/directoryAudits}. Events only accumulate:
 * an audit-log run appends what happened since the last one. The initiator is a user or an app
 * (Graph sends the other as null).
 *
 * @param id the event id; never null
 * @param activityDateTime when it happened; never null
 * @param activityDisplayName e.g. {@code Add member to role}, or null
 * @param category e.g. {@code RoleManagement}, {@code UserManagement}, or null
 * @param operationType e.g. {@code Add}, {@code Update}, {@code Delete}, or null
 * @param result {@code success}, {@code failure}, {@code timeout} or {@code unknownFutureValue}, or null
 * @param resultReason why it failed, or null
 * @param loggedByService e.g. {@code Core Directory}, or null
 * @param correlationId ties the events of one operation together, or null
 * @param initiatedByUserId the initiating user's object id, or null when an app initiated it
 * @param initiatedByUserPrincipalName the initiating user's UPN, or null
 * @param initiatedByAppId the initiating app's application (client) id, or null when a user initiated it
 * @param initiatedByAppName the initiating app's display name, or null
 * @param initiatorIpAddress the initiating user's IP address, or null (Graph has none for apps)
 * @param targetResources the objects acted on
 */
public record EntraAuditEvent(
        String id,
        Instant activityDateTime,
        String activityDisplayName,
        String category,
        String operationType,
        String result,
        String resultReason,
        String loggedByService,
        String correlationId,
        String initiatedByUserId,
        String initiatedByUserPrincipalName,
        String initiatedByAppId,
        String initiatedByAppName,
        String initiatorIpAddress,
        List<AuditTarget> targetResources)
        implements EntraRecord {

    /**
     * Validates the components; copies the lists into unmodifiable ones, null read as empty.
     *
     * @param id the event id; never null
     * @param activityDateTime when it happened; never null
     * @param activityDisplayName e.g. {@code Add member to role}, or null
     * @param category e.g. {@code RoleManagement}, {@code UserManagement}, or null
     * @param operationType e.g. {@code Add}, {@code Update}, {@code Delete}, or null
     * @param result {@code success}, {@code failure}, {@code timeout} or {@code unknownFutureValue}, or null
     * @param resultReason why it failed, or null
     * @param loggedByService e.g. {@code Core Directory}, or null
     * @param correlationId ties the events of one operation together, or null
     * @param initiatedByUserId the initiating user's object id, or null when an app initiated it
     * @param initiatedByUserPrincipalName the initiating user's UPN, or null
     * @param initiatedByAppId the initiating app's application (client) id, or null when a user initiated it
     * @param initiatedByAppName the initiating app's display name, or null
     * @param initiatorIpAddress the initiating user's IP address, or null (Graph has none for apps)
     * @param targetResources the objects acted on; null is read as empty
     * @throws NullPointerException if {@code id} or {@code activityDateTime} is null
     */
    public EntraAuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(activityDateTime, "activityDateTime");
        targetResources = targetResources == null ? List.of() : List.copyOf(targetResources);
    }
}
