package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SentMail;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import dev.entrasync.testkit.TestCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync} against a simulated cloud in this JVM, the CLI in its own process with the secret in its environment. */
class SyncCommandTest {

    private static final String CLIENT_ID = "3f2d1c0b-9a8e-4d7c-8b6a-5f4e3d2c1b0a";
    private static final String SECRET = "sync-command-test-secret-0123456789";

    @TempDir
    Path dir;

    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, SECRET);
    private final SimulatedTenant contoso =
            cloud.addTenant(TenantBuilder.create("Contoso").seed(1).users(120).build());

    @AfterEach
    void stop() {
        cloud.close();
    }

    private String db() {
        return "jdbc:h2:" + dir.resolve("entra-sync");
    }

    private CliRunner.Run sync(String... extra) {
        return sync(Map.of("TEST_CLIENT_SECRET", SECRET), List.of("--client-secret-env", "TEST_CLIENT_SECRET"), extra);
    }

    /** {@code sync} against the simulated cloud with the given credential flags and environment. */
    private CliRunner.Run sync(Map<String, String> env, List<String> credential, String... extra) {
        List<String> args = CliRunner.syncArguments(cloud, CLIENT_ID, credential, db(), dir.resolve("key"), extra);
        return CliRunner.process(env, List.of(), Main.class.getName(), args.toArray(String[]::new));
    }

    @Test
    void writesTheSummaryJsonAndExitsNonZeroNamingEachReason() throws Exception {
        contoso.consent(app, Permissions.allRead());
        SimulatedTenant litware = cloud.addTenant(
                TenantBuilder.create("Litware").seed(11).users(30).build());
        litware.consent(app, Permissions.allRead()).revoke(app, Permissions.SECURITY_EVENTS_READ_ALL);
        SimulatedTenant fabrikam = cloud.addTenant(
                TenantBuilder.create("Fabrikam").seed(2).users(10).build());
        Path json = dir.resolve("summary.json");

        CliRunner.Run run = sync(
                "--tenant",
                contoso.id(),
                "--tenant",
                litware.defaultDomain(),
                "--tenant",
                fabrikam.id(),
                "--summary-json",
                json.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("Contoso\\s+126\\s.*SUCCEEDED")
                .containsPattern("Litware\\s+31\\s.*PARTIAL")
                .contains("! secure_scores: ")
                .contains("SecurityEvents.Read.All")
                .contains(fabrikam.id() + ": not synced: ");
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertThat(summary).hasSize(3);
        JsonNode first = summary.get(0);
        assertThat(first.get("tenant").asText()).isEqualTo(fabrikam.id());
        assertThat(first.get("status").asText()).isEqualTo("NOT_SYNCED");
        assertThat(first.get("reason").asText()).contains("No app-only token");
        JsonNode full = summary.get(1);
        assertThat(full.get("tenant").asText()).isEqualTo(contoso.id());
        assertThat(full.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(full.get("datasets")).hasSize(dev.entrasync.Dataset.values().length);
        JsonNode users = full.get("datasets").get("users");
        assertThat(users.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(users.get("rows").asLong()).isEqualTo(126);
        assertThat(users.get("requests").asLong()).isPositive();
        assertThat(users.get("throttledResponses").asLong()).isZero();
        assertThat(users.get("unavailableResponses").asLong()).isZero();
        JsonNode partial = summary.get(2);
        assertThat(partial.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(partial.get("datasets").get("secure_scores").get("reason").asText())
                .contains("SecurityEvents.Read.All");
        assertThat(partial.get("datasets").get("users").get("reason").isNull()).isTrue();
    }

    @Test
    void mailsEachCompanysSummaryWithItsFindingsAndANoticeOfAJobThatDidNotSucceed() {
        contoso.consent(app, Permissions.allRead()).grant(app, Permissions.MAIL_SEND);
        SimulatedTenant litware = cloud.addTenant(
                TenantBuilder.create("Litware").seed(11).users(30).build());
        litware.consent(app, Permissions.allRead()).revoke(app, Permissions.SECURITY_EVENTS_READ_ALL);
        String sender = (String) contoso.users().list().get(0).get("userPrincipalName");

        CliRunner.Run run = sync(
                "--tenant",
                contoso.id(),
                "--tenant",
                litware.id(),
                "--mail-from",
                sender,
                "--mail-to",
                "desk@msp.example,noc@msp.example",
                "--no-progress");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1); // Litware is PARTIAL
        assertThat(run.out()).contains("Mailed 2 summaries to desk@msp.example, noc@msp.example.");
        List<SentMail> mails = cloud.sentMail();
        assertThat(mails)
                .allSatisfy(m -> {
                    assertThat(m.tenantId())
                            .as("sent from the credential's home tenant")
                            .isEqualTo(contoso.id());
                    assertThat(m.senderUserPrincipalName()).isEqualTo(sender);
                    assertThat(m.toRecipients()).containsExactly("desk@msp.example", "noc@msp.example");
                })
                .extracting(SentMail::subject)
                .containsExactlyInAnyOrder(
                        "Litware: sync failing", "Contoso: Entra ID summary", "Litware: Entra ID summary");
        SentMail notice = mails.stream()
                .filter(m -> m.subject().endsWith("sync failing"))
                .findFirst()
                .orElseThrow();
        assertThat(notice.body())
                .contains("ended PARTIAL")
                .contains("- secure_scores: ")
                .contains("SecurityEvents");
        SentMail summary = mails.stream()
                .filter(m -> m.subject().startsWith("Contoso:"))
                .findFirst()
                .orElseThrow();
        assertThat(summary.body())
                .contains("Entra ID summary for Contoso (tenant " + contoso.id() + ")")
                .contains("Users: 126")
                .contains("Last sync: SUCCEEDED")
                .contains("Open findings: ")
                .contains("Fix: ");
    }

    @Test
    void aMailThatCannotBeSentIsNamedAndFailsTheRunButKeepsTheSync() {
        contoso.consent(app, Permissions.allRead()); // no Mail.Send
        String sender = (String) contoso.users().list().get(0).get("userPrincipalName");

        CliRunner.Run run =
                sync("--tenant", contoso.id(), "--mail-from", sender, "--mail-to", "desk@msp.example", "--no-progress");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("Contoso\\s+126\\s.*SUCCEEDED")
                .contains("Mailed 0 summaries to desk@msp.example.")
                .contains("1 mail(s) could not be sent from " + sender);
        assertThat(run.err())
                .contains("Could not mail 'Contoso: Entra ID summary'")
                .contains("Mail.Send");
        assertThat(cloud.sentMail()).isEmpty();
        assertThat(CliRunner.here("show", "--db", db(), "--tenant", contoso.id(), "--dataset", "users", "--limit", "1")
                        .exit())
                .isZero();
    }

    @Test
    void mailOptionsAreCheckedBeforeAnythingIsCreated() {
        contoso.consent(app, Permissions.allRead());

        CliRunner.Run onlyFrom = sync("--tenant", contoso.id(), "--mail-from", "noc@contoso.example");
        CliRunner.Run badTo =
                sync("--tenant", contoso.id(), "--mail-from", "noc@contoso.example", "--mail-to", "not an address");

        assertThat(onlyFrom.exit()).isEqualTo(2);
        assertThat(onlyFrom.err()).contains("--mail-from MAILBOX and --mail-to ADDRESS go together");
        assertThat(badTo.exit()).isEqualTo(2);
        assertThat(badTo.err()).contains("--mail-to: 'not an address' is not an email address");
        assertThat(dir.resolve("entra-sync.mv.db")).doesNotExist();
        assertThat(cloud.sentMail()).isEmpty();
    }

    @Test
    void syncsTheFourNewDatasetsWithTheTenantsCountsAndShowPrintsTheirRows() throws Exception {
        contoso.consent(app, Permissions.allRead());
        // without Entra ID P1 (and, in the simulated cloud, without Intune)
        SimulatedTenant tailspin = cloud.addTenant(TenantBuilder.create("Tailspin Toys")
                .seed(5)
                .users(20)
                .premium(false)
                .build());
        tailspin.consent(app, Permissions.allRead());
        Path json = dir.resolve("summary.json");

        CliRunner.Run run = sync(
                "--tenant",
                contoso.id(),
                "--tenant",
                tailspin.id(),
                "--datasets",
                "sign_in_activity,conditional_access,applications,managed_devices",
                "--summary-json",
                json.toString());

        // Tailspin's managed_devices fails (no Intune), so the run is PARTIAL and exits 1; its other datasets succeed
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertSignInActivityAndConditionalAccess(run, summary, tailspin);
        assertApplicationsAndManagedDevices(run, summary, tailspin);
    }

    private void assertSignInActivityAndConditionalAccess(CliRunner.Run run, JsonNode summary, SimulatedTenant tailspin)
            throws Exception {
        CliRunner.Run signIns = CliRunner.here(
                "show", "--db", db(), "--tenant", contoso.id(), "--dataset", "sign_in_activity", "--limit", "500");
        CliRunner.Run policies =
                CliRunner.here("show", "--db", db(), "--tenant", contoso.id(), "--dataset", "conditional_access");
        CliRunner.Run unlicensed =
                CliRunner.here("show", "--db", db(), "--tenant", tailspin.id(), "--dataset", "conditional_access");

        int users = contoso.users().size();
        int caPolicies = contoso.conditionalAccessPolicies().size();
        assertThat(run.out())
                .containsPattern(contoso.id().substring(0, 15) + "…\\s+-\\s.*SUCCEEDED")
                .contains("  + sign_in_activity: " + users + " users (")
                .contains("  + conditional_access: " + caPolicies + " policies (")
                .contains("  + sign_in_activity: unknown (no Entra ID P1)")
                .contains("  + conditional_access: 0 policies (0 on, 0 report-only), MFA for all users: "
                        + (tailspin.securityDefaultsEnabled() ? "yes" : "no") + ", security defaults "
                        + (tailspin.securityDefaultsEnabled() ? "on" : "off"))
                .contains("  ~ sign_in_activity: Sign-in activity is unknown for every user (not \"never signed in\")")
                .contains("  ~ conditional_access: Tenant " + tailspin.id() + " has no Conditional Access");
        JsonNode licensed =
                summary.get(0).get("tenant").asText().equals(contoso.id()) ? summary.get(0) : summary.get(1);
        assertThat(licensed.get("datasets")).hasSize(4);
        assertThat(licensed.get("datasets").get("sign_in_activity").get("rows").asLong())
                .isEqualTo(users);
        assertThat(licensed.get("datasets")
                        .get("sign_in_activity")
                        .get("requests")
                        .asLong())
                .isEqualTo(1);
        assertThat(licensed.get("datasets")
                        .get("conditional_access")
                        .get("rows")
                        .asLong())
                .isEqualTo(caPolicies + 1);
        assertThat(licensed.get("datasets")
                        .get("conditional_access")
                        .get("requests")
                        .asLong())
                .isEqualTo(1);

        assertThat(signIns.exit()).as(signIns.err()).isZero();
        assertThat(signIns.out())
                .contains("Last interactive")
                .contains("Last successful")
                .contains("Never signed in")
                .contains((String) contoso.users().list().get(0).get("userPrincipalName"))
                .containsPattern("(?m)^\\S+#EXT#\\S+\\s+true\\s*$") // a guest who never signed in: no times
                .contains(users + " of " + users + " sign_in_activity")
                .contains("sign-in activity " + users + " users (");
        assertThat(policies.exit()).as(policies.err()).isZero();
        assertThat(policies.out())
                .contains("Block legacy authentication")
                .contains("report-only")
                .contains("compliantDevice OR domainJoinedDevice")
                .contains("Phishing-resistant MFA")
                .contains("sign-in every 8 hours")
                .contains("security defaults off")
                .contains(caPolicies + " of " + caPolicies + " conditional_access");
        assertThat(unlicensed.out())
                .contains("0 of 0 conditional_access")
                .contains("sign-in activity unknown (no Entra ID P1), Conditional Access 0 policies")
                .contains("security defaults " + (tailspin.securityDefaultsEnabled() ? "on" : "off"));
    }

    private void assertApplicationsAndManagedDevices(CliRunner.Run run, JsonNode summary, SimulatedTenant tailspin) {
        CliRunner.Run apps = CliRunner.here(
                "show", "--db", db(), "--tenant", contoso.id(), "--dataset", "applications", "--limit", "100");
        CliRunner.Run devices = CliRunner.here(
                "show", "--db", db(), "--tenant", contoso.id(), "--dataset", "managed-devices", "--limit", "1000");

        long applications =
                contoso.applications().size() + contoso.servicePrincipals().size();
        // only the four new datasets were synced: users, devices, groups ... are "-", the tenant shows as its id
        assertThat(run.out())
                .containsPattern(contoso.id().substring(0, 15) + ".*\\s-\\s+" + applications + "\\s+"
                        + contoso.managedDevices().size() + "\\s+SUCCEEDED")
                .containsPattern(tailspin.id().substring(0, 15) + ".*\\s-\\s+"
                        + (tailspin.applications().size()
                                + tailspin.servicePrincipals().size()) + "\\s+-\\s+PARTIAL")
                .contains("! managed_devices: ")
                .contains("Microsoft Intune");
        JsonNode synced = null;
        JsonNode withoutIntune = null;
        for (JsonNode tenant : summary) {
            synced = tenant.get("tenant").asText().equals(contoso.id()) ? tenant : synced;
            withoutIntune = tenant.get("tenant").asText().equals(tailspin.id()) ? tenant : withoutIntune;
        }
        assertThat(synced.get("datasets")).hasSize(4);
        assertThat(synced.get("datasets").get("applications").get("rows").asLong())
                .isEqualTo(applications);
        assertThat(synced.get("datasets").get("managed_devices").get("rows").asLong())
                .isEqualTo(contoso.managedDevices().size());
        assertThat(withoutIntune
                        .get("datasets")
                        .get("managed_devices")
                        .get("status")
                        .asText())
                .isEqualTo("FAILED");
        assertThat(withoutIntune
                        .get("datasets")
                        .get("managed_devices")
                        .get("reason")
                        .asText())
                .contains("Request not applicable to target tenant");
        assertThat(withoutIntune
                        .get("datasets")
                        .get("applications")
                        .get("status")
                        .asText())
                .isEqualTo("SUCCEEDED");
        assertThat(withoutIntune.get("datasets").get("applications").get("rows").asLong())
                .isEqualTo(tailspin.applications().size()
                        + tailspin.servicePrincipals().size());

        assertThat(apps.exit()).as(apps.err()).isZero();
        assertThat(apps.out())
                .contains("Graph permissions")
                .contains("Microsoft Graph")
                .contains("App registration")
                .contains("User.Read.All")
                .contains(applications + " of " + applications + " applications");
        String hint = (String)
                ((Map<?, ?>) ((List<?>) contoso.applications().list().get(0).get("passwordCredentials")).get(0))
                        .get("hint");
        assertThat(apps.out()).doesNotContain(" " + hint + " ");
        assertThat(devices.exit()).as(devices.err()).isZero();
        Map<String, Object> device = contoso.managedDevices().list().get(0);
        assertThat(devices.out())
                .contains("Serial")
                .contains((String) device.get("serialNumber"))
                .contains((String) device.get("wiFiMacAddress"))
                .contains(contoso.managedDevices().size() + " of "
                        + contoso.managedDevices().size() + " managed_devices");
    }

    @Test
    void exitsZeroWhenEveryJobSucceededThenSyncsDeltasAndShowPrintsTheUsers() throws Exception {
        contoso.consent(app, Permissions.allRead());
        Path json = dir.resolve("again.json");

        CliRunner.Run first = sync("--tenant", contoso.id(), "--datasets", "users,devices");
        contoso.users()
                .update((String) contoso.users().list().get(0).get("id"), Map.of("displayName", "Renamed Person"));
        CliRunner.Run second = CliRunner.process(
                Map.of(),
                List.of(),
                Main.class.getName(),
                "sync",
                "--tenant",
                contoso.id(),
                "--datasets",
                "users,devices",
                "--db",
                db(),
                "--key-file",
                dir.resolve("key").toString(),
                "--summary-json",
                json.toString());
        CliRunner.Run show = CliRunner.here("show", "--db", db(), "--tenant", contoso.id(), "--limit", "200");

        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(second.exit()).as(second.out() + second.err()).isZero();
        JsonNode datasets = new ObjectMapper().readTree(json.toFile()).get(0).get("datasets");
        assertThat(datasets.get("users").get("mode").asText()).isEqualTo("DELTA");
        assertThat(datasets.get("devices").get("mode").asText()).isEqualTo("DELTA");
        assertThat(datasets.get("devices").get("requests").asLong()).isEqualTo(1);
        assertThat(show.exit()).isZero();
        assertThat(show.out())
                .contains("User principal name")
                .contains("Renamed Person")
                .contains("126 of 126 users")
                .contains("Tenant " + contoso.id() + ": 126 users")
                .contains(" - groups, licences - paid (- free), - roles, - audit events");
        assertThat(first.err()).contains("Created new database at " + dir.resolve("entra-sync.mv.db"));
    }

    @Test
    void syncsWithAPkcs12CertificateWhosePasswordComesFromTheEnvironment() throws Exception {
        contoso.consent(app, Permissions.allRead());
        Instant now = Instant.now();
        TestCertificate certificate = TestCertificate.selfSigned(
                "entra-sync cli", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(60)));
        app.addCertificate(certificate.certificate());
        cloud.acceptAssertionAudienceHost("login.custom.entrasync.invalid"); // MSAL4J's name for a custom cloud
        String password = "Pfx-Pass-" + Long.toHexString(System.nanoTime());
        Path pfx = dir.resolve("app.pfx");
        Files.write(pfx, certificate.pkcs12(password.toCharArray()));

        CliRunner.Run run = sync(
                Map.of("TEST_PFX_PASSWORD", password),
                List.of(
                        "--client-certificate",
                        pfx.toString(),
                        "--client-certificate-password-env",
                        "TEST_PFX_PASSWORD"),
                "--tenant",
                contoso.id(),
                "--datasets",
                "users",
                "--no-progress");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("\\s126\\s.*SUCCEEDED");
        assertThat(run.out() + run.err()).doesNotContain(password);
        assertThat(cloud.tokenCalls())
                .singleElement()
                .satisfies(
                        c -> assertThat(c.body()).contains("client_assertion=").doesNotContain("client_secret"));
    }

    @Test
    void refusesASecretAndACertificateTogether() {
        CliRunner.Run run = CliRunner.here(
                "sync",
                "--tenant",
                contoso.id(),
                "--client-id",
                CLIENT_ID,
                "--client-secret-env",
                "TEST_CLIENT_SECRET",
                "--client-certificate",
                dir.resolve("app.pfx").toString(),
                "--db",
                db(),
                "--key-file",
                dir.resolve("key").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("exactly one of --client-secret-env VAR").contains("--client-certificate FILE");
    }

    @Test
    void refusesASecretOnTheCommandLineBeforeTouchingAnything() {
        CliRunner.Run run = CliRunner.here(
                "sync",
                "--tenant",
                contoso.id(),
                "--client-id",
                CLIENT_ID,
                "--client-secret",
                "Sup3r-S3cret-Value",
                "--db",
                db(),
                "--key-file",
                dir.resolve("key").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--client-secret is refused").contains("--client-secret-env");
        assertThat(run.out() + run.err()).doesNotContain("Sup3r-S3cret-Value");
        assertThat(dir.resolve("key")).doesNotExist();
        assertThat(dir.resolve("entra-sync.mv.db")).doesNotExist();
    }

    @Test
    void refusesPlainHttpOnAHostThatIsNotLoopback() {
        CliRunner.Run run = CliRunner.here(
                "sync",
                "--tenant",
                contoso.id(),
                "--cloud",
                "custom",
                "--login-url",
                "http://login.example.com",
                "--graph-url",
                "https://graph.example.com",
                "--client-id",
                CLIENT_ID,
                "--client-secret-env",
                "UNSET_VARIABLE_FOR_TEST",
                "--db",
                db(),
                "--key-file",
                dir.resolve("key").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("plain http:// is allowed only on a loopback address");
    }

    @Test
    void namesAnUnsetSecretVariable() {
        CliRunner.Run run = CliRunner.here(
                "sync",
                "--tenant",
                contoso.id(),
                "--cloud",
                "custom",
                "--login-url",
                cloud.loginUrl(),
                "--graph-url",
                cloud.graphUrl(),
                "--client-id",
                CLIENT_ID,
                "--client-secret-env",
                "UNSET_VARIABLE_FOR_TEST",
                "--db",
                db(),
                "--key-file",
                dir.resolve("key").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("UNSET_VARIABLE_FOR_TEST is not set");
    }

    @Test
    void needsTenantsOrAll() {
        CliRunner.Run run = CliRunner.here("sync", "--db", db());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--tenant").contains("--all");
    }

    @Test
    void consentUrlAndPreflightUseTheSavedCredential() throws Exception {
        contoso.consent(app, Permissions.allRead());
        contoso.revoke(app, Permissions.AUDIT_LOG_READ_ALL);
        CliRunner.Run synced = sync("--tenant", contoso.id(), "--datasets", "devices");

        CliRunner.Run link = CliRunner.here(
                "consent-url",
                "--tenant",
                contoso.id(),
                "--db",
                db(),
                "--key-file",
                dir.resolve("key").toString());
        CliRunner.Run preflight = CliRunner.here(
                "preflight", "--db", db(), "--key-file", dir.resolve("key").toString());

        assertThat(synced.exit()).as(synced.out() + synced.err()).isZero();
        assertThat(link.exit()).as(link.err()).isZero();
        assertThat(link.out().trim())
                .startsWith(cloud.loginUrl() + "/" + contoso.id() + "/oauth2/v2.0/authorize?client_id=" + CLIENT_ID)
                .contains("&state=")
                .contains("&code_challenge_method=S256");
        assertThat(preflight.exit()).isZero();
        assertThat(preflight.out())
                .contains("Preflight of tenant " + contoso.id())
                .contains("can sync, with warnings");
        assertThat(Files.readString(dir.resolve("key"))).doesNotContain(SECRET);
    }
}
