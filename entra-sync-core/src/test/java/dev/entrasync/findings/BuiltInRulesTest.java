package dev.entrasync.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.TenantId;
import dev.entrasync.model.ApplicationCredential;
import dev.entrasync.model.AssignedLicense;
import dev.entrasync.model.AuditTarget;
import dev.entrasync.model.ConditionalAccessGrant;
import dev.entrasync.model.EntraApplication;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraConditionalAccessPolicy;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraManagedDevice;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraRoleMember;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSecurityDefaults;
import dev.entrasync.model.EntraSignInActivity;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import dev.entrasync.model.ModifiedProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each built-in rule over plain records: one case that fires it, one that does not. */
class BuiltInRulesTest {

    private static final TenantId TENANT = TenantId.of("contoso.onmicrosoft.com");
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String GA = BuiltInRules.GLOBAL_ADMINISTRATOR;
    private static final AssignedLicense E3 = new AssignedLicense("05e9a617-0261-4cee-bb44-138d3ef5d965", "E3");

    private static List<Finding> run(FindingRule rule, EntraRecord... records) {
        return rule.evaluate(TenantData.of(TENANT, NOW, List.of(records)));
    }

    private static EntraUser user(String id, String type, MfaStatus.State mfa) {
        return new EntraUser(
                id,
                id + "@contoso.com",
                id,
                true,
                type,
                NOW.minus(Duration.ofDays(400)),
                null,
                null,
                null,
                List.of(E3),
                null,
                new MfaStatus(mfa, null, null, null));
    }

    private static EntraRole role(String templateId, String name, String... userIds) {
        List<EntraRoleMember> members = new ArrayList<>();
        for (String id : userIds) {
            members.add(new EntraRoleMember(id, "user", id + "@contoso.com", id));
        }
        return new EntraRole("r-" + templateId, name, null, templateId, members);
    }

    private static EntraConditionalAccessPolicy policy(String state, String users, String control) {
        return new EntraConditionalAccessPolicy(
                "p1",
                "Require MFA",
                state,
                null,
                null,
                List.of(users),
                null,
                null,
                null,
                null,
                null,
                List.of("All"),
                null,
                null,
                List.of("all"),
                new ConditionalAccessGrant("OR", List.of(control), null, null),
                null);
    }

