package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.SyncConfig;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import dev.entrasync.testkit.ContosoFixture;
import dev.entrasync.testkit.DeltaTokenFailure;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Later runs send the saved delta links only, merge partial objects, apply removals, and fall back to full rounds. */
class DeltaSyncTest {

    private final DatasetsFixture fx = new DatasetsFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private Map<Dataset, List<EntraRecord>> snapshot(SimulatedTenant tenant) {
        Map<Dataset, List<EntraRecord>> all = new EnumMap<>(Dataset.class);
        DatasetsFixture.ALL.forEach(d -> all.put(d, fx.records(tenant, d)));
        return all;
    }

    private List<RecordedCall> calls(String path) {
        return fx.httpCalls().stream().filter(c -> c.path().equals(path)).toList();
    }

    @Test
    void aSecondSyncOfAnUnchangedTenantSendsOneDeltaRequestPerDeltaDatasetAndChangesNothing() {
        SimulatedTenant tenant = fx.tenant("Contoso", 1200, 300, 40);
        fx.syncAll(tenant);
        Map<Dataset, List<EntraRecord>> before = snapshot(tenant);
        long inReport = fx.<EntraUser>records(tenant, Dataset.USERS).stream()
                .filter(u -> u.mfa().state() != MfaStatus.State.UNKNOWN)
                .count();
        fx.sim.cloud.clearCalls();
        fx.sim.time.advance(Duration.ofHours(24));

        SyncResult second = fx.syncAll(tenant);

        assertThat(snapshot(tenant)).isEqualTo(before);
        for (Dataset delta : List.of(Dataset.USERS, Dataset.GROUPS, Dataset.DEVICES)) {
            DatasetResult result = second.dataset(delta).orElseThrow();
            assertThat(result.mode()).as(delta.key()).isEqualTo(Mode.DELTA);
            assertThat(result.rowsUpserted() + result.rowsRemoved())
                    .as(delta.key())
                    .isZero();
            String path = "/v1.0/" + delta.key() + "/delta";
            assertThat(calls(path))
                    .as(path)
                    .singleElement()
                    .satisfies(c -> assertThat(c.queryParam("$deltatoken")).isNotBlank());
            // the sign_in_activity dataset lists /users with signInActivity (not a delta property): not the users'
            assertThat(calls("/v1.0/" + delta.key()))
                    .filteredOn(c -> !String.valueOf(c.queryParam("$select")).contains("signInActivity"))
                    .isEmpty();
        }
        assertThat(second.dataset(Dataset.USERS).orElseThrow().requests())
                .isEqualTo(1 + RequestCountTest.pages(inReport));
        assertThat(second.dataset(Dataset.GROUPS).orElseThrow().requests()).isEqualTo(1);
        assertThat(second.dataset(Dataset.DEVICES).orElseThrow().requests()).isEqualTo(1);
        assertThat(second.dataset(Dataset.AUDIT_LOGS).orElseThrow().mode()).isEqualTo(Mode.APPEND);
    }

