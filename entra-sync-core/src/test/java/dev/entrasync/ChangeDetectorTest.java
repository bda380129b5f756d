package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.model.AssignedLicense;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraManagedDevice;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraRoleMember;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSignInActivity;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-record-type rules of {@link ChangeDetector}, and what a session's before and after turn into. */
class ChangeDetectorTest {

    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");
    private static final TenantId TENANT = TenantId.of("4a6f5c1e-8b2d-4c3e-9f10-2b3c4d5e6f70");
    private static final AssignedLicense E3 = new AssignedLicense("sku-e3", "Microsoft 365 E3");
    private static final AssignedLicense E5 = new AssignedLicense("sku-e5", "Microsoft 365 E5");

    private static EntraUser user(
            String id, Boolean enabled, List<AssignedLicense> licences, List<String> roles, MfaStatus mfa) {
        return new EntraUser(
                id,
                id + "@contoso.com",
                "User " + id,
                enabled,
                "Member",
                null,
                null,
                List.of(),
                null,
                licences,
                roles,
                mfa);
    }

    private static MfaStatus registered(String... methods) {
        return new MfaStatus(MfaStatus.State.REGISTERED, true, List.of(methods), null);
    }

    private static EntraDevice device(String id, Boolean compliant, Instant lastSignIn) {
        return new EntraDevice(
                id, "d-" + id, "Laptop " + id, "Windows", "11", "AzureAd", true, compliant, lastSignIn, false, null);
    }

    private static SinkContext context(Dataset dataset) {
        return new SinkContext(TENANT, dataset, "run-2", false);
    }

    @Test
    void listsAreComparedAsSetsAndNestedValuesFieldByField() {
        EntraUser before = user("u1", true, List.of(E3), List.of("Helpdesk Administrator"), registered("fido2", "sms"));
        EntraUser after = user("u1", false, List.of(E5, E3), List.of(), registered("sms", "fido2"));

        assertThat(ChangeDetector.diff(before, after))
                .containsExactly(
                        new FieldChange("accountEnabled", "true", "false"),
                        new FieldChange("assignedLicenses", null, "Microsoft 365 E5"),
                        new FieldChange("directoryRoles", "Helpdesk Administrator", null));
    }

    @Test
    void mfaRegistrationLostIsTheStateAndEachMethod() {
        EntraUser before = user("u1", true, List.of(), List.of(), registered("fido2"));
        EntraUser after = user(
                "u1",
                true,
                List.of(),
                List.of(),
                new MfaStatus(MfaStatus.State.NOT_REGISTERED, false, List.of(), null));

        assertThat(ChangeDetector.diff(before, after))
                .containsExactly(
                        new FieldChange("mfa.state", "REGISTERED", "NOT_REGISTERED"),
                        new FieldChange("mfa.capable", "true", "false"),
                        new FieldChange("mfa.methods", "fido2", null));
    }

    @Test
    void aDeviceSigningInAgainIsNoChangeButLosingComplianceIs() {
        Instant monday = Instant.parse("2026-11-30T08:00:00Z");
        assertThat(ChangeDetector.diff(device("d1", true, monday), device("d1", true, AT)))
                .isEmpty();
        assertThat(ChangeDetector.diff(device("d1", true, monday), device("d1", false, AT)))
                .containsExactly(new FieldChange("isCompliant", "true", "false"));
    }

    private static EntraManagedDevice managed(String compliance, Instant lastSync) {
        return new EntraManagedDevice(
                "m1",
                "LAPTOP-7",
                "Windows",
                "10.0.22631",
                compliance,
                "mdm",
                AT.minusSeconds(86_400 * 90),
                lastSync,
                "SN1",
                "Dell",
                "Latitude",
                null,
                null,
                true,
                "adele@contoso.com",
                "d-m1");
    }

