package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.AppCredential;
import dev.entrasync.ClientAssertionProvider;
import dev.entrasync.ClientCertificate;
import dev.entrasync.Cloud;
import dev.entrasync.testkit.TestCertificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Certificate credentials on every database, the private key encrypted at rest like a secret, and workload
 * identity (assertion callback) credentials stored only as a marker the host binds its callback to.
 */
class JdbcCertificateCredentialTest {

    private static final SecretKeyRing RING_1 =
            SecretKeyRing.builder().key("k1", SecretKeyRing.generateKey()).build();
    /** Whole seconds: MariaDB's TIMESTAMP keeps no more. */
    private static final Instant NOT_AFTER =
            Instant.now().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS);

    private static final TestCertificate TEST_CERTIFICATE =
            TestCertificate.selfSigned("entra-sync jdbc", NOT_AFTER.minus(Duration.ofDays(365)), NOT_AFTER);

    private static AppCredential.Builder base(String name) {
        return AppCredential.builder()
                .name(name)
                .cloud(Cloud.GLOBAL)
                .homeTenant("72f988bf-86f1-41af-91ab-2d7cd011db47")
                .clientId("1b730954-1685-4b74-9bfd-dac224a7b894");
    }

    private static AppCredential certificateCredential(String name) {
        return base(name)
                .certificate(ClientCertificate.fromPem(TEST_CERTIFICATE.pem()))
                .build();
    }

    private static Map<String, Object> row(TestDatabase db, String name) {
        return db.rows("SELECT * FROM " + db.table("credentials") + " WHERE name = '" + name + "'")
                .get(0);
    }

    @DatabaseTest
    void certificateComesBackWithItsKeyAndChainAndTheKeyIsEncryptedAtRest(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        AppCredential saved = certificateCredential("cert");

        storage.credentialStore(RING_1).save(saved);

        AppCredential found = storage.credentialStore(RING_1).find("cert").orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.kind()).isEqualTo(AppCredential.Kind.CERTIFICATE);
        assertThat(found.certificate().thumbprint())
                .isEqualTo(saved.certificate().thumbprint());
        assertThat(found.credentialExpiry()).contains(NOT_AFTER);
        Map<String, Object> row = row(db, "cert");
        byte[] pkcs8 = TEST_CERTIFICATE.privateKey().getEncoded();
        byte[] ciphertext = (byte[]) row.get("secret_ciphertext");
        assertThat(SecretScan.indexOf(ciphertext, pkcs8))
                .as("PKCS#8 bytes in the ciphertext column")
                .isEqualTo(-1);
        assertThat(SecretScan.indexOf(ciphertext, java.util.Arrays.copyOfRange(pkcs8, 40, 72)))
                .isEqualTo(-1);
        assertThat(ciphertext).hasSize(pkcs8.length + 16); // AES-GCM: same length plus the 128-bit tag
        assertThat(row.get("credential_kind")).isEqualTo("certificate");
        assertThat((byte[]) row.get("certificate_chain"))
                .isEqualTo(saved.certificate().encodedChain());
        assertThat(row.get("secret_key_id")).isEqualTo("k1");
        // the private key, in any text form, is nowhere in any table
        db.assertNoTableContains(Base64.getEncoder().encodeToString(pkcs8).substring(100, 160));
        assertThat(found.toString())
                .doesNotContain(Base64.getEncoder().encodeToString(pkcs8).substring(100, 160));
    }

    @DatabaseTest
    void certificateExpiryIsQueryableBesideSecretExpiries(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        storage.credentialStore(RING_1).save(certificateCredential("cert"));
        storage.credentialStore(RING_1)
                .save(base("secret")
                        .secret("s3cret")
                        .secretExpiresAt(NOT_AFTER.plus(Duration.ofDays(1)))
                        .build());

        List<AppCredential> all = storage.credentialStore(RING_1).list();

        assertThat(all).extracting(AppCredential::name).containsExactly("cert", "secret");
        assertThat(all.get(1).kind()).isEqualTo(AppCredential.Kind.SECRET);
        assertThat(all.get(1).secret().reveal()).isEqualTo("s3cret");
        assertThat(db.count("credentials", "secret_expires_at IS NOT NULL")).isEqualTo(2);
    }

    @DatabaseTest
    void aSecretsCiphertextCopiedIntoACertificateRowDoesNotDecrypt(TestDatabase db) {
        JdbcCredentialStore store = db.storageBuilder().build().credentialStore(RING_1);
        store.save(base("x").secret("s3cret").build());
        store.save(certificateCredential("y"));
        db.execute("DELETE FROM " + db.table("credentials") + " WHERE name = 'y'");
        db.execute("UPDATE " + db.table("credentials") + " SET credential_kind = 'certificate', certificate_chain = "
                + "secret_iv WHERE name = 'x'");

        assertThatThrownBy(() -> store.find("x"))
                .isInstanceOf(SecretKeyException.class)
                .hasMessageContaining("The certificate's private key of credential 'x' does not decrypt");
    }

    @DatabaseTest
    void anAssertionCredentialIsAMarkerTheHostBindsItsCallbackTo(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        ClientAssertionProvider callback = () -> "eyJ.eyJ.sig";
        JdbcCredentialStore first = storage.credentialStore(RING_1);

        first.save(base("wif").assertionProvider(callback).build());

        assertThat(first.find("wif").orElseThrow().assertionProvider()).isSameAs(callback);
        JdbcCredentialStore afterRestart = storage.credentialStore(RING_1);
        assertThatThrownBy(() -> afterRestart.find("wif"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Credential 'wif' signs in with a client assertion callback")
                .hasMessageContaining("bindAssertionProvider(\"wif\", provider)");
        ClientAssertionProvider rebound = () -> "eyJ.eyJ.other";
        afterRestart.bindAssertionProvider("wif", rebound);
        AppCredential found = afterRestart.find("wif").orElseThrow();
        assertThat(found.kind()).isEqualTo(AppCredential.Kind.ASSERTION);
        assertThat(found.assertionProvider()).isSameAs(rebound);
        assertThat(found.credentialExpiry()).isEmpty();
        Map<String, Object> row = row(db, "wif");
        assertThat(row.get("credential_kind")).isEqualTo("assertion");
        assertThat(row.get("certificate_chain")).isNull();
        assertThat(row.get("secret_expires_at")).isNull();
    }

    @DatabaseTest
    void rotationReencryptsCertificateKeysAndUnboundMarkers(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        storage.credentialStore(RING_1).save(certificateCredential("cert"));
        storage.credentialStore(RING_1)
                .save(base("wif").assertionProvider(() -> "a.b.c").build());
        String k2 = SecretKeyRing.generateKey();
        SecretKeyRing both = SecretKeyRing.builder()
                .key(
                        "k1",
                        Base64.getEncoder().encodeToString(RING_1.primaryKey().getEncoded()))
                .key("k2", k2)
                .primary("k2")
                .build();

        int reencrypted = storage.credentialStore(both).reencryptWithPrimaryKey();

        SecretKeyRing onlyNew = SecretKeyRing.builder().key("k2", k2).build();
        assertThat(reencrypted).isEqualTo(2);
        assertThat(storage.credentialStore(onlyNew).find("cert")).contains(certificateCredential("cert"));
        assertThat(storage.credentialStore(onlyNew)
                        .bindAssertionProvider("wif", () -> "a.b.c")
                        .find("wif"))
                .isPresent();
        assertThat(db.count("credentials", "secret_key_id = 'k2'")).isEqualTo(2);
    }
}
