package dev.entrasync.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThrottleModelTest {
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final String APP = "app";
    /** Graph's quotas divided by 100, so a test can exhaust them. */
    private static final ThrottleModel.Quotas SMALL =
            new ThrottleModel.Quotas(35, 50, 80, 130, 5, 150, Duration.ofSeconds(10), Duration.ofMinutes(1));

    private static TenantData tenant(String id, int users) {
        TenantData tenant = new TenantData(
                id, id, List.of(Map.of("name", id + ".example", "isDefault", true)), true, T0.toString());
        EntityStore store = tenant.store("users", "user");
        for (int i = 0; i < users; i++) {
            store.put(Map.of("id", id + "-user-" + i));
        }
        return tenant;
    }

    private static int admitted(ThrottleModel model, TenantData tenant, String path, int cost, int tries) {
        int admitted = 0;
        for (int i = 0; i < tries; i++) {
            if (model.admit(APP, tenant, path, T0) == null) {
                admitted++;
                model.charge(APP, tenant, path, cost, T0);
            }
        }
        return admitted;
    }

    @Test
    void theResourceUnitBudgetFollowsTheTenantsSize() {
        ThrottleModel model = new ThrottleModel(ThrottleModel.GRAPH);

        assertThat(model.unitsFor(49)).isEqualTo(3_500);
        assertThat(model.unitsFor(50)).isEqualTo(5_000);
        assertThat(model.unitsFor(500)).isEqualTo(5_000);
        assertThat(model.unitsFor(501)).isEqualTo(8_000);
    }

    @Test
    void aSmallTenantPassesUntilItsUnitsAreSpent() {
        ThrottleModel model = new ThrottleModel(SMALL);

        assertThat(admitted(model, tenant("small", 10), "/v1.0/users", 2, 40)).isEqualTo(18);
    }

    @Test
    void aLargeTenantGetsMoreUnits() {
        ThrottleModel model = new ThrottleModel(SMALL);

        assertThat(admitted(model, tenant("large", 600), "/v1.0/users", 2, 100)).isEqualTo(40);
    }

    @Test
    void aRefusalSaysWhenTheBudgetHasRoomAgain() {
        ThrottleModel model = new ThrottleModel(SMALL);
        TenantData tenant = tenant("small", 10);
        admitted(model, tenant, "/v1.0/users", 2, 18);

        ThrottleModel.Refusal refusal = model.admit(APP, tenant, "/v1.0/users", T0);

        assertThat(refusal.information()).isEqualTo("ResourceUnitLimitExceeded");
        assertThat(refusal.retryAfterSeconds()).isCloseTo(1 / 3.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(model.admit(APP, tenant, "/v1.0/users", T0.plusMillis(290))).isNull();
    }

    @Test
    void theAppLimitSpansEveryTenant() {
        ThrottleModel model = new ThrottleModel(SMALL);
        int admitted = 0;
        for (int t = 0; t < 10; t++) {
            admitted += admitted(model, tenant("t" + t, 600), "/v1.0/users", 1, 20);
        }

        assertThat(admitted).isEqualTo(130);
    }

    @Test
    void theBatchEnvelopeCountsNowhere() {
        ThrottleModel model = new ThrottleModel(SMALL);

        assertThat(admitted(model, tenant("small", 10), "/v1.0/$batch", 1, 500)).isEqualTo(500);
    }

    @Test
    void pathsMapToTheirService() {
        assertThat(ThrottleModel.service("/v1.0/auditLogs/directoryAudits")).isEqualTo(ThrottleModel.Service.REPORTS);
        assertThat(ThrottleModel.service("/v1.0/reports/authenticationMethods/userRegistrationDetails"))
                .isEqualTo(ThrottleModel.Service.REPORTS);
        assertThat(ThrottleModel.service("/v1.0/security/secureScores")).isEqualTo(ThrottleModel.Service.SECURITY);
        assertThat(ThrottleModel.service("/v1.0/users/x/authentication/methods"))
                .isEqualTo(ThrottleModel.Service.DIRECTORY);
    }
}
