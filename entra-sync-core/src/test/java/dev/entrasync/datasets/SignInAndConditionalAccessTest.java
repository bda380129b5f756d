package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetResult.Status;
import dev.entrasync.SyncResult;
import dev.entrasync.model.EntraConditionalAccessPolicy;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraSecurityDefaults;
import dev.entrasync.model.EntraSignInActivity;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sign-in activity and Conditional Access datasets against the simulated cloud: what they read, in exactly how
 * many requests, and what a tenant without Entra ID P1, without the permission, or with a malformed answer gives.
 */
class SignInAndConditionalAccessTest {

    private static final Set<Dataset> BOTH = EnumSet.of(Dataset.SIGN_IN_ACTIVITY, Dataset.CONDITIONAL_ACCESS);

    private final DatasetsFixture fx = new DatasetsFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private static DatasetResult result(SyncResult result, Dataset dataset) {
        return result.dataset(dataset).orElseThrow();
    }

    @ParameterizedTest(name = "{0} users")
    @ValueSource(ints = {0, 1, 499, 500, 501, 1200})
    void signInActivityIsReadFiveHundredUsersToAPage(int users) {
        SimulatedTenant tenant = fx.tenant("Sign" + users, users, 0, 0);

        SyncResult result = fx.sync(tenant, Set.of(Dataset.SIGN_IN_ACTIVITY));

        DatasetResult signIns = result(result, Dataset.SIGN_IN_ACTIVITY);
        assertThat(signIns.clean()).as(signIns.toString()).isTrue();
        assertThat(signIns.mode()).isEqualTo(DatasetResult.Mode.FULL);
        long pages = Math.max(1, (users + 499) / 500);
        assertThat(signIns.requests()).isEqualTo(pages);
        assertThat(fx.httpCalls()).hasSize((int) pages);
        RecordedCall first = fx.httpCalls().get(0);
        assertThat(first.path()).isEqualTo("/v1.0/users");
        assertThat(first.queryParam("$select")).isEqualTo("id,userPrincipalName,signInActivity");
        assertThat(first.queryParam("$top")).isEqualTo("500");
        assertThat(fx.records(tenant, Dataset.SIGN_IN_ACTIVITY)).hasSize(users);
    }

    @Test
    void eachUsersSignInTimesAreGraphsAndAUserWithoutActivityHasNulls() {
        SimulatedTenant tenant = fx.tenant(TenantBuilder.create("Contoso")
                .seed(7)
                .asOf(DatasetsFixture.AS_OF)
                .users(30)
                .guests(20));

        fx.sync(tenant, BOTH);

        Map<String, EntraSignInActivity> byId =
                fx.<EntraSignInActivity>records(tenant, Dataset.SIGN_IN_ACTIVITY).stream()
                        .collect(Collectors.toMap(EntraSignInActivity::id, Function.identity()));
        assertThat(byId).hasSize(50);
        int withoutActivity = 0;
        for (Map<String, Object> user : tenant.users().list()) {
            EntraSignInActivity read = byId.get((String) user.get("id"));
            assertThat(read.userPrincipalName()).isEqualTo(user.get("userPrincipalName"));
            @SuppressWarnings("unchecked")
            Map<String, Object> activity = (Map<String, Object>) user.get("signInActivity");
            if (activity == null) {
                withoutActivity++;
                assertThat(read.lastSignIn()).isNull();
                assertThat(read.lastNonInteractiveSignIn()).isNull();
                assertThat(read.lastSuccessfulSignIn()).isNull();
                assertThat(read.lastActivity()).isNull();
            } else {
                assertThat(read.lastSignIn()).isEqualTo(Instant.parse((String) activity.get("lastSignInDateTime")));
                assertThat(read.lastNonInteractiveSignIn())
                        .isEqualTo(Instant.parse((String) activity.get("lastNonInteractiveSignInDateTime")));
                assertThat(read.lastSuccessfulSignIn())
                        .isEqualTo(Instant.parse((String) activity.get("lastSuccessfulSignInDateTime")));
                assertThat(read.lastActivity()).isNotNull();
            }
        }
        assertThat(withoutActivity).as("guests who never signed in").isPositive();
    }