    /** 150 users fit the first delta page (the round is read and tracked in it); 300 are listed after a delta link. */
    @ParameterizedTest(name = "{0} users")
    @ValueSource(ints = {150, 300})
    void threeChangedUsersAndOneDeletedAreExactlyWhatTheSinkShowsAfterwards(int size) {
        fx.sim.cloud.deltaPageSize(200);
        SimulatedTenant tenant = fx.tenant("Contoso", size, 10, 6);
        DatasetResult full =
                fx.sync(tenant, Set.of(Dataset.USERS)).dataset(Dataset.USERS).orElseThrow();
        assertThat(full.rowsUpserted()).isEqualTo(size); // the dropped first delta page is not written twice
        assertThat(calls("/v1.0/users/delta")).hasSize(size <= 200 ? 1 : 2);
        assertThat(calls("/v1.0/users")).hasSize(size <= 200 ? 0 : 1);
        assertThat(fx.records(tenant, Dataset.USERS)).hasSize(size);
        Map<String, EntraUser> before = byId(fx.records(tenant, Dataset.USERS));
        List<String> ids = new ArrayList<>(before.keySet());
        tenant.users().update(ids.get(10), Map.of("displayName", "Renamed Person"));
        tenant.users().update(ids.get(11), Map.of("accountEnabled", false));
        tenant.users()
                .update(
                        ids.get(12),
                        Map.of(
                                "otherMails",
                                List.of("new@example.org"),
                                "passwordPolicies",
                                "DisablePasswordExpiration"));
        tenant.users().delete(ids.get(13));
        fx.sim.time.advance(Duration.ofHours(1));

        DatasetResult users =
                fx.sync(tenant, Set.of(Dataset.USERS)).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.mode()).isEqualTo(Mode.DELTA);
        assertThat(users.rowsUpserted()).isEqualTo(3);
        assertThat(users.rowsRemoved()).isEqualTo(1);
        Map<String, EntraUser> after = byId(fx.records(tenant, Dataset.USERS));
        Map<String, EntraUser> expected = new HashMap<>(before);
        expected.remove(ids.get(13));
        expected.put(
                ids.get(10),
                with(
                        before.get(ids.get(10)),
                        u -> new EntraUser(
                                u.id(),
                                u.userPrincipalName(),
                                "Renamed Person",
                                u.accountEnabled(),
                                u.userType(),
                                u.createdDateTime(),
                                u.lastPasswordChangeDateTime(),
                                u.otherMails(),
                                u.passwordPolicies(),
                                u.assignedLicenses(),
                                u.directoryRoles(),
                                u.mfa())));
        expected.put(
                ids.get(11),
                with(
                        before.get(ids.get(11)),
                        u -> new EntraUser(
                                u.id(),
                                u.userPrincipalName(),
                                u.displayName(),
                                false,
                                u.userType(),
                                u.createdDateTime(),
                                u.lastPasswordChangeDateTime(),
                                u.otherMails(),
                                u.passwordPolicies(),
                                u.assignedLicenses(),
                                u.directoryRoles(),
                                u.mfa())));
        expected.put(
                ids.get(12),
                with(
                        before.get(ids.get(12)),
                        u -> new EntraUser(
                                u.id(),
                                u.userPrincipalName(),
                                u.displayName(),
                                u.accountEnabled(),
                                u.userType(),
                                u.createdDateTime(),
                                u.lastPasswordChangeDateTime(),
                                List.of("new@example.org"),
                                "DisablePasswordExpiration",
                                u.assignedLicenses(),
                                u.directoryRoles(),
                                u.mfa())));
        assertThat(after).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(DeltaTokenFailure.class)
    void aRejectedDeltaLinkFallsBackToAFullRound(DeltaTokenFailure failure) {
        SimulatedTenant tenant = fx.tenant("Contoso", 120, 30, 8);
        fx.sync(tenant, Set.of(Dataset.USERS, Dataset.DEVICES));
        String oldLink = fx.checkpoints
                .load(TenantId.of(tenant.id()), Dataset.USERS)
                .orElseThrow()
                .deltaLink();
        String gone = (String) tenant.devices().list().get(0).get("id");
        tenant.devices().delete(gone);
        fx.sim.cloud.faults().expireDeltaTokens(tenant.id(), failure);

        SyncResult result = fx.sync(tenant, Set.of(Dataset.USERS, Dataset.DEVICES));

        assertThat(result.datasets()).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
            assertThat(d.mode()).isEqualTo(Mode.FULL);
        });
        assertThat(fx.records(tenant, Dataset.USERS)).hasSize(120);
        assertThat(fx.<EntraRecord>records(tenant, Dataset.DEVICES)).hasSize(29).noneMatch(d -> d.id().equals(gone));
        Checkpoint saved =
                fx.checkpoints.load(TenantId.of(tenant.id()), Dataset.USERS).orElseThrow();
        assertThat(saved.deltaLink()).isNotEqualTo(oldLink);
        assertThat(saved.fullRoundAt()).isEqualTo(fx.sim.time.instant());
    }

    @Test
    void aFullRoundIsForcedOnceTheLastOneIsOlderThanTheConfiguredAge() {
        fx.config = SyncConfig.custom().deltaMaxAge(Duration.ofDays(3)).build();
        SimulatedTenant tenant = fx.tenant("Contoso", 50, 10, 6);
        fx.sync(tenant, Set.of(Dataset.DEVICES));

        fx.sim.time.advance(Duration.ofDays(2));
        Mode afterTwoDays = fx.sync(tenant, Set.of(Dataset.DEVICES))
                .dataset(Dataset.DEVICES)
                .orElseThrow()
                .mode();
        fx.sim.time.advance(Duration.ofDays(1));
        Mode afterThreeDays = fx.sync(tenant, Set.of(Dataset.DEVICES))
                .dataset(Dataset.DEVICES)
                .orElseThrow()
                .mode();
        fx.sim.time.advance(Duration.ofDays(1));
        Mode theDayAfter = fx.sync(tenant, Set.of(Dataset.DEVICES))
                .dataset(Dataset.DEVICES)
                .orElseThrow()
                .mode();

        assertThat(List.of(afterTwoDays, afterThreeDays, theDayAfter))
                .containsExactly(Mode.DELTA, Mode.FULL, Mode.DELTA);
    }

    @Test
    void aMembershipChangeRecountsOnlyThatGroup() {
        SimulatedTenant tenant = fx.tenant("Contoso", 200, 10, 30);
        fx.sync(tenant, Set.of(Dataset.GROUPS));
        Map<String, EntraGroup> before = byId(fx.records(tenant, Dataset.GROUPS));
        EntraGroup group = before.values().stream()
                .filter(g -> !g.groupTypes().contains("DynamicMembership"))
                .findFirst()
                .orElseThrow();
        String newcomer = tenant.users().list().stream()
                .map(u -> (String) u.get("id"))
                .filter(id -> !tenant.groups().members(group.id()).containsKey(id))
                .findFirst()
                .orElseThrow();
        tenant.groups().addMember(group.id(), newcomer);
        fx.sim.cloud.clearCalls();

        DatasetResult groups =
                fx.sync(tenant, Set.of(Dataset.GROUPS)).dataset(Dataset.GROUPS).orElseThrow();

        assertThat(groups.mode()).isEqualTo(Mode.DELTA);
        assertThat(groups.requests()).isEqualTo(2);
        Map<String, EntraGroup> after = byId(fx.records(tenant, Dataset.GROUPS));
        assertThat(after.get(group.id()).memberCount())
                .isEqualTo(group.memberCount() + 1)
                .isEqualTo(tenant.groups().members(group.id()).size());
        after.remove(group.id());
        before.remove(group.id());
        assertThat(after).isEqualTo(before);
        assertThat(fx.sim.cloud.graphCalls().stream().filter(RecordedCall::batchItem))
                .singleElement()
                .satisfies(c -> assertThat(c.path()).isEqualTo("/v1.0/groups/" + group.id() + "/members"));
    }

    @Test
    void roleAndMfaChangesReachUnchangedUsersOnADeltaRun() {
        SimulatedTenant tenant = fx.tenant(ContosoFixture.build());
        fx.sync(tenant, Set.of(Dataset.USERS));
        Map<String, EntraUser> before = byId(fx.records(tenant, Dataset.USERS));
        String promoted = before.values().stream()
                .filter(u -> u.directoryRoles().isEmpty() && u.mfa().state() == MfaStatus.State.REGISTERED)
                .findFirst()
                .orElseThrow()
                .id();
        tenant.roles().removeMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, ContosoFixture.ADMIN_USER_ID);
        tenant.roles().removeMember(ContosoFixture.USER_ADMIN_ROLE_ID, ContosoFixture.ADMIN_USER_ID);
        tenant.roles().addMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, promoted);
        tenant.registrationDetails()
                .update(
                        ContosoFixture.GUEST_USER_ID,
                        Map.of(
                                "isMfaRegistered",
                                true,
                                "isMfaCapable",
                                true,
                                "methodsRegistered",
                                List.of("microsoftAuthenticatorPush")));
        fx.sim.time.advance(Duration.ofHours(1));

        DatasetResult users =
                fx.sync(tenant, Set.of(Dataset.USERS)).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.mode()).isEqualTo(Mode.DELTA);
        assertThat(users.rowsUpserted() + users.rowsRemoved())
                .as("no user object changed")
                .isZero();
        Map<String, EntraUser> after = byId(fx.records(tenant, Dataset.USERS));
        assertThat(after.get(ContosoFixture.ADMIN_USER_ID).directoryRoles())
                .as("lost every role")
                .isEmpty();
        assertThat(after.get(promoted).directoryRoles()).containsExactly("Global Administrator");
        MfaStatus guestMfa = after.get(ContosoFixture.GUEST_USER_ID).mfa();
        assertThat(guestMfa.state()).isEqualTo(MfaStatus.State.REGISTERED);
        assertThat(guestMfa.methods()).containsExactly("microsoftAuthenticatorPush");
        for (String changed : List.of(ContosoFixture.ADMIN_USER_ID, promoted, ContosoFixture.GUEST_USER_ID)) {
            before.remove(changed);
            after.remove(changed);
        }
        assertThat(after).isEqualTo(before);
        assertThat(fx.checkpoints
                        .load(TenantId.of(tenant.id()), Dataset.USERS)
                        .orElseThrow()
                        .trackedIds())
                .contains(promoted)
                .doesNotContain(ContosoFixture.ADMIN_USER_ID);
    }

    private static <R extends EntraRecord> Map<String, R> byId(List<R> records) {
        return records.stream().collect(Collectors.toMap(EntraRecord::id, r -> r, (a, b) -> a, HashMap::new));
    }

    private static EntraUser with(EntraUser user, Function<EntraUser, EntraUser> change) {
        return change.apply(user);
    }
}
