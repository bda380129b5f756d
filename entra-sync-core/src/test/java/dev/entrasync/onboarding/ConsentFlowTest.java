package dev.entrasync.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.TenantId;
import dev.entrasync.TokenFailure;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.IdTokenForgery;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedTenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Admin consent from link to verified record, through MSAL4J against the simulated sign-in page, token endpoint
 * and signing keys: the tenant comes from a verified ID token, never from the redirect.
 */
class ConsentFlowTest {

    private final OnboardingFixture sim = new OnboardingFixture();
    private final ConsentFlow flow = sim.onboarding.consent();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void buildsAnOpenIdSignInWithAdminConsentAndPkceFromTheCredentialsCloud() {
        SimulatedTenant contoso = sim.tenant("Contoso");

        ConsentUrl link = flow.forTenant("msp", TenantId.of(contoso.id()), "company-7");

        HttpUrl url = HttpUrl.get(link.uri().toString());
        assertThat(link.uri().toString())
                .startsWith(sim.cloud.loginUrl() + "/" + contoso.id() + "/oauth2/v2.0/authorize?");
        assertThat(url.queryParameter("client_id")).isEqualTo(OnboardingFixture.CLIENT_ID);
        assertThat(url.queryParameter("response_type")).isEqualTo("code");
        assertThat(url.queryParameter("response_mode")).isEqualTo("query");
        assertThat(url.queryParameter("scope")).isEqualTo("openid profile " + sim.cloud.graphUrl() + "/.default");
        assertThat(url.queryParameter("prompt")).isEqualTo("consent");
        assertThat(url.queryParameter("redirect_uri")).isEqualTo(OnboardingFixture.REDIRECT);
        assertThat(url.queryParameter("state")).isNotBlank();
        assertThat(url.queryParameter("nonce")).hasSize(43);
        assertThat(url.queryParameter("code_challenge")).hasSize(43);
        assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
        assertThat(link.expiresAt()).isEqualTo(sim.time.instant().plus(Duration.ofMinutes(30)));
        assertThat(flow.forAnyTenant("msp", null).uri().getPath()).isEqualTo("/organizations/oauth2/v2.0/authorize");
    }

    @Test
    void theStateCarriesNeitherTheNonceNorThePkceSecretAndEachLinkHasItsOwn() {
        HttpUrl first = HttpUrl.get(flow.forAnyTenant("msp", null).uri().toString());
        HttpUrl second = HttpUrl.get(flow.forAnyTenant("msp", null).uri().toString());

        String claims = new String(
                Base64.getUrlDecoder().decode(first.queryParameter("state").split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(claims)
                .doesNotContain(first.queryParameter("nonce"))
                .doesNotContain(first.queryParameter("code_challenge"));
        assertThat(second.queryParameter("nonce")).isNotEqualTo(first.queryParameter("nonce"));
        assertThat(second.queryParameter("code_challenge")).isNotEqualTo(first.queryParameter("code_challenge"));
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
        assertThat(sim.codeRedemptions()).hasSize(1);
        assertThat(sim.appOnlyTokenCalls()).hasSize(1);
        assertThat(sim.time.sleeps()).isEmpty();
    }

    @Test
    void verifiesAndRecordsAConsentForOrganizations() {
        SimulatedTenant fabrikam = sim.tenant("Fabrikam");
        sim.app.configurePermissions(Permissions.USER_READ_ALL, Permissions.ORGANIZATION_READ_ALL);
        sim.cloud.consentPage().approveAs(fabrikam);

        ConsentResult result = flow.complete(sim.visit(flow.forAnyTenant("msp", null)));

        assertThat(result.granted()).isTrue();
        ConsentRecord recorded = ((ConsentResult.Granted) result).consent();
        assertThat(recorded.tenant().value()).as("the ID token's tid").isEqualTo(fabrikam.id());
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
        assertThat(sim.time.sleeps())
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(60));
        assertThat(sim.appOnlyTokenCalls()).hasSize(7);
        assertThat(sim.consents.list("msp")).hasSize(1);
    }

    @Test
    void proveNamesTheSignedInTenantAtOnceAndVerifyLaterConfirmsAndRecordsIt() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso, Duration.ofMinutes(20)); // visible long after the code expired

        ConsentResult proof = flow.prove(sim.visit(flow.forAnyTenant("msp", "company-1")));