    @Test
    void conditionalAccessPoliciesAndSecurityDefaultsComeInOneBatch() {
        SimulatedTenant tenant = fx.tenant("Contoso", 40, 0, 3);

        SyncResult result = fx.sync(tenant, Set.of(Dataset.CONDITIONAL_ACCESS));

        DatasetResult ca = result(result, Dataset.CONDITIONAL_ACCESS);
        assertThat(ca.clean()).as(ca.toString()).isTrue();
        assertThat(ca.requests()).isEqualTo(1);
        assertThat(fx.httpCalls())
                .singleElement()
                .satisfies(c -> assertThat(c.path()).isEqualTo("/v1.0/$batch"));
        List<RecordedCall> items = fx.sim.cloud.graphCalls().stream()
                .filter(RecordedCall::batchItem)
                .toList();
        assertThat(items)
                .extracting(RecordedCall::path)
                .containsExactlyInAnyOrder(
                        "/v1.0/identity/conditionalAccess/policies",
                        "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy");
        assertThat(items).allSatisfy(c -> assertThat(c.queryParam("$select")).isNotBlank());

        List<EntraRecord> records = fx.records(tenant, Dataset.CONDITIONAL_ACCESS);
        List<EntraConditionalAccessPolicy> policies = records.stream()
                .filter(r -> r instanceof EntraConditionalAccessPolicy)
                .map(r -> (EntraConditionalAccessPolicy) r)
                .toList();
        assertThat(policies).hasSize(tenant.conditionalAccessPolicies().size()).isNotEmpty();
        assertThat(records)
                .filteredOn(r -> r instanceof EntraSecurityDefaults)
                .singleElement()
                .satisfies(d -> assertThat(((EntraSecurityDefaults) d).isEnabled())
                        .isEqualTo(tenant.securityDefaultsEnabled()));
        for (Map<String, Object> simulated : tenant.conditionalAccessPolicies().list()) {
            EntraConditionalAccessPolicy read = policies.stream()
                    .filter(p -> p.id().equals(simulated.get("id")))
                    .findFirst()
                    .orElseThrow();
            assertThat(read.displayName()).isEqualTo(simulated.get("displayName"));
            assertThat(read.state()).isEqualTo(simulated.get("state"));
            @SuppressWarnings("unchecked")
            Map<String, Object> users =
                    (Map<String, Object>) ((Map<String, Object>) simulated.get("conditions")).get("users");
            assertThat(read.includeUsers()).isEqualTo(users.get("includeUsers"));
            assertThat(read.excludeUsers()).isEqualTo(users.get("excludeUsers"));
            assertThat(read.includeRoles()).isEqualTo(users.get("includeRoles"));
            assertThat(read.excludeGroups()).isEqualTo(users.get("excludeGroups"));
        }
        EntraConditionalAccessPolicy legacy = named(policies, "Block legacy authentication");
        assertThat(legacy.isEnforced()).isTrue();
        assertThat(legacy.grant().has("block")).isTrue();
        assertThat(legacy.clientAppTypes()).containsExactly("exchangeActiveSync", "other");
        EntraConditionalAccessPolicy device = named(policies, "Require compliant or hybrid joined device");
        assertThat(device.isReportOnly()).isTrue();
        assertThat(device.isEnforced()).isFalse();
        assertThat(device.grant().operator()).isEqualTo("OR");
        assertThat(device.grant().builtInControls()).containsExactly("compliantDevice", "domainJoinedDevice");
        assertThat(device.grant().requiresMfa()).isFalse();
        EntraConditionalAccessPolicy strength = named(policies, "Phishing-resistant MFA for Global Administrators");
        assertThat(strength.grant().authenticationStrengthName()).isEqualTo("Phishing-resistant MFA");
        assertThat(strength.grant().requiresMfa()).isTrue();
        assertThat(strength.appliesToAllUsers()).isFalse();
        EntraConditionalAccessPolicy frequency = named(policies, "Sign-in frequency on unmanaged devices");
        assertThat(frequency.session().signInFrequencyValue()).isEqualTo(8);
        assertThat(frequency.session().signInFrequencyType()).isEqualTo("hours");
        assertThat(frequency.session().persistentBrowserMode()).isEqualTo("never");
        assertThat(frequency.grant()).isEqualTo(dev.entrasync.model.ConditionalAccessGrant.NONE);
        EntraConditionalAccessPolicy allUsers = named(policies, "Require MFA for all users");
        assertThat(allUsers.appliesToAllUsers()).isTrue();
        assertThat(allUsers.excludeUsers()).hasSize(1);
        assertThat(allUsers.enforcesMfaForAllUsers()).isEqualTo(allUsers.isEnforced());
    }

