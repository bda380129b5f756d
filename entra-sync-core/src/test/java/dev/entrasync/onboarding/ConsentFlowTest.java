package dev.entrasync.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.TenantId;
import dev.entrasync.TokenFailure;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admin consent from link to verified record, through MSAL4J against the simulated consent page and token endpoint. */
class ConsentFlowTest {

    private final OnboardingFixture sim = new OnboardingFixture();
    private final ConsentFlow flow = sim.onboarding.consent();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void buildsTheV2AdminConsentLinkFromTheCredentialsCloud() {
        SimulatedTenant contoso = sim.tenant("Contoso");

        ConsentUrl link = flow.forTenant("msp", TenantId.of(contoso.id()), "company-7");

        HttpUrl url = HttpUrl.get(link.uri().toString());
        assertThat(link.uri().toString()).startsWith(sim.cloud.loginUrl() + "/" + contoso.id() + "/v2.0/adminconsent?");
        assertThat(url.queryParameter("client_id")).isEqualTo(OnboardingFixture.CLIENT_ID);
        assertThat(url.queryParameter("scope")).isEqualTo(sim.cloud.graphUrl() + "/.default");
        assertThat(url.queryParameter("redirect_uri")).isEqualTo(OnboardingFixture.REDIRECT);
        assertThat(url.queryParameter("state")).isNotBlank();
        assertThat(link.expiresAt()).isEqualTo(sim.time.instant().plus(Duration.ofMinutes(30)));
        assertThat(flow.forAnyTenant("msp", null).uri().getPath()).isEqualTo("/organizations/v2.0/adminconsent");
    }

