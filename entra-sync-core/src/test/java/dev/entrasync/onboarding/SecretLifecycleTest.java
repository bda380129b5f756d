package dev.entrasync.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.AppCredential;
import dev.entrasync.ClientCertificate;
import dev.entrasync.ClientSecret;
import dev.entrasync.TokenFailure;
import dev.entrasync.testkit.TestCertificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Secret expiry events and rotation verified against the simulated token endpoint. */
class SecretLifecycleTest {

    private static final String NEW_SECRET = "Nw9~Rotated.Secret-AlsoNeverLogged_9876543210";

    private final OnboardingFixture sim = new OnboardingFixture();
    private final SecretLifecycle secrets = sim.onboarding.secrets();

    @AfterEach
    void close() {
        sim.close();
    }

    private void secretExpiresIn(Duration left) {
        sim.credentials.save(sim.credential(OnboardingFixture.SECRET, false).toBuilder()
                .secretExpiresAt(sim.time.instant().plus(left))
                .build());
    }

    @Test
    void warnsOnceAtThirtyFourteenSevenAndOneDaysAndOnExpiry() {
        secretExpiresIn(Duration.ofDays(40));

        for (int day = 0; day <= 41; day++) {
            secrets.checkExpiries();
            secrets.checkExpiries();
            sim.time.advance(Duration.ofDays(1));
        }

        assertThat(sim.secretEvents.events())
                .containsExactly(
                        "expiring msp 30", "expiring msp 14", "expiring msp 7", "expiring msp 1", "expired msp");
    }

    @Test
    void sendsOnlyTheNearestThresholdAfterAGapAndSaysWhatToDo() {
        secretExpiresIn(Duration.ofDays(5).plusHours(1));

        var sent = secrets.checkExpiries();

        assertThat(sent).singleElement().satisfies(w -> {
            assertThat(w.thresholdDays()).isEqualTo(7);
            assertThat(w.daysLeft()).isEqualTo(5);
            assertThat(w.message()).contains("expires in 5 days").contains("Create a new client secret");
        });
        assertThat(secrets.checkExpiries()).isEmpty();
    }

    @Test
    void warnsOfACertificateByItsNotAfterAndNamesItsThumbprint() {
        Instant notAfter = sim.time.instant().plus(Duration.ofDays(5).plusHours(1));
        TestCertificate certificate =
                TestCertificate.selfSigned("msp", sim.time.instant().minus(Duration.ofDays(360)), notAfter);
        ClientCertificate loaded = ClientCertificate.fromPem(certificate.pem());
        sim.credentials.save(sim.credential(OnboardingFixture.SECRET, false).toBuilder()
                .certificate(loaded)
                .build());

        var sent = secrets.checkExpiries();
        sim.time.advance(Duration.ofDays(6));
        var expired = secrets.checkExpiries();

        assertThat(sent).singleElement().satisfies(w -> {
            assertThat(w.isCertificate()).isTrue();
            assertThat(w.certificateThumbprint()).isEqualTo(loaded.thumbprint());
            assertThat(w.expiresAt()).isEqualTo(loaded.notAfter());
            assertThat(w.thresholdDays()).isEqualTo(7);
            assertThat(w.what()).isEqualTo("Certificate");
            assertThat(w.message())
                    .contains("The certificate (thumbprint " + loaded.thumbprint()
                            + ") of credential 'msp' expires in 5" + " days")
                    .contains("Create a new certificate")
                    .doesNotContain("client secret");
        });
        assertThat(expired)
                .singleElement()
                .satisfies(w -> assertThat(w.message())
                        .contains("The certificate (thumbprint " + loaded.thumbprint()
                                + ") of credential 'msp' expired on"));
        assertThat(sim.secretEvents.events()).containsExactly("expiring msp 7", "expired msp");
    }

    @Test
    void anAssertionCallbackHasNothingToExpire() {
        sim.credentials.save(sim.credential(OnboardingFixture.SECRET, false).toBuilder()
                .assertionProvider(() -> "a.b.c")
                .build());

        assertThat(secrets.checkExpiries()).isEmpty();
    }

    @Test
    void rotatesOnlyAfterEntraAcceptsTheNewSecret() {
        sim.home.consent(sim.app);
        sim.app.addSecret(NEW_SECRET);
        Instant newExpiry = sim.time.instant().plus(Duration.ofDays(365));

        AppCredential rotated = secrets.rotate("msp", ClientSecret.of(NEW_SECRET), newExpiry);

        assertThat(rotated.secret().reveal()).isEqualTo(NEW_SECRET);
        assertThat(sim.credentials.find("msp")).contains(rotated);
        assertThat(rotated.secretExpiresAt()).isEqualTo(newExpiry);
        assertThat(sim.cloud.tokenCalls()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("/" + sim.home.id() + "/oauth2/v2.0/token");
            assertThat(c.body()).contains("client_secret=Nw9");
        });
        assertThat(sim.secretEvents.events()).containsExactly("rotated msp");
    }

    @Test
    void keepsTheOldSecretWhenEntraRefusesTheNewOne() {
        sim.home.consent(sim.app);
        AppCredential before = sim.credentials.find("msp").orElseThrow();

        assertThatThrownBy(() -> secrets.rotate("msp", ClientSecret.of(NEW_SECRET), null))
                .isInstanceOf(SecretRotationException.class)
                .hasMessageContaining("the old secret stays in use")
                .hasMessageContaining("AADSTS7000215")
                .satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain(NEW_SECRET).doesNotContain(OnboardingFixture.SECRET));

        assertThat(sim.credentials.find("msp")).contains(before);
        assertThat(sim.secretEvents.events()).containsExactly("rotation failed msp " + TokenFailure.INVALID_SECRET);
    }

    @Test
    void refusesANewExpiryInThePast() {
        assertThatThrownBy(() -> secrets.rotate(
                        "msp", ClientSecret.of(NEW_SECRET), sim.time.instant().minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("newExpiry:");
        assertThat(sim.cloud.tokenCalls()).isEmpty();
    }
}