    private static EntraConditionalAccessPolicy named(List<EntraConditionalAccessPolicy> policies, String name) {
        return policies.stream()
                .filter(p -> name.equals(p.displayName()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void withoutEntraIdP1SignInsAreUnknownNotNeverAndSecurityDefaultsAreStillRead() {
        SimulatedTenant tenant = fx.tenant(TenantBuilder.create("Tailspin")
                .seed(3)
                .asOf(DatasetsFixture.AS_OF)
                .premium(false)
                .users(40)
                .guests(2));

        SyncResult result = fx.syncAll(tenant);

        // without P1 the testkit's tenant has no Intune either: managed_devices alone fails, with that reason
        assertThat(result.datasets())
                .filteredOn(d -> d.dataset() != Dataset.MANAGED_DEVICES)
                .allSatisfy(d -> assertThat(d.status()).as(d.dataset().key()).isEqualTo(Status.SUCCEEDED));
        assertThat(result(result, Dataset.MANAGED_DEVICES).error()).contains("Microsoft Intune");
        DatasetResult signIns = result(result, Dataset.SIGN_IN_ACTIVITY);
        assertThat(signIns.rowsUpserted()).isZero();
        assertThat(signIns.requests()).isEqualTo(1);
        assertThat(signIns.warnings())
                .singleElement()
                .asString()
                .contains("Sign-in activity is unknown for every user")
                .contains("not \"never signed in\"")
                .contains("Microsoft Entra ID P1")
                .contains("Fix:");
        assertThat(fx.records(tenant, Dataset.SIGN_IN_ACTIVITY)).isEmpty();

        DatasetResult ca = result(result, Dataset.CONDITIONAL_ACCESS);
        assertThat(ca.requests()).isEqualTo(1);
        assertThat(ca.warnings())
                .singleElement()
                .asString()
                .contains("has no Conditional Access")
                .contains("Microsoft Entra ID P1")
                .contains("security defaults were read");
        assertThat(fx.records(tenant, Dataset.CONDITIONAL_ACCESS))
                .singleElement()
                .isInstanceOfSatisfying(
                        EntraSecurityDefaults.class,
                        d -> assertThat(d.isEnabled()).isEqualTo(tenant.securityDefaultsEnabled()));
        assertThat(result(result, Dataset.USERS).rowsUpserted()).isEqualTo(42);
    }

    @Test
    void withoutAuditLogReadAllSignInActivityFailsWithThePermissionAndTheOthersSucceed() {
        SimulatedTenant tenant = fx.tenant("Contoso", 30, 5, 3);
        tenant.revoke(fx.sim.app, Permissions.AUDIT_LOG_READ_ALL);

        SyncResult result =
                fx.sync(tenant, EnumSet.of(Dataset.SIGN_IN_ACTIVITY, Dataset.CONDITIONAL_ACCESS, Dataset.DEVICES));

        DatasetResult signIns = result(result, Dataset.SIGN_IN_ACTIVITY);
        assertThat(signIns.status()).isEqualTo(Status.FAILED);
        assertThat(signIns.error()).contains("lacks the application permission AuditLog.Read.All");
        assertThat(signIns.fix()).contains("Add AuditLog.Read.All").contains("admin consent");
        assertThat(result(result, Dataset.CONDITIONAL_ACCESS).clean()).isTrue();
        assertThat(result(result, Dataset.DEVICES).clean()).isTrue();
    }

    @Test
    void withoutPolicyReadAllConditionalAccessFailsWithThePermissionAndTheOthersSucceed() {
        SimulatedTenant tenant = fx.tenant("Contoso", 30, 5, 3);
        tenant.revoke(fx.sim.app, Permissions.POLICY_READ_ALL);

        SyncResult result = fx.sync(tenant, BOTH);

        DatasetResult ca = result(result, Dataset.CONDITIONAL_ACCESS);
        assertThat(ca.status()).isEqualTo(Status.FAILED);
        assertThat(ca.requests()).isEqualTo(1);
        assertThat(ca.error()).contains("Policy.Read.All");
        assertThat(ca.fix()).contains("Add Policy.Read.All");
        assertThat(fx.records(tenant, Dataset.CONDITIONAL_ACCESS)).isEmpty();
        assertThat(result(result, Dataset.SIGN_IN_ACTIVITY).clean()).isTrue();
    }

    @Test
    void aMalformedSignInPageFailsTheDatasetAndKeepsTheStoredOnes() {
        SimulatedTenant tenant = fx.tenant("Contoso", 30, 0, 0);
        fx.sync(tenant, BOTH);
        fx.sim.cloud.faults().forPath("/v1.0/users").malformedNext();

        SyncResult result = fx.sync(tenant, BOTH);

        DatasetResult signIns = result(result, Dataset.SIGN_IN_ACTIVITY);
        assertThat(signIns.status()).isEqualTo(Status.FAILED);
        assertThat(signIns.error()).contains("malformed");
        assertThat(fx.records(tenant, Dataset.SIGN_IN_ACTIVITY)).hasSize(30);
        assertThat(result(result, Dataset.CONDITIONAL_ACCESS).clean()).isTrue();
    }

    @Test
    void aPolicyWithoutAnIdFailsTheDatasetAsMalformed() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 0, 3);
        fx.sim
                .cloud
                .faults()
                .forPath("/v1.0/identity/conditionalAccess/policies")
                .itemWithoutIdNext();

        SyncResult result = fx.sync(tenant, BOTH);

        DatasetResult ca = result(result, Dataset.CONDITIONAL_ACCESS);
        assertThat(ca.status()).isEqualTo(Status.FAILED);
        assertThat(ca.error()).contains("malformed").contains("without an id");
        assertThat(fx.records(tenant, Dataset.CONDITIONAL_ACCESS)).isEmpty();
        assertThat(result(result, Dataset.SIGN_IN_ACTIVITY).clean()).isTrue();
    }

    @Test
    void aNextLinkInTheBatchedPolicyPageIsFollowedOnGraphsOriginOnly() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 0, 3);
        fx.sim
                .cloud
                .faults()
                .forPath("/v1.0/identity/conditionalAccess/policies")
                .nextLinkToSelf(1);