        assertThat(proof).isEqualTo(new ConsentResult.Proven("msp", TenantId.of(contoso.id()), "company-1"));
        assertThat(proof.granted()).isFalse();
        assertThat(proof.message()).contains(contoso.id()).contains("not recorded yet");
        assertThat(sim.time.sleeps()).as("prove never waits for propagation").isEmpty();
        assertThat(sim.appOnlyTokenCalls()).isEmpty();
        assertThat(sim.consents.list("msp")).isEmpty();

        sim.time.advance(Duration.ofMinutes(20)); // a worker picks the check up late: the code is not needed again
        ConsentResult.Proven proven = (ConsentResult.Proven) proof;
        ConsentResult result = flow.verify(proven.credentialName(), proven.tenant(), proven.companyId());

        assertThat(result.granted()).isTrue();
        assertThat(sim.consents.list("msp"))
                .singleElement()
                .satisfies(c -> assertThat(c.tenant().value()).isEqualTo(contoso.id()))
                .satisfies(c -> assertThat(c.companyId()).isEqualTo("company-1"));
    }

    @Test
    void proveRefusesWhatCompleteRefusesAndRecordsNothing() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        SimulatedTenant other = sim.tenant("Other");
        sim.cloud.consentPage().approveAs(contoso);
        Map<String, String> redirect = new HashMap<>(sim.visit(flow.forAnyTenant("msp", null)));
        redirect.put("tenant", other.id());

        assertNotProven(flow.prove(redirect), ConsentResult.NotProven.Reason.TENANT_MISMATCH);
    }

    @Test
    void aConsentThatNeverBecomesVisibleIsNotVerifiedAfterThePropagationWindow() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso, Duration.ofHours(1));

        ConsentResult result = flow.complete(sim.visit(flow.forAnyTenant("msp", "company-1")));

        assertThat(result).isInstanceOf(ConsentResult.NotVerified.class);
        ConsentResult.NotVerified notVerified = (ConsentResult.NotVerified) result;
        assertThat(notVerified.claimedTenant()).isEqualTo(contoso.id());
        assertThat(notVerified.failure()).get().extracting(e -> e.failure()).isEqualTo(TokenFailure.APP_NOT_IN_TENANT);
        assertThat(notVerified.message()).contains("nothing was recorded").contains("AADSTS700016");
        assertThat(sim.time.totalSlept()).isEqualTo(Duration.ofMinutes(15));
        assertThat(sim.appOnlyTokenCalls()).hasSize(19);
        assertThat(sim.consents.list("msp")).isEmpty();
    }

    @Test
    void anAdminConsentStyleRedirectNamingATenantProvesNothingAndAsksForNoToken() {
        SimulatedTenant victim = sim.tenant("Victim");
        victim.consent(sim.app, Permissions.allRead());
        String state = OnboardingFixture.state(flow.forAnyTenant("msp", "company-1"));

        ConsentResult result = flow.complete(Map.of(
                "admin_consent",
                "True",
                "tenant",
                victim.id(),
                "scope",
                sim.cloud.graphUrl() + "/.default",
                "state",
                state));

        assertNotProven(result, ConsentResult.NotProven.Reason.NO_CODE);
        assertThat(result.message()).contains("cannot prove which tenant").contains("open a new consent link");
        assertThat(sim.cloud.tokenCalls()).isEmpty();
    }

    @Test
    void editingTheTenantOfTheRedirectToAnotherConsentedTenantIsRefused() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.home.consent(sim.app, Permissions.allRead());
        sim.cloud.consentPage().approveAs(contoso);
        Map<String, String> query = new HashMap<>(sim.visit(flow.forAnyTenant("msp", "attacker-company")));
        query.put("tenant", sim.home.id());

        ConsentResult result = flow.complete(query);

        assertNotProven(result, ConsentResult.NotProven.Reason.TENANT_MISMATCH);
        assertThat(result.message())
                .contains("names tenant " + sim.home.id())
                .contains("belongs to tenant " + contoso.id())
                .contains("Nothing was recorded");
    }

    @Test
    void aTenantParameterThatMatchesTheSignedInTenantIsAccepted() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso);
        Map<String, String> query = new HashMap<>(sim.visit(flow.forAnyTenant("msp", null)));
        query.put("tenant", contoso.id().toUpperCase(java.util.Locale.ROOT));

        ConsentResult result = flow.complete(query);

        assertThat(result.granted()).isTrue();
        assertThat(((ConsentResult.Granted) result).tenant().value()).isEqualTo(contoso.id());
    }

    @ParameterizedTest
    @EnumSource(value = IdTokenForgery.class, names = "OTHER_TENANT", mode = EnumSource.Mode.EXCLUDE)
    void aForgedOrSpoiledIdTokenIsRefused(IdTokenForgery forgery) {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso).forgeNextIdToken(forgery);

        ConsentResult result = flow.complete(sim.visit(flow.forAnyTenant("msp", "company-1")));

        assertNotProven(result, ConsentResult.NotProven.Reason.ID_TOKEN_INVALID);
        assertThat(result.message())
                .startsWith("The sign-in's ID token was refused")
                .contains(
                        switch (forgery) {
                            case WRONG_KEY -> "signature does not verify";
                            case UNKNOWN_KEY_ID -> "the cloud does not publish";
                            case ALG_NONE -> "alg 'none'";
                            case HS256_WITH_PUBLIC_KEY -> "alg 'HS256'";
                            case EXPIRED -> "expired at";
                            case WRONG_AUDIENCE -> "issued to another application";
                            case WRONG_NONCE -> "does not match this consent link's";
                            case NO_NONCE -> "nonce is missing";
                            case WRONG_ISSUER -> "issuer is 'https://login.attacker.example/";
                            case OTHER_TENANT -> throw new AssertionError();
                        })
                .contains("Nothing was recorded");
    }

    @Test
    void aGuidLinkCompletedByAnotherTenantsAdministratorIsRefused() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        SimulatedTenant fabrikam = sim.tenant("Fabrikam");
        sim.cloud.consentPage().approveAs(fabrikam);
        ConsentUrl link = flow.forTenant("msp", TenantId.of(contoso.id()), "company-7");
        // The administrator of Fabrikam edits the link to sign in anywhere, keeping its state, nonce and PKCE
        // challenge.
        ConsentUrl edited = new ConsentUrl(
                java.net.URI.create(link.uri().toString().replace("/" + contoso.id() + "/", "/organizations/")),
                "msp",
                null,
                "company-7",
                link.expiresAt());

        ConsentResult result = flow.complete(sim.visit(edited));

        assertNotProven(result, ConsentResult.NotProven.Reason.CODE_REFUSED);
        assertThat(result.message())
                .contains("issued for another tenant")
                .contains("AADSTS700005")
                .contains("Nothing was recorded");
    }

    @Test
    void anIdTokenForAnotherTenantThanTheGuidLinkIsRefused() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso).forgeNextIdToken(IdTokenForgery.OTHER_TENANT);

        ConsentResult result = flow.complete(sim.visit(flow.forTenant("msp", TenantId.of(contoso.id()), null)));

        assertNotProven(result, ConsentResult.NotProven.Reason.TENANT_MISMATCH);
        assertThat(result.message())
                .contains("The consent link was for tenant " + contoso.id())
                .contains("belongs to tenant " + sim.home.id());
    }

    @Test
    void aDomainLinkRecordsTheDomainsTenant() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        String domain = contoso.defaultDomain();
        sim.cloud.consentPage().approveAs(contoso);

        ConsentUrl link = flow.forTenant("msp", TenantId.of(domain), "company-7");
        ConsentResult result = flow.complete(sim.visit(link));

        assertThat(link.uri().getPath()).isEqualTo("/" + domain + "/oauth2/v2.0/authorize");
        assertThat(result.granted()).isTrue();
        assertThat(((ConsentResult.Granted) result).tenant().value()).isEqualTo(contoso.id());
    }

    @Test
    void aDomainLinkWithAnIdTokenOfAnotherTenantIsRefused() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso).forgeNextIdToken(IdTokenForgery.OTHER_TENANT);

        ConsentResult result =
                flow.complete(sim.visit(flow.forTenant("msp", TenantId.of(contoso.defaultDomain()), null)));

        assertNotProven(result, ConsentResult.NotProven.Reason.TENANT_MISMATCH);
        assertThat(result.message()).contains("(" + contoso.id() + ")").contains("belongs to tenant " + sim.home.id());
    }

    @Test
    void aReplayedCodeIsRefusedByMicrosoftAndSaidSo() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso).approveAs(contoso);
        Map<String, String> first = sim.visit(flow.forAnyTenant("msp", "company-1"));
        assertThat(flow.complete(first).granted()).isTrue();
        sim.consents.delete("msp", TenantId.of(contoso.id()));
        Map<String, String> second = new HashMap<>(sim.visit(flow.forAnyTenant("msp", "company-2")));
        second.put("code", first.get("code"));

        ConsentResult replay = flow.complete(second);

        assertThat(replay).isInstanceOf(ConsentResult.NotProven.class);
        assertThat(((ConsentResult.NotProven) replay).reason()).isEqualTo(ConsentResult.NotProven.Reason.CODE_REFUSED);
        assertThat(replay.message())
                .contains("already redeemed")
                .contains("AADSTS54005")
                .contains("Nothing was recorded");
        assertThat(sim.consents.list("msp")).isEmpty();
        assertThat(sim.appOnlyTokenCalls()).hasSize(1);
    }

    @Test
    void aCodeRedeemedAfterTenMinutesIsRefused() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso);
        Map<String, String> query = sim.visit(flow.forAnyTenant("msp", null));
        sim.time.advance(Duration.ofMinutes(11));

        ConsentResult result = flow.complete(query);

        assertNotProven(result, ConsentResult.NotProven.Reason.CODE_REFUSED);
        assertThat(result.message()).contains("expired").contains("AADSTS70008");
    }

    @Test
    void aLinkWhoseCredentialWasDeletedMeanwhileRecordsNothingAndSaysSo() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso);
        Map<String, String> query = sim.visit(flow.forAnyTenant("msp", null));
        sim.credentials.delete("msp");

        ConsentResult result = flow.complete(query);

        assertThat(result).isInstanceOf(ConsentResult.NotVerified.class);
        assertThat(result.message())
                .contains("credential 'msp'")
                .contains("no longer in the credential store")
                .contains("Nothing was recorded");
        assertThat(sim.consents.list("msp")).isEmpty();
        assertThat(sim.cloud.tokenCalls()).isEmpty();
    }

    @Test
    void signingKeysAreCachedAndFetchedAgainOnceWhenTheCloudRollsThemOver() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso).approveAs(contoso);
        assertThat(flow.complete(sim.visit(flow.forAnyTenant("msp", null))).granted())
                .isTrue();
        assertThat(flow.complete(sim.visit(flow.forAnyTenant("msp", null))).granted())
                .isTrue();
        assertThat(sim.jwksCalls()).hasSize(1);

        sim.cloud.consentPage().rotateSigningKey().approveAs(contoso);
        assertThat(flow.complete(sim.visit(flow.forAnyTenant("msp", null))).granted())
                .isTrue();

        assertThat(sim.jwksCalls()).hasSize(2);
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
        try (EntraSync entra = EntraSync.builder()
                .credentials(sim.credentials)
                .clock(sim.time)
                .sleeper(sim.time)
                .build()) {
            Onboarding other = entra.onboarding()
                    .consents(sim.consents)
                    .stateKey("another-host-key-another-host-key-0123"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .redirectUri(OnboardingFixture.REDIRECT)
                    .build();
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
        assertThat(((ConsentResult.InvalidState) replay).reason())
                .isEqualTo(ConsentResult.InvalidState.Reason.REPLAYED);
        assertThat(sim.consents.list("msp")).isEmpty();
        assertThat(sim.codeRedemptions()).hasSize(1);
        assertThat(sim.appOnlyTokenCalls()).hasSize(1);
    }

    @Test
    void aMissingOrForeignStateIsMalformed() {
        assertInvalid(
                flow.complete(Map.of("admin_consent", "True", "tenant", sim.home.id())),
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
    void resultsNeverShowTheSecretOrTheTokens() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        sim.cloud.consentPage().approveAs(contoso).approveAs(contoso).forgeNextIdToken(IdTokenForgery.WRONG_KEY);
        Map<String, String> honest = sim.visit(flow.forAnyTenant("msp", null));
        Map<String, String> forged = sim.visit(flow.forAnyTenant("msp", null));

        List<ConsentResult> results = List.of(
                flow.complete(forged),
                flow.complete(honest),
                flow.complete(Map.of(
                        "code", honest.get("code"), "state", OnboardingFixture.state(flow.forAnyTenant("msp", null)))));

        assertThat(results)
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly("NotProven", "Granted", "NotProven");
        for (ConsentResult result : results) {
            assertThat(result.message())
                    .doesNotContain(OnboardingFixture.SECRET)
                    .doesNotContain("eyJ")
                    .doesNotContain(honest.get("code"));
            assertThat(result.toString())
                    .doesNotContain(OnboardingFixture.SECRET)
                    .doesNotContain("eyJ");
        }
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

    private void assertNotProven(ConsentResult result, ConsentResult.NotProven.Reason reason) {
        assertThat(result).isInstanceOf(ConsentResult.NotProven.class);
        assertThat(((ConsentResult.NotProven) result).reason()).isEqualTo(reason);
        assertThat(result.message()).contains("Nothing was recorded");
        assertThat(sim.consents.list("msp")).isEmpty();
        assertThat(sim.appOnlyTokenCalls())
                .as("no app-only token is asked for an unproven tenant")
                .isEmpty();
    }
}
