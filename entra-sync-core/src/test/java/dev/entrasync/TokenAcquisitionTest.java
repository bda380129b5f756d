package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.entrasync.internal.auth.AccessToken;
import dev.entrasync.internal.auth.TokenService;
import dev.entrasync.internal.http.HttpStack;
import dev.entrasync.testkit.AadError;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** App-only tokens through real MSAL4J against the simulated cloud's token endpoint. */
class TokenAcquisitionTest {

    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();
    private final HttpStack http = new HttpStack(HttpSettings.ofDefaults());
    private final TokenService tokens =
            new TokenService(http.tokenClient(), sim.time, sim.time, GraphLimits.ofDefaults());
    private final AppCredential credential = sim.credential(SimulatedCloudFixture.SECRET);

    @AfterEach
    void close() {
        http.close();
        sim.close();
    }

    @Test
    void fetchesOnceAndReusesUntilShortlyBeforeExpiry() {
        SimulatedTenant tenant = sim.tenant("Contoso", 1);
        sim.cloud.clock(sim.time).tokenLifetime(Duration.ofHours(1));

        AccessToken first = tokens.token(credential, tenant.id());
        for (int i = 0; i < 20; i++) {
            assertThat(tokens.token(credential, tenant.id())).isSameAs(first);
        }
        sim.time.advance(Duration.ofMinutes(54));
        assertThat(tokens.token(credential, tenant.id())).isSameAs(first);
        sim.time.advance(Duration.ofMinutes(2)); // now inside the 5-minute renewal margin

        AccessToken renewed = tokens.token(credential, tenant.id());

        assertThat(renewed).isNotSameAs(first);
        assertThat(sim.cloud.tokenCalls()).hasSize(2);
    }

    @Test
    void concurrentCallersForOneTenantShareOneRequest() throws Exception {
        SimulatedTenant tenant = sim.tenant("Contoso", 1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return tokens.token(credential, tenant.id());
            }));
        }

        start.countDown();
        for (Future<AccessToken> f : results) {
            assertThat(f.get().tenantId()).isEqualTo(tenant.id());
        }
        pool.shutdown();

        assertThat(sim.cloud.tokenCalls()).hasSize(1);
    }

    @Test
    void readsGrantedPermissionsFromTheRolesClaim() {
        SimulatedTenant tenant = sim.cloud.addTenant(dev.entrasync.testkit.TenantBuilder.create("Fabrikam")
                .seed(7)
                .users(1)
                .build());
        tenant.consent(sim.app, Permissions.USER_READ_ALL, Permissions.DEVICE_READ_ALL);

        AccessToken token = tokens.token(credential, tenant.id());

        assertThat(token.roles()).containsExactlyInAnyOrder("User.Read.All", "Device.Read.All");
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void wrongSecretIsTypedAndNotRetried() {
        SimulatedTenant tenant = sim.tenant("Contoso", 1);

        TokenException e = failure(sim.credential("the-wrong-secret-value"), tenant.id());

        assertThat(e.failure()).isEqualTo(TokenFailure.INVALID_SECRET);
        assertThat(e.aadstsCode()).contains(7000215);
        assertThat(e.getMessage())
                .contains("AADSTS7000215")
                .contains("client secret is wrong")
                .contains("Fix:")
                .doesNotContain("the-wrong-secret-value");
        assertThat(sim.cloud.tokenCalls()).hasSize(1);
    }

    @Test
    void expiredSecret() {
        SimulatedTenant tenant = sim.tenant("Contoso", 1);
        sim.app.expireSecret(SimulatedCloudFixture.SECRET);

        TokenException e = failure(credential, tenant.id());

        assertThat(e.failure()).isEqualTo(TokenFailure.SECRET_EXPIRED);
        assertThat(e.aadstsCode()).contains(7000222);
        assertThat(e.fix()).contains("new client secret");
    }

    @Test
    void appNotConsentedInTheTenant() {
        SimulatedTenant tenant = sim.cloud.addTenant(dev.entrasync.testkit.TenantBuilder.create("NoConsent")
                .seed(3)
                .users(1)
                .build());

        TokenException e = failure(credential, tenant.id());

        assertThat(e.failure()).isEqualTo(TokenFailure.APP_NOT_IN_TENANT);
        assertThat(e.aadstsCode()).contains(700016);
        assertThat(e.getMessage()).contains("admin-consent");
    }

    @Test
    void unknownAndMalformedTenants() {
        assertThat(failure(credential, "9a8b7c6d-0000-4000-8000-000000000000").failure())
                .isEqualTo(TokenFailure.TENANT_NOT_FOUND);
        TokenException malformed = failure(credential, "not_a-tenant!");
        assertThat(malformed.failure()).isEqualTo(TokenFailure.TENANT_MALFORMED);
        assertThat(malformed.aadstsCode()).contains(900023);
    }

    @Test
    void conditionalAccessDisabledAppAndWrongCloud() {
        SimulatedTenant tenant = sim.tenant("Contoso", 1);

        sim.cloud.faults().failTokens(tenant.id(), AadError.BLOCKED_BY_CONDITIONAL_ACCESS);
        assertThat(failure(credential, tenant.id()).failure()).isEqualTo(TokenFailure.BLOCKED_BY_CONDITIONAL_ACCESS);

        sim.cloud.faults().failTokens(tenant.id(), AadError.CROSS_CLOUD);
        assertThat(failure(credential, tenant.id()).failure()).isEqualTo(TokenFailure.WRONG_CLOUD);

        sim.cloud.faults().clearTokenFailure(tenant.id());
        sim.app.disable();
        assertThat(failure(credential, tenant.id()).failure()).isEqualTo(TokenFailure.APP_DISABLED);
    }

    @Test
    void unknownCodeKeepsItsNumberAndMicrosoftsWords() {
        SimulatedTenant tenant = sim.tenant("Contoso", 1);
        sim.cloud
                .faults()
                .failTokens(tenant.id(), AadError.custom(9999901, 400, "invalid_request", "Something new went wrong."));

        TokenException e = failure(credential, tenant.id());

        assertThat(e.failure()).isEqualTo(TokenFailure.UNKNOWN);
        assertThat(e.aadstsCode()).contains(9999901);
        assertThat(e.microsoftDescription())
                .hasValueSatisfying(d -> assertThat(d).contains("Something new went wrong"));
    }

    @Test
    void serverErrorsAreRetried() {
        SimulatedTenant tenant = sim.tenant("Contoso", 1);
        sim.cloud.faults().failNextTokens(1, 503);

        assertThat(tokens.token(credential, tenant.id()).tenantId()).isEqualTo(tenant.id());
        assertThat(sim.cloud.tokenCalls().size()).isGreaterThanOrEqualTo(2);
    }

    private TokenException failure(AppCredential c, String tenant) {
        return catchThrowableOfType(TokenException.class, () -> tokens.token(c, tenant));
    }
}