        DatasetResult followed =
                result(fx.sync(tenant, Set.of(Dataset.CONDITIONAL_ACCESS)), Dataset.CONDITIONAL_ACCESS);

        assertThat(followed.clean()).as(followed.toString()).isTrue();
        assertThat(followed.requests()).isEqualTo(2); // the $batch, then the next link on its own
        assertThat(fx.records(tenant, Dataset.CONDITIONAL_ACCESS))
                .hasSize(tenant.conditionalAccessPolicies().size() + 1);

        fx.sim
                .cloud
                .faults()
                .forPath("/v1.0/identity/conditionalAccess/policies")
                .nextLinkTo(1, "http://127.0.0.2:9/v1.0/identity/conditionalAccess/policies?$skiptoken=x");

        DatasetResult refused = result(fx.sync(tenant, Set.of(Dataset.CONDITIONAL_ACCESS)), Dataset.CONDITIONAL_ACCESS);

        assertThat(refused.status()).isEqualTo(Status.FAILED);
        assertThat(refused.requests()).isEqualTo(1);
        assertThat(refused.error()).contains("127.0.0.2:9");
        assertThat(fx.records(tenant, Dataset.CONDITIONAL_ACCESS))
                .as("the previous run's records are kept")
                .hasSize(tenant.conditionalAccessPolicies().size() + 1);
    }

    @Test
    void aThrottledBatchItemIsSentAgainAlone() {
        SimulatedTenant tenant = fx.tenant("Contoso", 10, 0, 3);
        fx.sim
                .cloud
                .faults()
                .forPath("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy")
                .throttleNext(1, 2);

        SyncResult result = fx.sync(tenant, Set.of(Dataset.CONDITIONAL_ACCESS));

        DatasetResult ca = result(result, Dataset.CONDITIONAL_ACCESS);
        assertThat(ca.clean()).as(ca.toString()).isTrue();
        assertThat(ca.requests()).isEqualTo(2);
        assertThat(ca.throttledResponses()).isEqualTo(1);
        assertThat(fx.records(tenant, Dataset.CONDITIONAL_ACCESS))
                .hasSize(tenant.conditionalAccessPolicies().size() + 1);
    }
}
