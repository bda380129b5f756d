package dev.entrasync.testkit;

import static dev.entrasync.testkit.GraphUsersTest.error;
import static dev.entrasync.testkit.GraphUsersTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class DatasetsTest {
    private static final String CLIENT_ID = "6c2f1a1e-2a5b-4c1d-9e3f-0a1b2c3d4e5f";
    private static final Instant AS_OF = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimClient client = new SimClient(cloud);
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, "secret");
    private final SimulatedTenant contoso = cloud.addTenant(TenantBuilder.create("Contoso")
            .seed(5)
            .asOf(AS_OF)
            .users(120)
            .devices(60)
            .groups(15)
            .build());

    @AfterEach
    void stop() {
        cloud.close();
    }

    private String token() {
        contoso.consent(app, Permissions.allRead());
        return client.token(contoso.id(), CLIENT_ID, "secret");
    }

    @Test
    void devicesHaveTrustTypesAndSomeWithoutIntune() {
        List<Map<String, Object>> devices = values(client.get(
                        token(),
                        "/v1.0/devices?$top=999"
                                + "&$select=deviceId,displayName,operatingSystem,trustType,isManaged,isCompliant,"
                                + "approximateLastSignInDateTime,onPremisesSyncEnabled")
                .json());

        assertThat(devices).hasSize(60);
        assertThat(devices).extracting(d -> d.get("trustType")).contains("AzureAd", "ServerAd", "Workplace");
        assertThat(devices).anySatisfy(d -> assertThat(d.get("isManaged")).isNull());
        assertThat(devices).anySatisfy(d -> assertThat(d.get("isManaged")).isEqualTo(true));
        assertThat(devices)
                .filteredOn(d -> "ServerAd".equals(d.get("trustType")))
                .allSatisfy(d -> assertThat(d.get("onPremisesSyncEnabled")).isNotNull());
    }

    @Test
    void groupsCoverEveryFlavour() {
        List<Map<String, Object>> groups =
                values(client.get(token(), "/v1.0/groups?$top=999").json());

        assertThat(groups).hasSize(15);
        assertThat(groups)
                .anySatisfy(g -> assertThat((List<Object>) g.get("groupTypes")).contains("Unified"));
        assertThat(groups)
                .anySatisfy(g -> assertThat(g.get("isAssignableToRole")).isEqualTo(true));
        assertThat(groups)
                .allSatisfy(
                        g -> assertThat((String) g.get("securityIdentifier")).startsWith("S-1-12-1-"));
    }

    @Test
    void rolesMembersAreMixedAndMatchAssignmentsAndIsAdmin() {
        String token = token();
        List<Map<String, Object>> roles =
                values(client.get(token, "/v1.0/directoryRoles").json());
        Set<String> types = new HashSet<>();
        Set<String> userAdmins = new HashSet<>();
        int memberCount = 0;

        for (Map<String, Object> role : roles) {
            List<Map<String, Object>> members =
                    values(client.get(token, "/v1.0/directoryRoles/" + role.get("id") + "/members")
                            .json());
            memberCount += members.size();
            for (Map<String, Object> member : members) {
                types.add((String) member.get("@odata.type"));
                if ("#microsoft.graph.user".equals(member.get("@odata.type"))) {
                    userAdmins.add((String) member.get("id"));
                }
            }
        }
        List<Map<String, Object>> assignments =
                values(client.get(token, "/v1.0/roleManagement/directory/roleAssignments?$top=999")
                        .json());
        List<Map<String, Object>> report =
                values(client.get(token, "/v1.0/reports/authenticationMethods/userRegistrationDetails?$top=999")
                        .json());

        assertThat(roles).extracting(r -> r.get("roleTemplateId")).contains("62e90394-69f5-4237-9190-012177145e10");
        assertThat(types)
                .containsExactlyInAnyOrder(
                        "#microsoft.graph.user", "#microsoft.graph.group", "#microsoft.graph.servicePrincipal");
        assertThat(assignments).hasSize(memberCount);
        Set<String> reportAdmins = report.stream()
                .filter(r -> Boolean.TRUE.equals(r.get("isAdmin")))
                .map(r -> (String) r.get("id"))
                .collect(Collectors.toSet());
        assertThat(reportAdmins).containsAll(userAdmins);
        assertThat(report).hasSize(126);
    }

    @Test
    void subscribedSkusCountConsumedUnitsFromUsers() {
        String token = token();
        List<Map<String, Object>> skus =
                values(client.get(token, "/v1.0/subscribedSkus").json());
        List<Map<String, Object>> users = values(client.get(token, "/v1.0/users?$select=assignedLicenses&$top=999")
                .json());

        for (Map<String, Object> sku : skus) {
            long holders = users.stream()
                    .filter(u -> ((List<Map<String, Object>>) u.get("assignedLicenses"))
                            .stream().anyMatch(l -> sku.get("skuId").equals(l.get("skuId"))))
                    .count();
            assertThat(((Number) sku.get("consumedUnits")).longValue()).isEqualTo(holders);
            assertThat((Map<String, Object>) sku.get("prepaidUnits"))
                    .containsKeys("enabled", "suspended", "warning", "lockedOut");
        }
        assertThat(skus).extracting(s -> s.get("skuPartNumber")).contains("FLOW_FREE");
    }

    @Test
    void auditsFilterByDateAndPageNewestFirst() {
        String token = token();
        String since = AS_OF.minus(java.time.Duration.ofDays(3)).toString();
        String url = "/v1.0/auditLogs/directoryAudits?$filter=activityDateTime ge " + since + "&$top=7";
        int seen = 0;
        String previous = null;

        while (url != null) {
            Map<String, Object> page = client.get(token, url).json();
            for (Map<String, Object> event : values(page)) {
                String at = (String) event.get("activityDateTime");
                assertThat(at).isGreaterThanOrEqualTo(since);
                if (previous != null) {
                    assertThat(at).isLessThanOrEqualTo(previous);
                }
                previous = at;
                Map<String, Object> initiatedBy = (Map<String, Object>) event.get("initiatedBy");
                assertThat(initiatedBy.get("user") == null).isNotEqualTo(initiatedBy.get("app") == null);
                seen++;
            }
            url = (String) page.get("@odata.nextLink");
        }

        assertThat(seen).isBetween(10, 60);
        assertThat(client.get(token, "/v1.0/auditLogs/directoryAudits?$top=1001")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void secureScoresSupportTopAndSkip() {
        String token = token();

        List<Map<String, Object>> latest =
                values(client.get(token, "/v1.0/security/secureScores?$top=1").json());
        List<Map<String, Object>> weekAgo = values(
                client.get(token, "/v1.0/security/secureScores?$top=1&$skip=7").json());
        List<Map<String, Object>> profiles = values(
                client.get(token, "/v1.0/security/secureScoreControlProfiles").json());

        String today = AS_OF.toString().substring(0, 10);
        assertThat(latest).singleElement().satisfies(s -> {
            assertThat(s.get("id")).isEqualTo(contoso.id() + "_" + today);
            assertThat((List<?>) s.get("controlScores")).isNotEmpty();
            assertThat((List<?>) s.get("averageComparativeScores")).isNotEmpty();
        });
        assertThat((String) weekAgo.get(0).get("id"))
                .endsWith(AS_OF.minus(java.time.Duration.ofDays(7)).toString().substring(0, 10));
        Set<Object> controlNames = ((List<Map<String, Object>>) latest.get(0).get("controlScores"))
                .stream().map(c -> c.get("controlName")).collect(Collectors.toSet());
        assertThat(profiles).extracting(p -> p.get("id")).containsAll(controlNames);
    }

    @Test
    void secureScoresTopIsTheNumberOfDaysWithoutANextLink() {
        String token = token();

        Map<String, Object> latest =
                client.get(token, "/v1.0/security/secureScores?$top=1").json();
        Map<String, Object> all =
                client.get(token, "/v1.0/security/secureScores").json();

        assertThat(values(latest)).hasSize(1);
        assertThat(latest).doesNotContainKey("@odata.nextLink");
        assertThat(values(all)).hasSize(30);
    }

    @Test
    void nonPremiumTenantHasNoMfaReportAndSevenDaysOfAudits() {
        SimulatedTenant basic = cloud.addTenant(
                TenantBuilder.create("Basic").premium(false).users(10).build());
        basic.consent(app, Permissions.allRead());
        String token = client.token(basic.id(), CLIENT_ID, "secret");

        SimClient.Reply report = client.get(token, "/v1.0/reports/authenticationMethods/userRegistrationDetails");
        List<Map<String, Object>> audits = values(
                client.get(token, "/v1.0/auditLogs/directoryAudits?$top=1000").json());

        assertThat(report.status()).isEqualTo(403);
        assertThat(error(report)).containsEntry("code", "Authentication_RequestFromNonPremiumTenantOrB2CTenant");
        String weekAgo = Instant.now().minus(java.time.Duration.ofDays(7)).toString();
        assertThat(audits)
                .isNotEmpty()
                .allSatisfy(a -> assertThat((String) a.get("activityDateTime")).isGreaterThanOrEqualTo(weekAgo));
    }

    @Test
    void eachEndpointNeedsItsPermission() {
        contoso.consent(app, Permissions.USER_READ_ALL);
        String token = client.token(contoso.id(), CLIENT_ID, "secret");

        for (String path : List.of(
                "/v1.0/devices",
                "/v1.0/groups",
                "/v1.0/subscribedSkus",
                "/v1.0/directoryRoles",
                "/v1.0/auditLogs/directoryAudits",
                "/v1.0/reports/authenticationMethods/userRegistrationDetails",
                "/v1.0/security/secureScores",
                "/v1.0/organization")) {
            assertThat(client.get(token, path).status()).as(path).isEqualTo(403);
        }
    }

    @Test
    void everyGeneratedEntityUsesGraphPropertyNames() {
        TenantBuilder.create("Check").users(30).build();
        SimulatedTenant tenant = TenantBuilder.create("Check").users(30).build();

        for (Map<String, Object> user : tenant.users().list()) {
            dev.entrasync.testkit.internal.GraphSchema.check("user", user);
        }
        for (Map<String, Object> device : tenant.devices().list()) {
            dev.entrasync.testkit.internal.GraphSchema.check("device", device);
        }
        for (Map<String, Object> group : tenant.groups().list()) {
            dev.entrasync.testkit.internal.GraphSchema.check("group", group);
        }
        String[][] stores = {
            {"subscribedSkus", "subscribedSku"},
            {"directoryRoles", "directoryRole"},
            {"servicePrincipals", "servicePrincipal"},
            {"directoryAudits", "directoryAudit"},
            {"secureScores", "secureScore"},
            {"organization", "organization"},
            {"secureScoreControlProfiles", "secureScoreControlProfile"},
            {"userRegistrationDetails", "userRegistrationDetails"}
        };
        for (String[] store : stores) {
            for (Map<String, Object> entity : tenant.data().store(store[0]).all()) {
                dev.entrasync.testkit.internal.GraphSchema.check(store[1], entity);
            }
        }
    }
}