    @Test
    void verifiesAndRecordsAConsentForAKnownTenant() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso);
        ConsentUrl link = flow.forTenant("msp", TenantId.of(contoso.id()), "company-7");

        ConsentResult result = flow.complete(sim.visit(link));

        assertThat(result).isInstanceOf(ConsentResult.Granted.class);
        ConsentResult.Granted granted = (ConsentResult.Granted) result;
        assertThat(granted.tenant().value()).isEqualTo(contoso.id());
        assertThat(granted.permissions()).containsExactlyInAnyOrderElementsOf(Permissions.ALL_READ);
        assertThat(sim.consents.find("msp", TenantId.of(contoso.id()))).contains(granted.consent());
        assertThat(granted.consent().companyId()).isEqualTo("company-7");
        assertThat(sim.cloud.tokenCalls()).hasSize(1);
        assertThat(sim.time.slept()).isEmpty();
    }

    @Test
    void verifiesAndRecordsAConsentForOrganizations() {
        SimulatedTenant fabrikam = sim.tenant("Fabrikam");
        sim.app.configurePermissions(Permissions.USER_READ_ALL, Permissions.ORGANIZATION_READ_ALL);
        sim.cloud.consentPage().approveAs(fabrikam);

        ConsentResult result = flow.complete(sim.visit(flow.forAnyTenant("msp", null)));

        assertThat(result.granted()).isTrue();
        ConsentRecord recorded = ((ConsentResult.Granted) result).consent();
        assertThat(recorded.tenant().value()).isEqualTo(fabrikam.id());
        assertThat(recorded.permissions()).containsExactly("Organization.Read.All", "User.Read.All");
        assertThat(recorded.companyId()).isNull();
        assertThat(sim.consents.list("msp")).containsExactly(recorded);
    }

    @Test
    void aConsentThatPropagatesLateIsVerifiedOnceItIsVisible() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso, Duration.ofMinutes(3));

        ConsentResult result = flow.complete(sim.visit(flow.forAnyTenant("msp", "company-1")));

        assertThat(result.granted()).isTrue();
        assertThat(sim.time.slept()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(60), Duration.ofSeconds(60));
        assertThat(sim.cloud.tokenCalls()).hasSize(7);
        assertThat(sim.consents.list("msp")).hasSize(1);
    }

    @Test
    void aForgedTenantThatNeverConsentedIsNotVerifiedAfterThePropagationWindow() {
        SimulatedTenant victim = sim.tenant("Victim");
        String state = OnboardingFixture.state(flow.forAnyTenant("msp", "company-1"));

        ConsentResult result = flow.complete(Map.of("admin_consent", "True", "tenant", victim.id(),
                "scope", sim.cloud.graphUrl() + "/.default", "state", state));

        assertThat(result).isInstanceOf(ConsentResult.NotVerified.class);
        ConsentResult.NotVerified notVerified = (ConsentResult.NotVerified) result;
        assertThat(notVerified.claimedTenant()).isEqualTo(victim.id());
        assertThat(notVerified.failure()).get().extracting(e -> e.failure()).isEqualTo(TokenFailure.APP_NOT_IN_TENANT);
        assertThat(notVerified.message()).contains("nothing was recorded").contains("AADSTS700016");
        assertThat(sim.time.slept().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofMinutes(15));
        assertThat(sim.cloud.tokenCalls()).hasSize(19);
        assertThat(sim.consents.list("msp")).isEmpty();
    }

    @Test
    void aTamperedStateIsRefusedWithoutAnyTokenRequest() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso);
        Map<String, String> query = new HashMap<>(sim.visit(flow.forAnyTenant("msp", "company-1")));
        String state = query.get("state");
        query.put("state", state.charAt(0) == 'A' ? "B" + state.substring(1) : "A" + state.substring(1));

        ConsentResult result = flow.complete(query);

        assertInvalid(result, ConsentResult.InvalidState.Reason.TAMPERED);
    }

    @Test
    void aStateSignedWithAnotherKeyIsTampered() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso);
        try (Onboarding other = Onboarding.builder().credentials(sim.credentials).consents(sim.consents)
                .stateKey("another-host-key-another-host-key-0123".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .redirectUri(OnboardingFixture.REDIRECT).clock(sim.time).sleeper(sim.time).build()) {
            Map<String, String> query = sim.visit(other.consent().forAnyTenant("msp", null));

            assertInvalid(flow.complete(query), ConsentResult.InvalidState.Reason.TAMPERED);
        }
    }

    @Test
    void anExpiredStateIsRefused() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        ConsentUrl link = flow.forTenant("msp", TenantId.of(contoso.id()), null);
        sim.time.advance(Duration.ofMinutes(30));
        sim.cloud.consentPage().approveAs(contoso);

        ConsentResult result = flow.complete(sim.visit(link));

        assertInvalid(result, ConsentResult.InvalidState.Reason.EXPIRED);
        assertThat(result.message()).contains("expired");
    }

    @Test
    void aReplayedStateIsRefusedAndRecordsNothingMore() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso);
        Map<String, String> query = sim.visit(flow.forTenant("msp", TenantId.of(contoso.id()), "company-7"));
        assertThat(flow.complete(query).granted()).isTrue();
        sim.consents.delete("msp", TenantId.of(contoso.id()));

        ConsentResult replay = flow.complete(query);

        assertThat(replay).isInstanceOf(ConsentResult.InvalidState.class);
        assertThat(((ConsentResult.InvalidState) replay).reason()).isEqualTo(ConsentResult.InvalidState.Reason.REPLAYED);
        assertThat(sim.consents.list("msp")).isEmpty();
        assertThat(sim.cloud.tokenCalls()).hasSize(1);
    }

    @Test
    void aMissingOrForeignStateIsMalformed() {
        assertInvalid(flow.complete(Map.of("admin_consent", "True", "tenant", sim.home.id())),
                ConsentResult.InvalidState.Reason.MALFORMED);
        assertInvalid(flow.complete("admin_consent=True&state=not-ours"), ConsentResult.InvalidState.Reason.MALFORMED);
    }

    @Test
    void aDeclinedConsentIsExplainedInWordsAndRecordsNothing() {
        sim.cloud.consentPage().decline();

        ConsentResult result = flow.complete(sim.visit(flow.forAnyTenant("msp", "company-1")));

        assertThat(result).isInstanceOf(ConsentResult.Declined.class);
        ConsentResult.Declined declined = (ConsentResult.Declined) result;
        assertThat(declined.error()).isEqualTo("access_denied");
        assertThat(declined.aadstsCode()).isEqualTo(65004);
        assertThat(declined.words()).isEqualTo("The administrator declined to grant the app access to the tenant.");
        assertThat(declined.message()).contains("Fix: Ask the administrator").contains("AADSTS65004");
        assertNothingRecordedAndNoToken();
    }

    @Test
    void aCancelledConsentIsItsOwnResultAndRecordsNothing() {
        sim.cloud.consentPage().cancel();

        ConsentResult result = flow.complete(sim.visit(flow.forAnyTenant("msp", null)));

        assertThat(result).isInstanceOf(ConsentResult.Cancelled.class);
        assertThat(result.message()).startsWith("The administrator cancelled the consent page");
        assertNothingRecordedAndNoToken();
    }

    @Test
    void anAdministratorOfAnotherTenantOnATenantLinkIsDeclinedInWords() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        SimulatedTenant fabrikam = sim.tenant("Fabrikam");
        sim.cloud.consentPage().approveAs(fabrikam);

        ConsentResult result = flow.complete(sim.visit(flow.forTenant("msp", TenantId.of(contoso.id()), null)));

        assertThat(result).isInstanceOf(ConsentResult.Declined.class);
        assertThat(((ConsentResult.Declined) result).words()).contains("does not belong to the tenant");
        assertNothingRecordedAndNoToken();
    }

    @Test
    void resultsNeverShowTheSecret() {
        SimulatedTenant victim = sim.tenant("Victim");
        String state = OnboardingFixture.state(flow.forAnyTenant("msp", null));

        ConsentResult result = flow.complete(Map.of("admin_consent", "True", "tenant", victim.id(), "state", state));

        assertThat(result.message()).doesNotContain(OnboardingFixture.SECRET);
        assertThat(result.toString()).doesNotContain(OnboardingFixture.SECRET);
    }

    private void assertInvalid(ConsentResult result, ConsentResult.InvalidState.Reason reason) {
        assertThat(result).isInstanceOf(ConsentResult.InvalidState.class);
        assertThat(((ConsentResult.InvalidState) result).reason()).isEqualTo(reason);
        assertThat(result.message()).contains("Nothing was recorded");
        assertNothingRecordedAndNoToken();
    }

    private void assertNothingRecordedAndNoToken() {
        assertThat(sim.consents.list("msp")).isEmpty();
        assertThat(sim.cloud.tokenCalls()).isEqualTo(List.of());
    }
}