    @Test
    void anIntuneCheckInIsNoChangeButLosingComplianceIsAndNamesTheDevice() {
        Instant earlier = AT.minusSeconds(8 * 3600);
        assertThat(ChangeDetector.diff(managed("compliant", earlier), managed("compliant", AT)))
                .isEmpty();
        assertThat(ChangeDetector.changes(
                        context(Dataset.MANAGED_DEVICES),
                        Map.of("m1", managed("compliant", earlier)),
                        Map.of("m1", managed("noncompliant", AT)),
                        AT))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.displayName()).isEqualTo("LAPTOP-7");
                    assertThat(c.fields())
                            .containsExactly(new FieldChange("complianceState", "compliant", "noncompliant"));
                });
    }

    @Test
    void signInActivityMovesWithEverySignInAndYieldsNoChanges() {
        EntraSignInActivity before =
                new EntraSignInActivity("u1", "adele@contoso.com", AT.minusSeconds(86_400), null, null);
        EntraSignInActivity after = new EntraSignInActivity("u1", "adele@contoso.com", AT, AT, AT);

        assertThat(ChangeDetector.tracks(EntraSignInActivity.class)).isFalse();
        assertThat(ChangeDetector.changes(
                        context(Dataset.SIGN_IN_ACTIVITY), Map.of("u1", before), Map.of("u1", after), AT))
                .isEmpty();
    }

    @Test
    void roleMembersAreKeptApartByObjectIdAndNamedForPeople() {
        EntraRoleMember adele = new EntraRoleMember("m1", "user", "adele@contoso.com", "Adele Vance");
        EntraRoleMember renamed = new EntraRoleMember("m1", "user", "adele@contoso.com", "Adele V.");
        EntraRoleMember app = new EntraRoleMember("sp1", "servicePrincipal", null, null);
        EntraRole before = new EntraRole("r1", "Global Administrator", null, "tpl", List.of(adele));
        EntraRole after = new EntraRole("r1", "Global Administrator", null, "tpl", List.of(renamed, app));

        assertThat(ChangeDetector.diff(before, after)).containsExactly(new FieldChange("members", null, "sp1"));
        assertThat(ChangeDetector.diff(after, before)).containsExactly(new FieldChange("members", "sp1", null));
    }

    @Test
    void numbersAreWrittenWithoutATrailingZero() {
        EntraLicense before = new EntraLicense("sku-e3", "SPE_E3", "Microsoft 365 E3", "Enabled", 25, 21, 0, 0, 0);
        EntraLicense after = new EntraLicense("sku-e3", "SPE_E3", "Microsoft 365 E3", "Enabled", 25, 20, 0, 0, 0);

        assertThat(ChangeDetector.diff(before, after)).containsExactly(new FieldChange("consumedUnits", "21", "20"));
        assertThatThrownBy(() -> ChangeDetector.diff(before, device("d1", true, AT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot compare");
    }

    @Test
    void beforeAndAfterTurnIntoAddedRemovedAndChangedObjectsInIdOrder() {
        Map<String, EntraRecord> before = new LinkedHashMap<>();
        before.put("u3", user("u3", true, List.of(), List.of(), registered()));
        before.put("u1", user("u1", true, List.of(), List.of(), registered()));
        before.put("u2", user("u2", true, List.of(), List.of(), registered()));
        Map<String, EntraRecord> after = new LinkedHashMap<>();
        after.put("u2", user("u2", true, List.of(), List.of(), registered()));
        after.put("u3", user("u3", false, List.of(), List.of(), registered()));
        after.put("u4", user("u4", true, List.of(), List.of(), registered()));

        assertThat(ChangeDetector.changes(context(Dataset.USERS), before, after, AT))
                .containsExactly(
                        new Change(TENANT, Dataset.USERS, Change.Kind.REMOVED, "u1", "User u1", List.of(), AT),
                        new Change(
                                TENANT,
                                Dataset.USERS,
                                Change.Kind.CHANGED,
                                "u3",
                                "User u3",
                                List.of(new FieldChange("accountEnabled", "true", "false")),
                                AT),
                        new Change(TENANT, Dataset.USERS, Change.Kind.ADDED, "u4", "User u4", List.of(), AT));
    }

    @Test
    void secureScoreSnapshotsAreASeriesWhoseNewestIsComparedWithTheNewestBefore() {
        EntraSecureScore oct = score("s-10-01", "2026-10-01T00:00:00Z", 55.0);
        EntraSecureScore nov = score("s-11-30", "2026-11-30T00:00:00Z", 61.5);
        EntraSecureScore dec = score("s-12-01", "2026-12-01T00:00:00Z", 55.5);
        Map<String, EntraRecord> before = Map.of(oct.id(), oct, nov.id(), nov);
        Map<String, EntraRecord> after = Map.of(oct.id(), oct, nov.id(), nov, dec.id(), dec);

        assertThat(ChangeDetector.changes(context(Dataset.SECURE_SCORES), before, after, AT))
                .containsExactly(new Change(
                        TENANT,
                        Dataset.SECURE_SCORES,
                        Change.Kind.CHANGED,
                        "s-12-01",
                        "Secure score",
                        List.of(new FieldChange("currentScore", "61.5", "55.5")),
                        AT));
        assertThat(ChangeDetector.changes(context(Dataset.SECURE_SCORES), after, after, AT))
                .as("a run that stores no newer snapshot")
                .isEmpty();
        assertThat(ChangeDetector.changes(context(Dataset.SECURE_SCORES), Map.of(), Map.of(dec.id(), dec), AT))
                .as("nothing to compare the first snapshot with")
                .isEmpty();
        assertThat(ChangeDetector.isSeries(EntraSecureScore.class)).isTrue();
    }

    @Test
    void auditEventsAreEventsAlreadyAndYieldNoChanges() {
        EntraAuditEvent event = new EntraAuditEvent(
                "a1",
                AT,
                "Add member to role",
                "RoleManagement",
                "Assign",
                "success",
                null,
                "Core Directory",
                "c1",
                "u1",
                "adele@contoso.com",
                null,
                null,
                null,
                List.of());

        assertThat(ChangeDetector.tracks(EntraAuditEvent.class)).isFalse();
        assertThat(ChangeDetector.changes(context(Dataset.AUDIT_LOGS), Map.of(), Map.of("a1", event), AT))
                .isEmpty();
        assertThat(ChangeDetector.tracks(EntraUser.class)).isTrue();
    }

    private static EntraSecureScore score(String id, String created, double current) {
        return new EntraSecureScore(id, Instant.parse(created), current, 120.0, 40, 38, List.of(), List.of());
    }
}
