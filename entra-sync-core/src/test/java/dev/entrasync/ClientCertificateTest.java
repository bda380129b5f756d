package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.testkit.TestCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading certificate credentials from PKCS#12 and PEM, and refusing broken or mismatched ones clearly. */
class ClientCertificateTest {

    private static final char[] PASSWORD = "pfx-Password-NeverLogged".toCharArray();
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final TestCertificate CERT =
            TestCertificate.selfSigned("entra-sync", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));

    @Test
    void loadsAPkcs12FileAndShowsTheThumbprintAsTheAdminCenterDoes(@TempDir Path dir) throws Exception {
        Path pfx = dir.resolve("app.pfx");
        Files.write(pfx, CERT.pkcs12(PASSWORD));

        ClientCertificate loaded = ClientCertificate.fromPkcs12(pfx, PASSWORD);

        String sha1 = HexFormat.of()
                .withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-1")
                        .digest(CERT.certificate().getEncoded()));
        assertThat(loaded.thumbprint()).isEqualTo(sha1).hasSize(40);
        assertThat(loaded.thumbprintSha256()).hasSize(64);
        assertThat(loaded.chain()).containsExactly(CERT.certificate());
        assertThat(loaded.notAfter()).isEqualTo(NOW.plus(Duration.ofDays(365)));
        assertThat(loaded.subject()).isEqualTo("CN=entra-sync");
        assertThat(loaded.toString())
                .isEqualTo("ClientCertificate[thumbprint=" + sha1 + ", notAfter=" + loaded.notAfter() + "]");
    }

    @Test
    void aWrongPkcs12PasswordIsRefusedWithoutRepeatingIt(@TempDir Path dir) throws Exception {
        Path pfx = dir.resolve("app.pfx");
        Files.write(pfx, CERT.pkcs12(PASSWORD));

        assertThatThrownBy(() -> ClientCertificate.fromPkcs12(pfx, "Wrong-Guess-42".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot open " + pfx + " as PKCS#12: the password is wrong")
                .hasMessageNotContaining("Wrong-Guess-42")
                .hasNoCause();
    }

    @Test
    void pemNeedsAnUnencryptedPkcs8KeyAndACertificate() {
        String certificateOnly = CERT.certificatePem();
        String pkcs1 = CERT.pem()
                .replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY")
                .replace("END PRIVATE KEY", "END RSA PRIVATE KEY");
        String encrypted = CERT.pem()
                .replace("BEGIN PRIVATE KEY", "BEGIN ENCRYPTED PRIVATE KEY")
                .replace("END PRIVATE KEY", "END ENCRYPTED PRIVATE KEY");
        String keyOnly = CERT.pem().replace(CERT.certificatePem(), "");

        assertThatThrownBy(() -> ClientCertificate.fromPem(certificateOnly))
                .hasMessageContaining("holds no -----BEGIN PRIVATE KEY----- block");
        assertThatThrownBy(() -> ClientCertificate.fromPem(pkcs1)).hasMessageContaining("openssl pkcs8 -topk8");
        assertThatThrownBy(() -> ClientCertificate.fromPem(encrypted)).hasMessageContaining("is encrypted");
        assertThatThrownBy(() -> ClientCertificate.fromPem(keyOnly))
                .hasMessageContaining("holds no -----BEGIN CERTIFICATE----- block");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedNamingTheCertificate() {
        TestCertificate other = TestCertificate.selfSigned("other", NOW, NOW.plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> ClientCertificate.of(other.privateKey(), List.of(CERT.certificate())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the private key does not belong to the first certificate (thumbprint "
                        + ClientCertificate.fromPem(CERT.pem()).thumbprint() + ")");
    }

    @Test
    void aCredentialHoldsExactlyOneWayToProveItsIdentity() {
        ClientCertificate certificate = ClientCertificate.fromPem(CERT.pem());
        AppCredential.Builder base = AppCredential.builder()
                .homeTenant("contoso.onmicrosoft.com")
                .clientId("1b730954-1685-4b74-9bfd-dac224a7b894");

        assertThatThrownBy(() -> new AppCredential(
                        "x",
                        Cloud.GLOBAL,
                        TenantId.of("contoso.onmicrosoft.com"),
                        "1b730954-1685-4b74-9bfd-dac224a7b894",
                        ClientSecret.of("s"),
                        null,
                        false,
                        certificate,
                        null))
                .hasMessageContaining("set exactly one of them");
        assertThatThrownBy(() -> base.build()).hasMessageContaining("secret: must be set (or a certificate");
        assertThatThrownBy(() -> new AppCredential(
                        "x",
                        Cloud.GLOBAL,
                        TenantId.of("contoso.onmicrosoft.com"),
                        "1b730954-1685-4b74-9bfd-dac224a7b894",
                        null,
                        NOW,
                        false,
                        certificate,
                        null))
                .hasMessageContaining("a certificate's expiry is its notAfter");
        AppCredential switched =
                base.secret("s").secretExpiresAt(NOW).certificate(certificate).build();
        assertThat(switched.kind()).isEqualTo(AppCredential.Kind.CERTIFICATE);
        assertThat(switched.secret()).isNull();
        assertThat(switched.secretExpiresAt()).isNull();
        assertThat(switched.toBuilder().build()).isEqualTo(switched);
    }
}
