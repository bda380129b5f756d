package dev.entrasync.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.TenantId;
import dev.entrasync.findings.Severity;
import dev.entrasync.jdbc.StoredFinding;
import dev.entrasync.testkit.SimulatedTenant;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The findings pages over plain HTTP after real syncs of the simulated Contoso (1260 users, P1, Intune) and Tailspin
 * Toys (no P1): each company's open findings most severe first with severity, detail, affected objects (capped), fix
 * and dates; the fleet overview ranked by severity with muted findings apart; acknowledge and mute stored in the
 * database; forged tenants and rules, missing or wrong CSRF tokens, cross-origin posts and GETs refused with nothing
 * changed; HTML and script that Graph returned in a name escaped; a finding resolved by the next sync listed apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FindingsPagesTest {

    /** Contoso's "HR Sync" service principal, renamed in the simulated Graph before the sync. */
    private static final String HOSTILE_SP = "<script>alert(1)</script>";
    /** Contoso's "HR Sync" app registration, renamed likewise. */
    private static final String HOSTILE_APP = "\"><img src=x onerror=alert(2)>";

    private static final String GLOBAL_ADMINISTRATOR_TEMPLATE = "62e90394-69f5-4237-9190-012177145e10";

    private WebHost host;
    private PortalClient admin;
    private String contoso;
    private String tailspin;
    private TenantId contosoTenant;
    private TenantId tailspinTenant;

    @BeforeAll
    void syncTwoCompanies() throws Exception {
        host = WebHost.builder()
                .port(0)
                .jdbcUrl("jdbc:h2:mem:findings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .adminPassword(PortalClient.PASSWORD)
                .start();
        SimulatedTenant simulated = host.simulation().contoso();
        rename(simulated.servicePrincipals().find("displayName", "Contoso HR Sync"), simulated, true, HOSTILE_SP);
        rename(simulated.applications().find("displayName", "Contoso HR Sync"), simulated, false, HOSTILE_APP);
        admin = new PortalClient(host).login();
        contoso = ConsentPagesTest.connect(host, admin, "Contoso", simulated.id());
        tailspin = ConsentPagesTest.connect(
                host, admin, "Tailspin Toys", host.simulation().tailspin().id());
        contosoTenant = TenantId.of(simulated.id());
        tailspinTenant = TenantId.of(host.simulation().tailspin().id());
        admin.syncNow(contoso);
        admin.syncNow(tailspin);
    }

    private static void rename(Map<String, Object> object, SimulatedTenant tenant, boolean sp, String name) {
        assertThat(object).as("the simulated Contoso has an HR Sync app").isNotNull();
        (sp ? tenant.servicePrincipals() : tenant.applications())
                .update((String) object.get("id"), Map.of("displayName", name));
    }

    @AfterAll
    void stop() {
        host.close();
    }

    private String page(String path) throws Exception {
        HttpResponse<String> page = admin.get(path);
        assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(200);
        return page.body();
    }

    private StoredFinding stored(TenantId tenant, String rule) {
        return host.queries().findings(tenant).stream()
                .filter(f -> f.finding().ruleId().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError(tenant + " has no finding " + rule));
    }

    /** The row of the finding of {@code rule} on a company's findings page. */
    private static String row(String page, String rowId) {
        Matcher m = Pattern.compile("<tr id=\"" + Pattern.quote(rowId) + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as(rowId + " on the page").isTrue();
        return m.group(1);
    }

    private static void inOrder(String page, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = page.indexOf(part, at + 1);
            assertThat(next).as(part + " after the one before").isGreaterThan(at);
            at = next;
        }
    }

    @Test
    @Order(1)
    void showsACompanysOpenFindingsMostSevereFirstWithDetailAffectedObjectsDatesAndFix() throws Exception {
        String page = page("/companies/" + contoso + "/findings");

        assertThat(page)
                .contains("<title>Findings: Contoso · entra-sync</title>")
                .contains("5 open findings.");
        // severity first, then rule id (StoredFinding.mostUrgentFirst(), as the CLI orders them)
        inOrder(
                page,
                "id=\"finding-global-admin-count\"",
                "id=\"finding-high-privilege-service-principals\"",
                "id=\"finding-app-credentials-expiring\"",
                "id=\"finding-non-compliant-devices\"",
                "id=\"finding-unassigned-licenses\"");
        StoredFinding admins = stored(contosoTenant, "global-admin-count");
        String adminRow = row(page, "finding-global-admin-count");
        assertThat(adminRow)
                .contains("<span class=\"bad severity\">HIGH</span>")
                .contains("<b class=\"finding-title\">Fewer than two or more than four Global Administrators</b>")
                .contains("The tenant has 1 Global Administrator: losing one account locks everyone out of the"
                        + " tenant.")
                .contains("Fix: Assign a second Global Administrator, such as a cloud-only emergency access account.")
                .contains("<li>" + admins.finding().affected().get(0).displayName() + " <small>"
                        + admins.finding().affected().get(0).id() + "</small></li>")
                .contains("First seen <time datetime=\"" + admins.firstSeen() + "\"")
                .contains("Last seen <time datetime=\"" + admins.lastSeen() + "\"")
                .contains("id=\"acknowledge-global-admin-count\">Acknowledge</button>")
                .contains("id=\"mute-global-admin-count\">Mute</button>")
                .contains("<input type=\"hidden\" name=\"tenant\" value=\"" + contosoTenant.value() + "\">");
        assertThat(row(page, "finding-non-compliant-devices")).contains("<span class=\"warn severity\">MEDIUM</span>");
        assertThat(row(page, "finding-unassigned-licenses")).contains("<span class=\"info severity\">LOW</span>");

        // a long list of affected objects is cut at ten, the rest counted
        int devices = stored(contosoTenant, "non-compliant-devices")
                .finding()
                .affected()
                .size();
        assertThat(devices).isGreaterThan(FindingsPages.AFFECTED_SHOWN);
        String deviceRow = row(page, "finding-non-compliant-devices");
        assertThat(deviceRow.split("<li>", -1)).hasSize(FindingsPages.AFFECTED_SHOWN + 1);
        assertThat(deviceRow)
                .contains("<li class=\"more\">and " + (devices - FindingsPages.AFFECTED_SHOWN) + " more</li>");
        assertThat(page).doesNotContain("id=\"resolved-findings\"");

        // linked from the company page and the navigation of every page
        assertThat(page("/companies/" + contoso))
                .contains("<a id=\"findings-link\" href=\"/companies/" + contoso + "/findings\">Findings: 5 open</a>");
        assertThat(page("/jobs")).contains("<a href=\"/findings\">Findings</a>");

        // Tailspin Toys has no P1: two rules say they cannot be evaluated, as INFO
        String tailspinPage = page("/companies/" + tailspin + "/findings");
        assertThat(row(tailspinPage, "finding-privileged-users-without-mfa"))
                .contains("<span class=\"info severity\">INFO</span>")
                .contains("Privileged role members without MFA registered (cannot be evaluated)");
    }

    @Test
    @Order(2)
    void theFleetOverviewRanksCompaniesBySeverityAndLeavesMutedFindingsOutOfTheCounts() throws Exception {
        String fleet = page("/findings");
        // Contoso: 2 high, 2 medium, 1 low; Tailspin Toys: 1 high, 1 medium, 1 low, 2 info
        inOrder(fleet, "id=\"fleet-" + contoso + "\"", "id=\"fleet-" + tailspin + "\"");
        assertThat(row(fleet, "fleet-" + contoso))
                .contains("<a href=\"/companies/" + contoso + "/findings\">Contoso</a>")
                .contains("<td class=\"count-critical\">0</td>")
                .contains("<td class=\"count-high\"><span class=\"bad severity\">2</span></td>")
                .contains("<td class=\"count-medium\"><span class=\"warn severity\">2</span></td>")
                .contains("<td class=\"count-low\"><span class=\"info severity\">1</span></td>")
                .contains("<td class=\"count-info\">0</td>")
                .contains("<td class=\"count-muted\">0</td>")
                .doesNotContain("never synced");
        assertThat(row(fleet, "fleet-" + tailspin))
                .contains("<td class=\"count-high\"><span class=\"bad severity\">1</span></td>")
                .contains("<td class=\"count-info\"><span class=\"info severity\">2</span></td>");
        // the most severe open findings across the fleet: every HIGH before any MEDIUM, companies by name
        String worst = fleet.substring(fleet.indexOf("id=\"fleet-findings\""));
        inOrder(
                worst,
                ">Contoso</a></td><td><b class=\"finding-title\">Fewer than two or more than four Global",
                ">Contoso</a></td><td><b class=\"finding-title\">Service principals with high-privilege",
                ">Tailspin Toys</a></td><td><b class=\"finding-title\">Service principals with high-privilege",
                "MEDIUM");
        assertThat(worst)
                .contains("Assign a second Global Administrator, such as a cloud-only emergency access account.");

        // muting Contoso's two HIGH findings takes them out of the counts: Tailspin Toys now ranks first
        for (String rule : List.of("global-admin-count", "high-privilege-service-principals")) {
            HttpResponse<String> mute = admin.post(
                    "/companies/" + contoso + "/findings/mute",
                    Map.of("tenant", contosoTenant.value(), "rule", rule, "muted", "true"));
            assertThat(mute.statusCode()).as(mute.body()).isEqualTo(303);
            assertThat(mute.headers().firstValue("Location")).contains("/companies/" + contoso + "/findings");
            assertThat(stored(contosoTenant, rule).muted()).isTrue();
        }
        String muted = page("/findings");
        inOrder(muted, "id=\"fleet-" + tailspin + "\"", "id=\"fleet-" + contoso + "\"");
        assertThat(row(muted, "fleet-" + contoso))
                .contains("<td class=\"count-high\">0</td>")
                .contains("<td class=\"count-muted\">2</td>");
        assertThat(muted.substring(muted.indexOf("id=\"fleet-findings\"")))
                .doesNotContain("Fewer than two or more than four Global");
        String company = page("/companies/" + contoso + "/findings");
        assertThat(company).contains("3 open findings, and 2 muted (not counted).");
        // the muted findings are listed after every unmuted one, however severe
        inOrder(
                company,
                "id=\"finding-app-credentials-expiring\"",
                "id=\"finding-non-compliant-devices\"",
                "id=\"finding-unassigned-licenses\"",
                "id=\"finding-global-admin-count\"",
                "id=\"finding-high-privilege-service-principals\"");
        assertThat(row(company, "finding-global-admin-count"))
                .contains("<span class=\"muted\">Muted</span>")
                .contains(
                        "<input type=\"hidden\" name=\"muted\" value=\"false\"><button id=\"unmute-global-admin-count\">"
                                + "Unmute</button>");
        assertThat(page("/companies/" + contoso)).contains("Findings: 3 open</a>");

        for (String rule : List.of("global-admin-count", "high-privilege-service-principals")) {
            assertThat(admin.post(
                                    "/companies/" + contoso + "/findings/mute",
                                    Map.of("tenant", contosoTenant.value(), "rule", rule, "muted", "false"))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(stored(contosoTenant, rule).muted()).isFalse();
        }
        inOrder(page("/findings"), "id=\"fleet-" + contoso + "\"", "id=\"fleet-" + tailspin + "\"");
    }

    @Test
    @Order(2)
    void oneCriticalFindingOutranksAnyNumberOfLesserOnes() {
        Map<Severity, Integer> oneCritical = counts(1, 0, 0, 0, 0);
        Map<Severity, Integer> manyHigh = counts(0, 9, 30, 0, 0);
        Map<Severity, Integer> moreMedium = counts(0, 9, 31, 0, 0);
        Map<Severity, Integer> clean = counts(0, 0, 0, 0, 0);

        List<Map<Severity, Integer>> ranked =
                new java.util.ArrayList<>(List.of(clean, manyHigh, oneCritical, moreMedium));
        ranked.sort(FindingsPages.MOST_SEVERE_FIRST);

        assertThat(ranked).containsExactly(oneCritical, moreMedium, manyHigh, clean);
    }

    private static Map<Severity, Integer> counts(int critical, int high, int medium, int low, int info) {
        return new java.util.EnumMap<>(Map.of(
                Severity.CRITICAL, critical,
                Severity.HIGH, high,
                Severity.MEDIUM, medium,
                Severity.LOW, low,
                Severity.INFO, info));
    }

    @Test
    @Order(3)
    void acknowledgingAFindingIsStoredAndShown() throws Exception {
        assertThat(stored(tailspinTenant, "unassigned-licenses").acknowledgedAt())
                .isNull();

        HttpResponse<String> ack = admin.post(
                "/companies/" + tailspin + "/findings/acknowledge",
                Map.of("tenant", tailspinTenant.value(), "rule", "unassigned-licenses"));

        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(303);
        StoredFinding acknowledged = stored(tailspinTenant, "unassigned-licenses");
        assertThat(acknowledged.acknowledgedAt()).isNotNull();
        assertThat(acknowledged.muted()).isFalse();
        String row = row(page("/companies/" + tailspin + "/findings"), "finding-unassigned-licenses");
        assertThat(row)
                .contains("<span class=\"acknowledged\">Acknowledged <time datetime=\"" + acknowledged.acknowledgedAt()
                        + "\"")
                .doesNotContain("id=\"acknowledge-unassigned-licenses\"")
                .contains("id=\"mute-unassigned-licenses\"");
        // still counted: acknowledging is not muting
        assertThat(row(page("/findings"), "fleet-" + tailspin))
                .contains("<td class=\"count-low\"><span class=\"info severity\">1</span></td>");
    }

    @Test
    @Order(4)
    void refusesForgedTenantsAndRulesCrossSitePostsAndGetsAndChangesNothing() throws Exception {
        List<StoredFinding> before = host.queries().findings(contosoTenant);
        List<StoredFinding> tailspinBefore = host.queries().findings(tailspinTenant);
        String ack = "/companies/" + contoso + "/findings/acknowledge";
        String mute = "/companies/" + contoso + "/findings/mute";
        Map<String, String> good = Map.of("tenant", contosoTenant.value(), "rule", "global-admin-count");

        // another company's tenant on Contoso's form
        HttpResponse<String> otherTenant =
                admin.post(ack, Map.of("tenant", tailspinTenant.value(), "rule", "unassigned-licenses"));
        assertThat(otherTenant.statusCode()).isEqualTo(400);
        assertThat(otherTenant.body())
                .contains("Not changed: the form named tenant &#39;" + tailspinTenant.value() + "&#39;, but Contoso is"
                        + " connected to tenant " + contosoTenant.value() + ".");
        HttpResponse<String> noTenant = admin.post(mute, Map.of("rule", "global-admin-count", "muted", "true"));
        assertThat(noTenant.statusCode()).isEqualTo(400);
        assertThat(noTenant.body()).contains("the form named tenant (none)");

        // a rule the tenant has no finding of, with markup in it
        HttpResponse<String> forgedRule =
                admin.post(ack, Map.of("tenant", contosoTenant.value(), "rule", "<b>no-such-rule</b>"));
        assertThat(forgedRule.statusCode()).isEqualTo(404);
        assertThat(forgedRule.body())
                .contains("Not changed: Contoso has no finding of rule &#39;&lt;b&gt;no-such-rule&lt;/b&gt;&#39;.")
                .doesNotContain("<b>no-such-rule");
        // a value far longer than any id is cut short in the message
        HttpResponse<String> longRule =
                admin.post(ack, Map.of("tenant", contosoTenant.value(), "rule", "x".repeat(5000)));
        assertThat(longRule.statusCode()).isEqualTo(404);
        assertThat(longRule.body()).contains("x".repeat(80) + "…").doesNotContain("x".repeat(81));
        HttpResponse<String> longTenant =
                admin.post(ack, Map.of("tenant", "y".repeat(5000), "rule", "global-admin-count"));
        assertThat(longTenant.statusCode()).isEqualTo(400);
        assertThat(longTenant.body()).contains("y".repeat(80) + "…").doesNotContain("y".repeat(81));
        HttpResponse<String> noRule = admin.post(ack, Map.of("tenant", contosoTenant.value()));
        assertThat(noRule.statusCode()).isEqualTo(404);
        assertThat(noRule.body()).contains("Contoso has no finding of rule (none).");

        HttpResponse<String> badMuted = admin.post(
                mute, Map.of("tenant", contosoTenant.value(), "rule", "global-admin-count", "muted", "yes please"));
        assertThat(badMuted.statusCode()).isEqualTo(400);
        assertThat(badMuted.body()).contains("the form must say muted=true (mute) or muted=false (unmute)");

        HttpResponse<String> noCompany = admin.post("/companies/C-9999/findings/acknowledge", good);
        assertThat(noCompany.statusCode()).isEqualTo(404);
        assertThat(noCompany.body()).contains("There is no company C-9999.");

        // the portal's defences hold on these forms too
        HttpResponse<String> noToken = admin.send(ack, good, Map.of("Origin", host.url()), false);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("did not carry this session&#39;s security token");
        Map<String, String> wrongToken = new java.util.HashMap<>(good);
        wrongToken.put("csrf", "forged-token-value");
        assertThat(admin.send(ack, wrongToken, Map.of("Origin", host.url()), false)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> crossSite = admin.send(ack, good, Map.of("Origin", "https://evil.example"), true);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("another site, https://evil.example");
        HttpResponse<String> get =
                admin.get(ack + "?tenant=" + contosoTenant.value() + "&rule=global-admin-count&csrf=" + admin.token());
        assertThat(get.statusCode()).isEqualTo(404);
        HttpResponse<String> anonymous = new PortalClient(host).send(ack, good, Map.of("Origin", host.url()), false);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).contains("/login");
        assertThat(new PortalClient(host).get("/findings").statusCode()).isEqualTo(303);

        assertThat(host.queries().findings(contosoTenant)).isEqualTo(before);
        assertThat(host.queries().findings(tailspinTenant)).isEqualTo(tailspinBefore);
    }

    @Test
    @Order(5)
    void escapesHtmlAndScriptThatGraphReturnedInNames() throws Exception {
        // the names reached the database as Graph sent them
        assertThat(stored(contosoTenant, "high-privilege-service-principals")
                        .finding()
                        .affected())
                .anyMatch(a -> a.displayName().startsWith(HOSTILE_SP));
        assertThat(stored(contosoTenant, "app-credentials-expiring").finding().affected())
                .anyMatch(a -> a.displayName().startsWith(HOSTILE_APP));

        String page = page("/companies/" + contoso + "/findings");
        assertThat(page)
                .doesNotContain("<script>alert(1)")
                .doesNotContain("<img src=x")
                .contains("<li>&lt;script&gt;alert(1)&lt;/script&gt; (User.ReadWrite.All) <small>")
                .contains("<li>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;: secret");
        assertThat(page("/findings")).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
    }

    @Test
    @Order(6)
    void aFindingTheNextSyncNoLongerFindsIsListedAsResolved() throws Exception {
        SimulatedTenant simulated = host.simulation().contoso();
        String role = (String) simulated
                .roles()
                .find("roleTemplateId", GLOBAL_ADMINISTRATOR_TEMPLATE)
                .get("id");
        Map<String, String> members = simulated.roles().members(role);
        String second = simulated.users().list().stream()
                .filter(u -> "Member".equals(u.get("userType")) && Boolean.TRUE.equals(u.get("accountEnabled")))
                .map(u -> (String) u.get("id"))
                .filter(id -> !members.containsKey(id))
                .findFirst()
                .orElseThrow();
        simulated.roles().addMember(role, second);

        admin.syncNow(contoso);

        StoredFinding resolved = stored(contosoTenant, "global-admin-count");
        assertThat(resolved.resolvedAt()).isNotNull();
        String page = page("/companies/" + contoso + "/findings");
        // the assignment itself opens privileged-role-assigned-recently (from the audit log), so the count stays at 5
        assertThat(page)
                .contains("5 open findings.")
                .contains("id=\"finding-privileged-role-assigned-recently\"")
                .doesNotContain("id=\"finding-global-admin-count\"");
        String row = row(page, "resolved-global-admin-count");
        assertThat(row)
                .contains("Resolved <time datetime=\"" + resolved.resolvedAt() + "\"")
                .contains("Fewer than two or more than four Global Administrators")
                .doesNotContain("<button");
        inOrder(page, "id=\"open-findings\"", "<h2>Resolved</h2>", "id=\"resolved-findings\"");

        // a resolved finding is not acknowledged or muted
        HttpResponse<String> late = admin.post(
                "/companies/" + contoso + "/findings/mute",
                Map.of("tenant", contosoTenant.value(), "rule", "global-admin-count", "muted", "true"));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("was resolved by a later sync");
        assertThat(stored(contosoTenant, "global-admin-count").muted()).isFalse();
        // HIGH: high-privilege-service-principals and the new privileged-role-assigned-recently
        assertThat(row(page("/findings"), "fleet-" + contoso))
                .contains("<td class=\"count-high\"><span class=\"bad severity\">2</span></td>");
    }
}
