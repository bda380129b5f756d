package dev.entrasync.benchmark;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.AuthenticationMethod;
import com.microsoft.graph.models.Device;
import com.microsoft.graph.models.DeviceCollectionResponse;
import com.microsoft.graph.models.DirectoryAudit;
import com.microsoft.graph.models.DirectoryAuditCollectionResponse;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryRole;
import com.microsoft.graph.models.EmailAuthenticationMethod;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.Organization;
import com.microsoft.graph.models.PasswordAuthenticationMethod;
import com.microsoft.graph.models.SecureScoreControlProfile;
import com.microsoft.graph.models.SecureScoreControlProfileCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.serialization.AdditionalDataHolder;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a Java developer writes from the Microsoft Graph SDK docs to read one tenant: the same
 * datasets entra-sync syncs, each the way the SDK's docs and samples show it, default page sizes,
 * {@link PageIterator} for every collection, one call per user for MFA
 * ({@code /users/{id}/authentication/methods}), one call per role for its members and one per
 * group for its member count ({@code /groups/{id}/members/$count}); the SDK's default retry
 * handler. Rows are gathered per tenant and then handed on (counted), as such code saves them.
 */
final class NaiveSdkLoop {

    /** The user fields entra-sync keeps, selected as the SDK docs show {@code $select}. */
    static final String[] USER_FIELDS = {
        "id",
        "userPrincipalName",
        "displayName",
        "accountEnabled",
        "userType",
        "createdDateTime",
        "lastPasswordChangeDateTime",
        "otherMails",
        "passwordPolicies",
        "assignedLicenses"
    };

    /** A user row: the fields, the names of its directory roles and whether it registered MFA. */
    record UserRow(User user, List<String> roles, boolean mfaRegistered, int methods) {}

    /** Days of audit events and secure scores read: the same window entra-sync's first run reads. */
    static final int LOOKBACK_DAYS =
            (int) EntraSyncSide.CONFIG.firstRunLookback().toDays();

    private final GraphServiceClient graph;

    NaiveSdkLoop(GraphServiceClient graph) {
        this.graph = graph;
    }

    /** Reads every dataset of the tenant; returns the rows per dataset. */
    Map<String, List<?>> readTenant(OffsetDateTime now) throws ReflectiveOperationException {
        Map<String, List<?>> rows = new HashMap<>();
        List<DirectoryRole> roles = graph.directoryRoles().get().getValue();
        Map<String, List<String>> rolesByMember = new HashMap<>();
        List<Object> roleRows = new ArrayList<>();
        for (DirectoryRole role : roles) {
            List<DirectoryObject> members = graph.directoryRoles()
                    .byDirectoryRoleId(role.getId())
                    .members()
                    .get()
                    .getValue();
            for (DirectoryObject member : members) {
                rolesByMember
                        .computeIfAbsent(member.getId(), k -> new ArrayList<>())
                        .add(role.getDisplayName());
            }
            roleRows.add(List.of(role, members));
        }
        rows.put("roles", roleRows);
        rows.put("licenses", graph.subscribedSkus().get().getValue());
        rows.put("users", users(rolesByMember));
        rows.put(
                "devices",
                all(graph.devices().get(), DeviceCollectionResponse::createFromDiscriminatorValue, Device.class));
        List<Object> groups = new ArrayList<>();
        for (Group group :
                all(graph.groups().get(), GroupCollectionResponse::createFromDiscriminatorValue, Group.class)) {
            Integer count = graph.groups()
                    .byGroupId(group.getId())
                    .members()
                    .count()
                    .get(rc -> rc.headers.add("ConsistencyLevel", "eventual"));
            groups.add(List.of(group, count));
        }
        rows.put("groups", groups);
        String since = now.minusDays(LOOKBACK_DAYS).withNano(0).toString();
        rows.put(
                "audit_logs",
                all(
                        graph.auditLogs()
                                .directoryAudits()
                                .get(rc -> rc.queryParameters.filter = "activityDateTime ge " + since),
                        DirectoryAuditCollectionResponse::createFromDiscriminatorValue,
                        DirectoryAudit.class));
        List<Object> scores = new ArrayList<>(graph.security()
                .secureScores()
                .get(rc -> rc.queryParameters.top = LOOKBACK_DAYS)
                .getValue());
        scores.addAll(all(
                graph.security().secureScoreControlProfiles().get(),
                SecureScoreControlProfileCollectionResponse::createFromDiscriminatorValue,
                SecureScoreControlProfile.class));
        rows.put("secure_scores", scores);
        List<Organization> organization = graph.organization().get().getValue();
        rows.put("tenant_profile", organization);
        return rows;
    }

    private List<UserRow> users(Map<String, List<String>> rolesByMember) throws ReflectiveOperationException {
        List<UserRow> rows = new ArrayList<>();
        UserCollectionResponse first = graph.users().get(rc -> rc.queryParameters.select = USER_FIELDS);
        iterate(first, UserCollectionResponse::createFromDiscriminatorValue, (User user) -> {
            List<AuthenticationMethod> methods = graph.users()
                    .byUserId(user.getId())
                    .authentication()
                    .methods()
                    .get()
                    .getValue();
            boolean mfa = methods.stream()
                    .anyMatch(m ->
                            !(m instanceof PasswordAuthenticationMethod) && !(m instanceof EmailAuthenticationMethod));
            rows.add(new UserRow(user, rolesByMember.getOrDefault(user.getId(), List.of()), mfa, methods.size()));
            return true;
        });
        return rows;
    }

    private <E extends Parsable, P extends Parsable & AdditionalDataHolder> List<E> all(
            P first, ParsableFactory<P> factory, Class<E> type) throws ReflectiveOperationException {
        List<E> items = new ArrayList<>();
        iterate(first, factory, (E item) -> items.add(type.cast(item)));
        return items;
    }

    private <E extends Parsable, P extends Parsable & AdditionalDataHolder> void iterate(
            P first, ParsableFactory<P> factory, Function<E, Boolean> each) throws ReflectiveOperationException {
        PageIterator<E, P> pages = new PageIterator.Builder<E, P>()
                .client(graph)
                .collectionPage(first)
                .collectionPageFactory(factory)
                .processPageItemCallback(each)
                .build();
        pages.iterate();
    }

    /** The number of rows of each dataset (secure scores and control profiles are one, as in entra-sync). */
    static Map<String, Long> counts(Map<String, List<?>> rows) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach((dataset, list) -> counts.put(dataset, (long) list.size()));
        return counts;
    }
}
