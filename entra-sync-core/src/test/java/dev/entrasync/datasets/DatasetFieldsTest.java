package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entrasync.Dataset;
import dev.entrasync.LicenseCatalog;
import dev.entrasync.SyncResult;
import dev.entrasync.model.AuditTarget;
import dev.entrasync.model.ComparativeScore;
import dev.entrasync.model.ControlScore;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraRoleMember;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSecureScoreControl;
import dev.entrasync.model.EntraTenantProfile;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import dev.entrasync.model.ModifiedProperty;
import dev.entrasync.testkit.ContosoFixture;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every field of every dataset, for at least one row, equals what the simulated Graph served (read
 * independently through {@link GraphProbe}), including the testkit's {@link ContosoFixture} rows: a
 * user with two roles and MFA methods, a guest, a device without Intune, a role whose members are a
 * group and a service principal.
 */
class DatasetFieldsTest {

    private final DatasetsFixture fx = new DatasetsFixture();
    private SimulatedTenant tenant;
    private GraphProbe graph;

    @BeforeEach
    void syncEverything() {
        tenant = fx.tenant(ContosoFixture.build());
        SyncResult result = fx.syncAll(tenant);
        assertThat(result.datasets())
                .allSatisfy(d -> assertThat(d.clean()).as(d.toString()).isTrue());
        graph = fx.probe(tenant);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private <R extends EntraRecord> List<R> records(Dataset dataset) {
        return fx.records(tenant, dataset);
    }

    private static Instant instant(JsonNode node, String field) {
        return node.hasNonNull(field)
                ? OffsetDateTime.parse(node.get(field).asText()).toInstant()
                : null;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Boolean bool(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asBoolean() : null;
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        node.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Role names by member id, as Graph serves the role member lists. */
    private Map<String, List<String>> rolesByMember() {
        Map<String, List<String>> byMember = new TreeMap<>();
        for (JsonNode role : graph.list("directoryRoles")) {
            for (JsonNode member : graph.list("directoryRoles/" + role.get("id").asText() + "/members")) {
                byMember.computeIfAbsent(member.get("id").asText(), k -> new ArrayList<>())
                        .add(role.get("displayName").asText());
            }
        }
        byMember.values().forEach(names -> names.sort(null));
        return byMember;
    }

    private EntraUser expectedUser(String id, Map<String, List<String>> roles) {
        JsonNode user = graph.find(
                "users?$top=999&$select=id,userPrincipalName,displayName,accountEnabled,"
                        + "userType,createdDateTime,lastPasswordChangeDateTime,otherMails,passwordPolicies,assignedLicenses",
                id);
        Map<String, String> names = graph.list("subscribedSkus").stream()
                .collect(Collectors.toMap(
                        s -> s.get("skuId").asText(),
                        s -> LicenseCatalog.builtIn()
                                .nameFor(
                                        s.get("skuId").asText(),
                                        s.get("skuPartNumber").asText())));
        JsonNode mfa = graph.find("reports/authenticationMethods/userRegistrationDetails?$top=999", id);
        MfaStatus status = new MfaStatus(
                mfa.get("isMfaRegistered").asBoolean() ? MfaStatus.State.REGISTERED : MfaStatus.State.NOT_REGISTERED,
                bool(mfa, "isMfaCapable"),
                strings(mfa, "methodsRegistered"),
                "none".equals(text(mfa, "userPreferredMethodForSecondaryAuthentication"))
                        ? null
                        : text(mfa, "userPreferredMethodForSecondaryAuthentication"));
        List<dev.entrasync.model.AssignedLicense> licenses = new ArrayList<>();
        user.path("assignedLicenses")
                .forEach(l -> licenses.add(new dev.entrasync.model.AssignedLicense(
                        l.get("skuId").asText(), names.get(l.get("skuId").asText()))));
        return new EntraUser(
                id,
                text(user, "userPrincipalName"),
                text(user, "displayName"),
                bool(user, "accountEnabled"),
                text(user, "userType"),
                instant(user, "createdDateTime"),
                instant(user, "lastPasswordChangeDateTime"),
                strings(user, "otherMails"),
                text(user, "passwordPolicies"),
                licenses,
                roles.getOrDefault(id, List.of()),
                status);
    }

    @Test
    void aUserWithTwoRolesAndMfaMethodsAndAGuestCarryEveryField() {
        Map<String, List<String>> roles = rolesByMember();
        EntraUser admin = fx.<EntraUser>records(tenant, Dataset.USERS).stream()
                .filter(u -> u.id().equals(ContosoFixture.ADMIN_USER_ID))
                .findFirst()
                .orElseThrow();
        EntraUser guest = fx.<EntraUser>records(tenant, Dataset.USERS).stream()
                .filter(u -> u.id().equals(ContosoFixture.GUEST_USER_ID))
                .findFirst()
                .orElseThrow();

        assertThat(admin).isEqualTo(expectedUser(admin.id(), roles));
        assertThat(guest).isEqualTo(expectedUser(guest.id(), roles));
        assertThat(guest.userPrincipalName()).contains("#EXT#");
        assertThat(admin.assignedLicenses())
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.name()).isNotBlank());
        assertThat(admin.mfa().state()).isEqualTo(MfaStatus.State.REGISTERED);
        assertThat(admin.directoryRoles()).containsExactly("Global Administrator", "User Administrator");
        assertThat(admin.mfa().methods()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(guest.userType()).isEqualTo("Guest");
    }

    @Test
    void devicesWithAndWithoutIntuneCarryEveryField() {
        List<EntraDevice> devices = records(Dataset.DEVICES);
        EntraDevice unmanaged = devices.stream()
                .filter(d -> d.id().equals(ContosoFixture.UNMANAGED_DEVICE_ID))
                .findFirst()
                .orElseThrow();
        EntraDevice managed = devices.stream()
                .filter(d -> Boolean.TRUE.equals(d.isManaged()))
                .findFirst()
                .orElseThrow();

        for (EntraDevice device : List.of(unmanaged, managed)) {
            JsonNode served = graph.find("devices?$top=999", device.id());
            assertThat(device)
                    .isEqualTo(new EntraDevice(
                            device.id(),
                            text(served, "deviceId"),
                            text(served, "displayName"),
                            text(served, "operatingSystem"),
                            text(served, "operatingSystemVersion"),
                            text(served, "trustType"),
                            bool(served, "isManaged"),
                            bool(served, "isCompliant"),
                            instant(served, "approximateLastSignInDateTime"),
                            bool(served, "onPremisesSyncEnabled"),
                            instant(served, "registrationDateTime")));
        }
        assertThat(unmanaged.isManaged()).isNull();
    }

    @Test
    void groupsCarryEveryFieldAndTheirMemberCount() {
        List<EntraGroup> groups = records(Dataset.GROUPS);
        EntraGroup unified = groups.stream()
                .filter(g -> g.groupTypes().contains("Unified"))
                .findFirst()
                .orElseThrow();
        EntraGroup security = groups.stream()
                .filter(g -> Boolean.TRUE.equals(g.securityEnabled())
                        && !g.groupTypes().contains("Unified"))
                .findFirst()
                .orElseThrow();

        for (EntraGroup group : List.of(unified, security)) {
            JsonNode served = graph.find("groups?$top=999", group.id());
            int members =
                    graph.list("groups/" + group.id() + "/members?$top=999").size();
            assertThat(group)
                    .isEqualTo(new EntraGroup(
                            group.id(),
                            text(served, "displayName"),
                            text(served, "mail"),
                            strings(served, "groupTypes"),
                            bool(served, "mailEnabled"),
                            text(served, "mailNickname"),
                            strings(served, "proxyAddresses"),
                            strings(served, "resourceBehaviorOptions"),
                            bool(served, "securityEnabled"),
                            text(served, "securityIdentifier"),
                            members));
        }
        assertThat(unified.proxyAddresses()).isNotEmpty();
    }

    @Test
    void licensesCarryUnitsAndFriendlyNames() {
        List<EntraLicense> licenses = records(Dataset.LICENSES);
        List<JsonNode> served = graph.list("subscribedSkus");

        assertThat(licenses).hasSameSizeAs(served);
        for (JsonNode sku : served) {
            JsonNode units = sku.get("prepaidUnits");
            String part = sku.get("skuPartNumber").asText();
            assertThat(licenses)
                    .contains(new EntraLicense(
                            sku.get("skuId").asText(),
                            part,
                            LicenseCatalog.builtIn().productName(part).orElse(part),
                            text(sku, "capabilityStatus"),
                            units.get("enabled").asInt(),
                            sku.get("consumedUnits").asInt(),
                            units.get("warning").asInt(),
                            units.get("suspended").asInt(),
                            units.get("lockedOut").asInt()));
        }
        assertThat(licenses).anySatisfy(l -> assertThat(l.productName()).isNotEqualTo(l.skuPartNumber()));
    }

    @Test
    void aRoleWithAGroupAndAServicePrincipalAmongItsMembersCarriesEveryField() {
        List<EntraRole> roles = records(Dataset.ROLES);
        EntraRole mixed = roles.stream()
                .filter(r -> r.id().equals(ContosoFixture.HELPDESK_ROLE_ID))
                .findFirst()
                .orElseThrow();

        JsonNode served = graph.find("directoryRoles", mixed.id());
        List<EntraRoleMember> members = new ArrayList<>();
        for (JsonNode m : graph.list("directoryRoles/" + mixed.id() + "/members")) {
            String type = m.get("@odata.type").asText();
            members.add(new EntraRoleMember(
                    m.get("id").asText(),
                    type.substring(type.lastIndexOf('.') + 1),
                    text(m, "userPrincipalName"),
                    text(m, "displayName")));
        }
        assertThat(mixed)
                .isEqualTo(new EntraRole(
                        mixed.id(),
                        text(served, "displayName"),
                        text(served, "description"),
                        text(served, "roleTemplateId"),
                        members));
        assertThat(mixed.memberCount()).isEqualTo(members.size());
        assertThat(mixed.members())
                .extracting(EntraRoleMember::id)
                .contains(ContosoFixture.HELPDESK_GROUP_ID, ContosoFixture.SERVICE_PRINCIPAL_ID);
        assertThat(mixed.members()).extracting(EntraRoleMember::type).contains("group", "servicePrincipal");
    }

    private static EntraAuditEvent expectedEvent(JsonNode e) {
        JsonNode user = e.path("initiatedBy").path("user");
        JsonNode app = e.path("initiatedBy").path("app");
        List<AuditTarget> targets = new ArrayList<>();
        e.path("targetResources").forEach(t -> {
            List<ModifiedProperty> modified = new ArrayList<>();
            t.path("modifiedProperties")
                    .forEach(p -> modified.add(
                            new ModifiedProperty(text(p, "displayName"), text(p, "oldValue"), text(p, "newValue"))));
            targets.add(new AuditTarget(
                    text(t, "id"), text(t, "type"), text(t, "displayName"), text(t, "userPrincipalName"), modified));
        });
        return new EntraAuditEvent(
                e.get("id").asText(),
                instant(e, "activityDateTime"),
                text(e, "activityDisplayName"),
                text(e, "category"),
                text(e, "operationType"),
                text(e, "result"),
                text(e, "resultReason"),
                text(e, "loggedByService"),
                text(e, "correlationId"),
                text(user, "id"),
                text(user, "userPrincipalName"),
                text(app, "appId"),
                text(app, "displayName"),
                text(user, "ipAddress"),
                targets);
    }

    @Test
    void auditEventsByAUserAndByAnAppCarryEveryField() {
        List<EntraAuditEvent> events = records(Dataset.AUDIT_LOGS);
        List<JsonNode> served = graph.list("auditLogs/directoryAudits?$top=999");

        assertThat(events).hasSameSizeAs(served);
        EntraAuditEvent byUser = events.stream()
                .filter(e -> e.initiatedByUserId() != null
                        && e.initiatorIpAddress() != null
                        && !e.targetResources().isEmpty())
                .findFirst()
                .orElseThrow();
        EntraAuditEvent byApp = events.stream()
                .filter(e -> e.initiatedByAppId() != null)
                .findFirst()
                .orElseThrow();
        EntraAuditEvent failed = events.stream()
                .filter(e -> e.resultReason() != null)
                .findFirst()
                .orElseThrow();
        for (EntraAuditEvent event : List.of(byUser, byApp, failed)) {
            JsonNode e = served.stream()
                    .filter(n -> n.get("id").asText().equals(event.id()))
                    .findFirst()
                    .orElseThrow();
            assertThat(event).isEqualTo(expectedEvent(e));
        }
        assertThat(byApp.initiatedByUserId()).isNull();
    }

    @Test
    void secureScoresAndControlProfilesCarryEveryField() {
        List<EntraRecord> rows = records(Dataset.SECURE_SCORES);
        EntraSecureScore latest = rows.stream()
                .filter(r -> r instanceof EntraSecureScore)
                .map(r -> (EntraSecureScore) r)
                .max(java.util.Comparator.comparing(EntraSecureScore::createdDateTime))
                .orElseThrow();
        JsonNode served = graph.list("security/secureScores?$top=1").get(0);
        List<ComparativeScore> averages = new ArrayList<>();
        served.path("averageComparativeScores")
                .forEach(a -> averages.add(new ComparativeScore(
                        text(a, "basis"), a.get("averageScore").asDouble())));
        List<ControlScore> controls = new ArrayList<>();
        served.path("controlScores")
                .forEach(c -> controls.add(new ControlScore(
                        text(c, "controlName"),
                        text(c, "controlCategory"),
                        c.get("score").asDouble())));

        assertThat(latest)
                .isEqualTo(new EntraSecureScore(
                        served.get("id").asText(),
                        instant(served, "createdDateTime"),
                        served.get("currentScore").asDouble(),
                        served.get("maxScore").asDouble(),
                        served.get("activeUserCount").asInt(),
                        served.get("licensedUserCount").asInt(),
                        averages,
                        controls));
        assertThat(latest.controlScores()).isNotEmpty();
        assertThat(latest.averageComparativeScores()).isNotEmpty();

        List<JsonNode> profiles = graph.list("security/secureScoreControlProfiles?$top=999");
        assertThat(rows.stream().filter(r -> r instanceof EntraSecureScoreControl))
                .hasSameSizeAs(profiles);
        JsonNode p = profiles.get(0);
        assertThat(rows)
                .contains(new EntraSecureScoreControl(
                        p.get("id").asText(),
                        text(p, "title"),
                        text(p, "controlCategory"),
                        p.get("maxScore").asDouble(),
                        p.get("rank").asInt(),
                        text(p, "remediation"),
                        text(p, "actionUrl")));
    }

    @Test
    void theTenantProfileCarriesItsDomains() {
        JsonNode org = graph.list("organization").get(0);

        assertThat(records(Dataset.TENANT_PROFILE))
                .singleElement()
                .isEqualTo(new EntraTenantProfile(
                        tenant.id(),
                        text(org, "displayName"),
                        tenant.defaultDomain(),
                        tenant.initialDomain(),
                        tenant.domains().stream()
                                .sorted((a, b) -> a.equals(tenant.defaultDomain())
                                        ? -1
                                        : b.equals(tenant.defaultDomain()) ? 1 : 0)
                                .toList()));
        assertThat(org.get("id").asText()).isEqualTo(tenant.id());
    }
}