    @Test
    void mfaNotEnforcedFiresWhenDefaultsAreOffAndNoPolicyRequiresMfaOfAll() {
        List<Finding> found = run(
                BuiltInRules.mfaNotEnforced(),
                new EntraSecurityDefaults("sd", "Security Defaults", false),
                policy("enabled", "GuestsOrExternalUsers", "mfa"));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.affected()).extracting(AffectedObject::id).containsExactly("p1");
        });
    }

    @Test
    void mfaNotEnforcedIsQuietWithAnEnabledPolicyForAllOrWithSecurityDefaults() {
        assertThat(run(
                        BuiltInRules.mfaNotEnforced(),
                        new EntraSecurityDefaults("sd", null, false),
                        policy("enabled", "All", "mfa")))
                .isEmpty();
        assertThat(run(BuiltInRules.mfaNotEnforced(), new EntraSecurityDefaults("sd", null, true)))
                .isEmpty();
    }

    @Test
    void mfaNotEnforcedCountsAReportOnlyPolicyAsNotEnforcing() {
        assertThat(run(
                        BuiltInRules.mfaNotEnforced(),
                        new EntraSecurityDefaults("sd", null, false),
                        policy("enabledForReportingButNotEnforced", "All", "mfa")))
                .extracting(Finding::severity)
                .containsExactly(Severity.CRITICAL);
    }

    @Test
    void mfaNotEnforcedCannotBeEvaluatedWithoutTheSecurityDefaultsRecord() {
        assertThat(run(BuiltInRules.mfaNotEnforced()))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void privilegedUsersWithoutMfaFiresForAnUnregisteredAdmin() {
        List<Finding> found = run(
                BuiltInRules.privilegedUsersWithoutMfa(),
                user("alice", "Member", MfaStatus.State.NOT_REGISTERED),
                user("bob", "Member", MfaStatus.State.REGISTERED),
                user("carol", "Member", MfaStatus.State.NOT_REGISTERED),
                role(GA, "Global Administrator", "alice", "bob"),
                role("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers", "carol"));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.affected()).extracting(AffectedObject::id).containsExactly("alice");
        });
    }

    @Test
    void privilegedUsersWithoutMfaIsQuietWhenAdminsAreRegisteredAndInfoWhenUnknown() {
        assertThat(run(
                        BuiltInRules.privilegedUsersWithoutMfa(),
                        user("bob", "Member", MfaStatus.State.REGISTERED),
                        role(GA, "Global Administrator", "bob")))
                .isEmpty();
        assertThat(run(
                        BuiltInRules.privilegedUsersWithoutMfa(),
                        user("bob", "Member", MfaStatus.State.UNKNOWN),
                        role(GA, "Global Administrator", "bob")))
                .extracting(Finding::severity)
                .containsExactly(Severity.INFO);
    }

    @Test
    void globalAdministratorCountFiresForOneAndForFive() {
        assertThat(run(BuiltInRules.globalAdministratorCount(), role(GA, "Global Administrator", "a")))
                .singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("1 Global Administrator:"));
        assertThat(run(
                        BuiltInRules.globalAdministratorCount(),
                        role(GA, "Global Administrator", "a", "b", "c", "d", "e")))
                .singleElement()
                .satisfies(f -> assertThat(f.affected()).hasSize(5));
    }

    @Test
    void globalAdministratorCountIsQuietForTwoToFour() {
        assertThat(run(BuiltInRules.globalAdministratorCount(), role(GA, "Global Administrator", "a", "b")))
                .isEmpty();
        assertThat(run(BuiltInRules.globalAdministratorCount(), role(GA, "Global Administrator", "a", "b", "c", "d")))
                .isEmpty();
    }

    @Test
    void privilegedGuestsFiresForAGuestAdmin() {
        assertThat(run(
                        BuiltInRules.privilegedGuests(),
                        user("guest", "Guest", MfaStatus.State.REGISTERED),
                        user("bob", "Member", MfaStatus.State.REGISTERED),
                        role(GA, "Global Administrator", "guest", "bob")))
                .singleElement()
                .satisfies(f ->
                        assertThat(f.affected()).extracting(AffectedObject::id).containsExactly("guest"));
    }

    @Test
    void privilegedGuestsIsQuietForAGuestInAnUnprivilegedRole() {
        assertThat(run(
                        BuiltInRules.privilegedGuests(),
                        user("guest", "Guest", MfaStatus.State.REGISTERED),
                        role("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers", "guest")))
                .isEmpty();
    }

    private static EntraApplication sp(String id, String owner, List<String> permissions, Instant credentialEnd) {
        List<ApplicationCredential> creds = credentialEnd == null
                ? List.of()
                : List.of(new ApplicationCredential(
                        "k1", ApplicationCredential.Kind.SECRET, "prod", null, credentialEnd, null, null));
        return new EntraApplication(
                id,
                EntraApplication.Kind.SERVICE_PRINCIPAL,
                "app-" + id,
                "App " + id,
                null,
                "AzureADMultipleOrgs",
                "Application",
                true,
                owner,
                creds,
                permissions);
    }

    @Test
    void highPrivilegeServicePrincipalsFiresForReadWriteAll() {
        assertThat(run(
                        BuiltInRules.highPrivilegeServicePrincipals(),
                        sp("a", "other-tenant", List.of("Directory.ReadWrite.All", "User.Read.All"), null),
                        sp("b", "other-tenant", List.of("RoleManagement.ReadWrite.Directory"), null)))
                .singleElement()
                .satisfies(f -> assertThat(f.affected())
                        .extracting(AffectedObject::displayName)
                        .containsExactly(
                                "App a (Directory.ReadWrite.All)", "App b (RoleManagement.ReadWrite.Directory)"));
    }

    @Test
    void highPrivilegeServicePrincipalsIsQuietForReadOnlyAndForMicrosoftsOwn() {
        assertThat(run(
                        BuiltInRules.highPrivilegeServicePrincipals(),
                        sp("a", "other-tenant", List.of("User.Read.All", "Directory.Read.All"), null),
                        sp("m", BuiltInRules.MICROSOFT_TENANT, List.of("Directory.ReadWrite.All"), null)))
                .isEmpty();
    }

    @Test
    void appCredentialsExpiringFiresForExpiredAndSoonExpiring() {
        assertThat(run(
                        BuiltInRules.appCredentialsExpiring(Duration.ofDays(30)),
                        sp("gone", null, List.of(), NOW.minus(Duration.ofDays(1))),
                        sp("soon", null, List.of(), NOW.plus(Duration.ofDays(29))),
                        sp("fine", null, List.of(), NOW.plus(Duration.ofDays(31)))))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.affected()).extracting(AffectedObject::id).containsExactly("gone", "soon");
                    assertThat(f.detail()).contains("expired (1)");
                });
    }

    @Test
    void appCredentialsExpiringIsQuietBeyondTheWindowAndRejectsABadWindow() {
        assertThat(run(
                        BuiltInRules.appCredentialsExpiring(Duration.ofDays(30)),
                        sp("fine", null, List.of(), NOW.plus(Duration.ofDays(31))),
                        sp("none", null, List.of(), null)))
                .isEmpty();
        assertThatThrownBy(() -> BuiltInRules.appCredentialsExpiring(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("within");
    }

    @Test
    void inactiveAccountsFiresForAnOldSignInAndForNone() {
        assertThat(run(
                        BuiltInRules.inactiveAccounts(Duration.ofDays(90)),
                        user("old", "Member", MfaStatus.State.REGISTERED),
                        user("never", "Member", MfaStatus.State.REGISTERED),
                        user("active", "Member", MfaStatus.State.REGISTERED),
                        new EntraSignInActivity("old", null, NOW.minus(Duration.ofDays(91)), null, null),
                        new EntraSignInActivity("never", null, null, null, null),
                        new EntraSignInActivity("active", null, null, NOW.minus(Duration.ofDays(2)), null)))
                .singleElement()
                .satisfies(f ->
                        assertThat(f.affected()).extracting(AffectedObject::id).containsExactly("old", "never"));
    }

    @Test
    void inactiveAccountsIsQuietForActiveUsersAndInfoWithoutSignInData() {
        assertThat(run(
                        BuiltInRules.inactiveAccounts(Duration.ofDays(90)),
                        user("active", "Member", MfaStatus.State.REGISTERED),
                        new EntraSignInActivity("active", null, NOW.minus(Duration.ofDays(89)), null, null)))
                .isEmpty();
        assertThat(run(
                        BuiltInRules.inactiveAccounts(Duration.ofDays(90)),
                        user("unknown", "Member", MfaStatus.State.REGISTERED)))
                .extracting(Finding::severity)
                .containsExactly(Severity.INFO);
    }

    private static EntraManagedDevice device(String id, String compliance) {
        return new EntraManagedDevice(
                id,
                "PC-" + id,
                "Windows",
                "10.0",
                compliance,
                "mdm",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                true,
                "alice@contoso.com",
                null);
    }

    @Test
    void nonCompliantDevicesFiresForANoncompliantDevice() {
        assertThat(run(BuiltInRules.nonCompliantDevices(), device("1", "noncompliant"), device("2", "compliant")))
                .singleElement()
                .satisfies(f -> assertThat(f.affected())
                        .extracting(AffectedObject::displayName)
                        .containsExactly("PC-1 (alice@contoso.com)"));
    }

    @Test
    void nonCompliantDevicesIsQuietWhenAllComply() {
        assertThat(run(BuiltInRules.nonCompliantDevices(), device("2", "compliant")))
                .isEmpty();
    }

    private static EntraLicense license(String part, String status, int enabled, int consumed) {
        return new EntraLicense("sku-" + part, part, part + " product", status, enabled, consumed, 0, 0, 0);
    }

    @Test
    void unassignedLicensesFiresForFreeUnitsOfAPaidSku() {
        assertThat(run(BuiltInRules.unassignedLicenses(), license("SPE_E3", "Enabled", 25, 20)))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.detail()).startsWith("5 paid licence units");
                    assertThat(f.severity()).isEqualTo(Severity.LOW);
                });
    }

    @Test
    void unassignedLicensesIsQuietForFullPaidFreeAndSuspendedSkus() {
        assertThat(run(
                        BuiltInRules.unassignedLicenses(),
                        license("SPE_E3", "Enabled", 20, 20),
                        license("FLOW_FREE", "Enabled", 10000, 3),
                        license("EMS_TRIAL", "Enabled", 25, 0),
                        license("SPE_E5", "Suspended", 25, 0)))
                .isEmpty();
    }

    private static EntraSecureScore score(String id, Instant at, double current) {
        return new EntraSecureScore(id, at, current, 80.0, 10, 10, List.of(), List.of());
    }

    @Test
    void secureScoreDropFiresWhenTheScoreFellMoreThanTheThresholdInTheWindow() {
        assertThat(run(
                        BuiltInRules.secureScoreDrop(5, Duration.ofDays(7)),
                        score("old", NOW.minus(Duration.ofDays(10)), 30), // outside the window: not the baseline
                        score("week", NOW.minus(Duration.ofDays(6)), 52),
                        score("mid", NOW.minus(Duration.ofDays(3)), 50),
                        score("now", NOW, 46)))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.detail()).isEqualTo("The secure score fell 6.0 points in 6 days, from 52.0 to 46.0.");
                    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(f.affected()).extracting(AffectedObject::id).containsExactly("now");
                });
    }

    @Test
    void secureScoreDropIsQuietForASmallDropARiseOrASingleSnapshot() {
        FindingRule rule = BuiltInRules.secureScoreDrop(5, Duration.ofDays(7));
        assertThat(run(rule, score("week", NOW.minus(Duration.ofDays(6)), 52), score("now", NOW, 47)))
                .isEmpty(); // exactly 5: not more than 5
        assertThat(run(rule, score("old", NOW.minus(Duration.ofDays(10)), 60), score("now", NOW, 40)))
                .isEmpty(); // the only earlier snapshot is outside the window
        assertThat(run(rule, score("week", NOW.minus(Duration.ofDays(6)), 40), score("now", NOW, 60)))
                .isEmpty();
        assertThat(run(rule, score("now", NOW, 10))).isEmpty();
        assertThatThrownBy(() -> BuiltInRules.secureScoreDrop(-1, Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points");
    }

    private static final String MEGAN = "6e7b768e-07e2-4810-8459-485f84f8f204";

    /** A directory audit of a role change as Graph logs it: the member with the role's properties, then the role. */
    private static EntraAuditEvent roleEvent(
            String id, String activity, Instant at, String result, String templateId, String roleName) {
        boolean added = activity.startsWith("Add");
        List<ModifiedProperty> props = new ArrayList<>();
        props.add(prop("Role.ObjectID", "role-object-" + roleName, added));
        props.add(prop("Role.DisplayName", roleName, added));
        if (templateId != null) {
            props.add(prop("Role.TemplateId", templateId, added));
        }
        return new EntraAuditEvent(
                id,
                at,
                activity,
                "RoleManagement",
                added ? "Assign" : "Unassign",
                result,
                "",
                "Core Directory",
                "corr-" + id,
                "adele-id",
                "AdeleV@contoso.com",
                null,
                null,
                "203.0.113.7",
                List.of(
                        new AuditTarget(MEGAN, "User", null, "MeganB@contoso.com", props),
                        new AuditTarget("role-object-" + roleName, "Role", null, null)));
    }

    private static ModifiedProperty prop(String name, String value, boolean added) {
        String quoted = "\"" + value + "\"";
        return added ? new ModifiedProperty(name, null, quoted) : new ModifiedProperty(name, quoted, null);
    }

    private static EntraAuditEvent assigned(String id, Instant at, String templateId, String roleName) {
        return roleEvent(id, "Add member to role", at, "success", templateId, roleName);
    }

    @Test
    void privilegedRoleAssignedRecentlyFiresForAGlobalAdministratorAssignedHoursAgo() {
        Instant at = NOW.minus(Duration.ofHours(3));
        List<Finding> found = run(
                BuiltInRules.privilegedRoleAssignedRecently(Duration.ofDays(1)),
                assigned("a1", at, GA, "Global Administrator"));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("privileged-role-assigned-recently");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.title()).isEqualTo("Privileged role assigned in the last day");
            assertThat(f.detail()).isEqualTo("1 privileged role assignment was made in the last day.");
            assertThat(f.fix())
                    .isEqualTo("Confirm with whoever made each assignment that it was intended, and remove the role"
                            + " otherwise. Give privileged roles as eligible assignments in Privileged Identity"
                            + " Management (activated when needed, for a few hours) rather than as permanent ones.");
            assertThat(f.affected())
                    .containsExactly(new AffectedObject(
                            MEGAN,
                            "MeganB@contoso.com: Global Administrator, assigned by AdeleV@contoso.com at "
                                    + "2026-12-07T09:00:00Z"));
        });
    }

    @Test
    void privilegedRoleAssignedRecentlyMatchesTheRoleNameWhenTheEventHasNoTemplateIdAndNamesTheApp() {
        EntraAuditEvent byApp = new EntraAuditEvent(
                "a2",
                NOW.minus(Duration.ofHours(30)),
                "Add member to role",
                "RoleManagement",
                "Assign",
                "success",
                null,
                "Core Directory",
                null,
                null,
                null,
                "app-id",
                "Provisioning <script>app</script>",
                null,
                List.of(new AuditTarget(
                        "sp-1",
                        "ServicePrincipal",
                        "Deploy bot",
                        null,
                        List.of(new ModifiedProperty("Role.DisplayName", null, "\"privileged role administrator\"")))));

        assertThat(run(BuiltInRules.privilegedRoleAssignedRecently(Duration.ofDays(2)), byApp))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.title()).isEqualTo("Privileged role assigned in the last 2 days");
                    assertThat(f.affected())
                            .containsExactly(new AffectedObject(
                                    "sp-1",
                                    "Deploy bot: privileged role administrator, assigned by"
                                            + " Provisioning <script>app</script> at 2026-12-06T06:00:00Z"));
                });
    }

    @Test
    void privilegedRoleAssignedRecentlyIsQuietForOldUnprivilegedFailedRemovedAndPimActivatedAssignments() {
        FindingRule rule = BuiltInRules.privilegedRoleAssignedRecently(Duration.ofDays(1));
        Instant recent = NOW.minus(Duration.ofHours(2));
        assertThat(run(rule, assigned("old", NOW.minus(Duration.ofHours(25)), GA, "Global Administrator")))
                .as("older than the window")
                .isEmpty();
        assertThat(run(rule, assigned("later", NOW.plus(Duration.ofMinutes(1)), GA, "Global Administrator")))
                .as("after now")
                .isEmpty();
        assertThat(run(
                        rule,
                        assigned("reader", recent, "5d6b6bb7-de71-4623-b4af-96380a352509", "Security Reader"),
                        assigned("helpdesk", recent, null, "Helpdesk Administrator")))
                .as("roles not privileged, by template id and by name")
                .isEmpty();
        assertThat(run(
                        rule,
                        // a privileged name under an unprivileged template id: the template id decides
                        assigned("forged", recent, "5d6b6bb7-de71-4623-b4af-96380a352509", "Global Administrator")))
                .isEmpty();
        assertThat(run(rule, roleEvent("failed", "Add member to role", recent, "failure", GA, "Global Administrator")))
                .as("failed")
                .isEmpty();
        assertThat(run(
                        rule,
                        assigned("added", recent, GA, "Global Administrator"),
                        roleEvent(
                                "removed",
                                "Remove member from role",
                                recent.plus(Duration.ofMinutes(5)),
                                "success",
                                GA,
                                "Global Administrator")))
                .as("removed again after it was given")
                .isEmpty();
        EntraAuditEvent pim = assigned("pim", recent, GA, "Global Administrator");
        pim = new EntraAuditEvent(
                pim.id(),
                pim.activityDateTime(),
                pim.activityDisplayName(),
                pim.category(),
                pim.operationType(),
                pim.result(),
                pim.resultReason(),
                pim.loggedByService(),
                pim.correlationId(),
                null,
                null,
                null,
                "MS-PIM",
                null,
                pim.targetResources());
        assertThat(run(rule, pim))
                .as("a PIM activation of an eligible assignment")
                .isEmpty();
        assertThat(run(rule, roleEvent("other", "Add member to group", recent, "success", GA, "Global Administrator")))
                .isEmpty();
    }

    @Test
    void privilegedRoleAssignedRecentlyListsEachMemberAndRoleOnceAndRejectsABadWindow() {
        FindingRule rule = BuiltInRules.privilegedRoleAssignedRecently(Duration.ofHours(12));
        assertThat(run(
                        rule,
                        assigned("first", NOW.minus(Duration.ofHours(5)), GA, "Global Administrator"),
                        roleEvent(
                                "gone",
                                "Remove member from role",
                                NOW.minus(Duration.ofHours(4)),
                                "success",
                                GA,
                                "Global Administrator"),
                        assigned("again", NOW.minus(Duration.ofHours(1)), GA, "Global Administrator"),
                        assigned("user-admin", NOW.minus(Duration.ofHours(2)), null, "User Administrator")))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.title()).isEqualTo("Privileged role assigned in the last 12 hours");
                    assertThat(f.detail()).isEqualTo("2 privileged role assignments were made in the last 12 hours.");
                    assertThat(f.affected())
                            .extracting(AffectedObject::displayName)
                            .containsExactly(
                                    "MeganB@contoso.com: User Administrator, assigned by AdeleV@contoso.com at"
                                            + " 2026-12-07T10:00:00Z",
                                    "MeganB@contoso.com: Global Administrator, assigned by AdeleV@contoso.com at"
                                            + " 2026-12-07T11:00:00Z");
                });
        assertThatThrownBy(() -> BuiltInRules.privilegedRoleAssignedRecently(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("within: must be positive, was PT0S");
        assertThatThrownBy(() -> BuiltInRules.privilegedRoleAssignedRecently(null))
                .isInstanceOf(NullPointerException.class);
    }

    /** A window so long that "now minus it" is no instant would fail every evaluation: it is refused when made. */
    @Test
    void aWindowOfMoreThanACenturyIsRefused() {
        Duration endless = Duration.ofDays(1_000_000_000_000L);
        assertThatThrownBy(() -> BuiltInRules.inactiveAccounts(endless))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window: must be at most 36500 days (100 years), was " + endless);
        assertThatThrownBy(() -> BuiltInRules.appCredentialsExpiring(endless)).hasMessageStartingWith("within: ");
        assertThatThrownBy(() -> BuiltInRules.privilegedRoleAssignedRecently(endless))
                .hasMessageStartingWith("within: ");
        assertThatThrownBy(() -> BuiltInRules.secureScoreDrop(5, endless)).hasMessageStartingWith("window: ");
        assertThat(BuiltInRules.inactiveAccounts(Duration.ofDays(36_500)).id()).isEqualTo("inactive-accounts");
    }
}
