package dev.entrasync.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A company's pages over plain HTTP after a real sync of the simulated Contoso (1260 users, P1) and Tailspin
 * Toys (no P1): every field shown, paged and searched in the database, hostile page numbers and searches, dates
 * in the viewer's locale, booleans as words, group kinds, MFA "n/a" explained, error pages with navigation, and
 * the disconnect confirmation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyPagesTest {

    private WebHost host;
    private PortalClient admin;
    private String contoso;
    private String tailspin;

    @BeforeAll
    void syncTwoCompanies() throws Exception {
        host = WebHost.builder()
                .port(0)
                .jdbcUrl("jdbc:h2:mem:companies-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .adminPassword(PortalClient.PASSWORD)
                .start();
        admin = new PortalClient(host).login();
        contoso = ConsentPagesTest.connect(
                host, admin, "Contoso", host.simulation().contoso().id());
        tailspin = ConsentPagesTest.connect(
                host, admin, "Tailspin Toys", host.simulation().tailspin().id());
        admin.syncNow(contoso);
        admin.syncNow(tailspin);
    }

    @AfterAll
    void stop() {
        host.close();
    }

    private String tab(String companyId, String query) throws Exception {
        HttpResponse<String> page = admin.get("/companies/" + companyId + "?" + query);
        assertThat(page.statusCode()).as(query).isEqualTo(200);
        return page.body();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void pagesUsersInTheDatabaseFiftyAtATime() throws Exception {
        assertThat(tab(contoso, "tab=users"))
                .contains("<span id=\"range\">1–50 of 1260</span>")
                .contains("Page 1 of 26")
                .contains("id=\"next\" href=\"/companies/" + contoso + "?tab=users&amp;page=2\"")
                .doesNotContain("First 200");
        assertThat(tab(contoso, "tab=users&page=2")).contains("51–100 of 1260").contains("Page 2 of 26");
        assertThat(tab(contoso, "tab=users&page=26"))
                .contains("1251–1260 of 1260")
                .doesNotContain("id=\"next\"");
    }

    @Test
    void aForgedPageNumberShowsTheNearestRealPage() throws Exception {
        for (String forged : new String[] {"0", "-3", "abc", "1%20OR%201%3D1", "1e9", "99999999999999999999"}) {
            assertThat(tab(contoso, "tab=users&page=" + forged))
                    .as(forged)
                    .contains(forged.startsWith("9") ? "1251–1260 of 1260" : "1–50 of 1260");
        }
        assertThat(tab(contoso, "tab=users&page=27")).contains("1251–1260 of 1260");
        assertThat(tab(contoso, "tab=groups&page=2147483647")).contains("Page ");
    }

    @Test
    void searchesInTheDatabaseAndTakesSqlAndHtmlAsText() throws Exception {
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("<tr><td>([^<@]+)@([^<]+)</td>")
                .matcher(tab(contoso, "tab=users&page=7"));
        assertThat(first.find()).isTrue();
        String found = tab(contoso, "tab=users&q=" + encoded(first.group(1).toUpperCase(java.util.Locale.ROOT) + "@"));
        assertThat(found)
                .contains("<td>" + first.group(1) + "@" + first.group(2) + "</td>")
                .doesNotContain("of 1260");

        String sql = tab(contoso, "tab=users&q=" + encoded("' OR '1'='1"));
        assertThat(sql).contains("Nothing matches “&#39; OR &#39;1&#39;=&#39;1”");
        String percent = tab(contoso, "tab=users&q=" + encoded("%"));
        assertThat(percent).contains("Nothing matches");

        String html = tab(contoso, "tab=users&q=" + encoded("<script>alert(1)</script>\"><b>"));
        assertThat(html)
                .doesNotContain("<script>alert(1)")
                .doesNotContain("\"><b>")
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;b&gt;\"");
        assertThat(tab(contoso, "tab=users")).contains("1–50 of 1260"); // nothing was dropped
    }

    @Test
    void showsEveryFieldOfEveryDataset() throws Exception {
        assertThat(tab(contoso, "tab=users"))
                .contains("<th>User principal name</th>", "<th>Name</th>", "<th>Roles</th>", "<th>MFA</th>")
                .contains("<th>Other mails</th>", "<th>Password policies</th>", "<th>Created</th>");
        assertThat(tab(contoso, "tab=devices"))
                .contains("<th>Device</th>", "<th>OS</th>", "<th>Version</th>", "<th>Intune managed</th>")
                .contains("<th>Trust type</th>", "<th>Last sign-in</th>");
        assertThat(tab(contoso, "tab=groups"))
                .contains("<th>Mail</th>", "<th>Type</th>", "<th>Proxy addresses</th>")
                .contains("<th>Resource behaviour options</th>", "<th>Security identifier</th>")
                .contains("S-1-12-1-");
        assertThat(tab(contoso, "tab=licenses"))
                .contains("<th>Active</th>", "<th>Consumed</th>", "<th>Warning</th>", "<th>Suspended</th>")
                .contains("<th>Locked out</th>");
        assertThat(tab(contoso, "tab=roles"))
                .contains("<th>Description</th>", "<th>Template id</th>")
                .contains("62e90394-69f5-4237-9190-012177145e10"); // Global Administrator's template
        assertThat(tab(contoso, "tab=audit_logs"))
                .contains("<th>Result reason</th>", "<th>Service</th>", "<th>Correlation id</th>")
                .contains("<th>Initiated by</th>", "<th>IP address</th>");
        assertThat(tab(contoso, "tab=applications"))
                .contains("<th>Kind</th>", "<th>App id</th>", "<th>Secrets and certificates</th>")
                .contains("<th>Next expiry</th>", "<th>Microsoft Graph permissions</th>")
                .contains("<td>Service principal</td>", "<td>App registration</td>", "Microsoft Graph")
                .contains("Certificate CN=", "Secret ")
                .containsPattern("Secret [^<,]+, ends \\d{4}-\\d\\d-\\d\\dT");
        assertThat(tab(contoso, "tab=managed_devices"))
                .contains("<th>Serial number</th>", "<th>Wi-Fi MAC</th>", "<th>Ethernet MAC</th>")
                .contains("<th>Compliance</th>", "<th>Management agent</th>", "<th>Encrypted</th>")
                .contains("<th>Primary user</th>", "<th>Entra device id</th>", "<th>Last sync</th>")
                .contains("<td>compliant</td>");
        assertThat(tab(tailspin, "tab=managed_devices"))
                .doesNotContain("<td>compliant</td>")
                .contains("managed_devices")
                .contains("the tenant has no Microsoft Intune");
        assertThat(admin.get("/companies/" + contoso).body()).contains(">SUCCEEDED<");
    }

    @Test
    void showsSignInActivityAndConditionalAccessAndWhyATenantWithoutP1HasNeither() throws Exception {
        int users = host.simulation().contoso().users().size();
        assertThat(tab(contoso, "tab=sign_in_activity"))
                .contains("id=\"tab-sign_in_activity\" class=\"on\"")
                .contains("Last interactive")
                .contains("Last non-interactive")
                .contains("Last successful")
                .contains("<time datetime=\"")
                .contains("1–50 of " + users)
                .contains("Sign-in activity<b>" + users + " users (")
                .doesNotContain("sign-ins-na");
        String policies = tab(contoso, "tab=conditional_access");
        assertThat(policies)
                .contains("Block legacy authentication")
                .contains("<span class=\"warn\">Report-only</span>")
                .contains("compliantDevice OR domainJoinedDevice")
                .contains("Phishing-resistant MFA")
                .contains("sign-in every 8 hours, persistent browser never")
                .contains("exchangeActiveSync, other")
                .contains("1–"
                        + host.simulation()
                                .contoso()
                                .conditionalAccessPolicies()
                                .size() + " of "
                        + host.simulation()
                                .contoso()
                                .conditionalAccessPolicies()
                                .size())
                .contains("security defaults off");

        assertThat(tab(tailspin, "tab=sign_in_activity"))
                .contains("id=\"sign-ins-na\"")
                .contains("Sign-in activity<b>unknown (no Entra ID P1)</b>")
                .contains("sign_in_activity: Sign-in activity is unknown for every user");
        assertThat(tab(tailspin, "tab=conditional_access"))
                .contains("Conditional Access<b>0 policies (0 on, 0 report-only)")
                .contains("conditional_access: Tenant "
                        + host.simulation().tailspin().id() + " has no Conditional Access");
    }

    @Test
    void labelsEachKindOfGroupFromItsFlags() throws Exception {
        String groups = tab(contoso, "tab=groups&page=1") + tab(contoso, "tab=groups&page=2");
        assertThat(groups)
                .contains("<span class=\"group-kind\">Microsoft 365</span>")
                .contains("<span class=\"group-kind\">Security</span>")
                .contains("<span class=\"group-kind\">Mail-enabled security</span>")
                .contains("<span class=\"group-kind\">Distribution</span>");
    }

    @Test
    void writesDatesInTheViewersLocaleWithTheExactInstantAndBooleansAsWords() throws Exception {
        String english = admin.get("/companies/" + contoso + "?tab=devices", Map.of("Accept-Language", "en-US"))
                .body();
        String german = admin.get(
                        "/companies/" + contoso + "?tab=devices", Map.of("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"))
                .body();

        assertThat(english)
                .containsPattern("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\" title=\"[^\"]+\">"
                        + "[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d\\d[\\s\\u202f]?[AP]M UTC</time>");
        assertThat(german)
                .containsPattern(
                        "<time datetime=\"[^\"]+Z\" title=\"[^\"]+\">\\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d UTC</time>");
        assertThat(english).contains("<td>Yes</td>").contains("<td>No</td>").doesNotContain("<td>true</td>");
        assertThat(admin.get("/companies/" + contoso + "?tab=devices", Map.of("Accept-Language", "xx;;;q=nonsense"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void explainsMfaNaWithoutEntraIdP1() throws Exception {
        assertThat(tab(tailspin, "tab=users"))
                .contains("id=\"mfa-na\"")
                .contains("no Microsoft Entra ID P1")
                .contains(">n/a<");
        assertThat(tab(contoso, "tab=users")).doesNotContain("id=\"mfa-na\"");
    }

    @Test
    void errorPagesKeepThePortalsNavigation() throws Exception {
        HttpResponse<String> noCompany = admin.get("/companies/C-9999");
        HttpResponse<String> noPage = admin.get("/no-such-page");
        HttpResponse<String> badTab = admin.get("/companies/" + contoso + "?tab=passwords");

        assertThat(noCompany.statusCode()).isEqualTo(404);
        assertThat(noCompany.body()).contains("There is no company C-9999.");
        assertThat(noPage.statusCode()).isEqualTo(404);
        assertThat(noPage.body()).contains("There is no page at /no-such-page.");
        assertThat(badTab.statusCode()).isEqualTo(400);
        for (HttpResponse<String> error : java.util.List.of(noCompany, noPage, badTab)) {
            assertThat(error.body())
                    .contains("<a href=\"/credentials\">Credentials</a>")
                    .contains("id=\"logout\"");
        }
        HttpResponse<String> anonymous = new PortalClient(host).get("/no-such-page");
        assertThat(anonymous.statusCode()).isEqualTo(303); // to the login, as every page without a session
    }

    @Test
    void disconnectingAsksFirstOnACsrfProtectedForm() throws Exception {
        HttpResponse<String> ask = admin.post("/companies/" + tailspin + "/delete", Map.of("data", "purge"));

        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body())
                .contains("Disconnect <b>Tailspin Toys</b>")
                .contains("every record synced from the tenant is deleted")
                .contains(
                        "action=\"/companies/" + tailspin + "/delete/confirmed\"><input type=\"hidden\" name=\"csrf\"")
                .contains("id=\"cancel-delete\"")
                .contains("<a href=\"/jobs\">Jobs</a>");
        assertThat(tab(tailspin, "tab=users")).contains("<span id=\"range\">1–50 of "); // nothing happened yet
        HttpResponse<String> keep = admin.post("/companies/" + contoso + "/delete", Map.of("data", "keep"));
        assertThat(keep.body()).contains("the records synced so far are kept");
        assertThat(admin.get("/").body()).contains(host.simulation().contoso().id());
    }
}
