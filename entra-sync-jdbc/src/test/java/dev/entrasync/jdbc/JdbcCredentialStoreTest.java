package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Credentials on every database, with the client secret encrypted at rest. */
class JdbcCredentialStoreTest {

    private static final String SECRET = "Xq8~vT3.secret-VALUE_" + Long.toHexString(System.nanoTime());
    private static final SecretKeyRing RING_1 =
            SecretKeyRing.builder().key("k1", SecretKeyRing.generateKey()).build();

    static AppCredential credential(String name, String secret) {
        return AppCredential.builder()
                .name(name)
                .cloud(Cloud.US_GOV)
                .homeTenant("72f988bf-86f1-41af-91ab-2d7cd011db47")
                .clientId("1b730954-1685-4b74-9bfd-dac224a7b894")
                .secret(secret)
                .secretExpiresAt(Instant.parse("2027-01-31T00:00:00Z"))
                .cspPartner(true)
                .build();
    }

    @DatabaseTest
    void savedCredentialComesBackWithEveryField(TestDatabase db) {
        JdbcCredentialStore store = db.storageBuilder().build().credentialStore(RING_1);
        AppCredential custom = AppCredential.builder()
                .name("sim")
                .cloud(Cloud.custom("http://127.0.0.1:1", "http://127.0.0.1:2"))
                .homeTenant("contoso.onmicrosoft.com")
                .clientId("1b730954-1685-4b74-9bfd-dac224a7b894")
                .secret("s")
                .build();

        store.save(credential("prod", SECRET));
        store.save(custom);

        assertThat(store.find("prod")).contains(credential("prod", SECRET));
        assertThat(store.find("sim")).contains(custom);
        assertThat(store.find("missing")).isEmpty();
        assertThat(store.list()).extracting(AppCredential::name).containsExactly("prod", "sim");
    }

    @DatabaseTest
    void saveReplacesAndDeleteRemoves(TestDatabase db) {
        JdbcCredentialStore store = db.storageBuilder().build().credentialStore(RING_1);
        store.save(credential("prod", "old-secret"));

        store.save(credential("prod", "rotated-secret"));

        assertThat(store.find("prod").orElseThrow().secret().reveal()).isEqualTo("rotated-secret");
        assertThat(store.delete("prod")).isTrue();
        assertThat(store.delete("prod")).isFalse();
        assertThat(store.list()).isEmpty();
    }

    @DatabaseTest
    void secretBytesAppearNowhereInAnyTableOrColumn(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        storage.credentialStore(RING_1).save(credential("prod", SECRET));
        storage.credentialStore(RING_1).save(credential("backup", SECRET));

        long cells = db.assertNoTableContains(SECRET);

        assertThat(db.tables()).contains(db.table("credentials"));
        assertThat(cells).isGreaterThanOrEqualTo(24);
    }

    @DatabaseTest
    void everyWriteUsesAFreshIv(TestDatabase db) {
        JdbcCredentialStore store = db.storageBuilder().build().credentialStore(RING_1);
        store.save(credential("prod", SECRET));
        Map<String, Object> first = db.rows("SELECT secret_iv, secret_ciphertext FROM " + db.table("credentials"))
                .get(0);

        store.save(credential("prod", SECRET));

        Map<String, Object> second = db.rows("SELECT secret_iv, secret_ciphertext FROM " + db.table("credentials"))
                .get(0);
        assertThat((byte[]) first.get("secret_iv")).hasSize(12).isNotEqualTo(second.get("secret_iv"));
        assertThat((byte[]) first.get("secret_ciphertext")).isNotEqualTo(second.get("secret_ciphertext"));
    }

    @DatabaseTest
    void wrongKeyFailsNamingTheCredentialAndKeyId(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        storage.credentialStore(RING_1).save(credential("prod", SECRET));
        SecretKeyRing sameIdOtherBytes =
                SecretKeyRing.builder().key("k1", SecretKeyRing.generateKey()).build();

        assertThatThrownBy(() -> storage.credentialStore(sameIdOtherBytes).find("prod"))
                .isInstanceOfSatisfying(SecretKeyException.class, e -> {
                    assertThat(e.keyId()).isEqualTo("k1");
                    assertThat(e.credentialName()).isEqualTo("prod");
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessageContaining("credential 'prod' does not decrypt with key 'k1'")
                .hasMessageNotContaining(SECRET);
    }

    @DatabaseTest
    void missingKeyFailsNamingTheKeyToAdd(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        storage.credentialStore(RING_1).save(credential("prod", SECRET));
        SecretKeyRing other =
                SecretKeyRing.builder().key("k2", SecretKeyRing.generateKey()).build();

        assertThatThrownBy(() -> storage.credentialStore(other).list())
                .isInstanceOf(SecretKeyException.class)
                .hasMessageContaining("encrypted with key 'k1', which the SecretKeyRing does not hold (it holds [k2])")
                .hasMessageContaining("Add key 'k1'");
    }

    @DatabaseTest
    void rotationReencryptsUnderTheNewPrimaryKey(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        storage.credentialStore(RING_1).save(credential("a", "secret-a"));
        storage.credentialStore(RING_1).save(credential("b", "secret-b"));
        String k2 = SecretKeyRing.generateKey();
        SecretKeyRing both = SecretKeyRing.builder()
                .key("k1", keyOf(RING_1))
                .key("k2", k2)
                .primary("k2")
                .build();

        int reencrypted = storage.credentialStore(both).reencryptWithPrimaryKey();

        SecretKeyRing onlyNew = SecretKeyRing.builder().key("k2", k2).build();
        assertThat(reencrypted).isEqualTo(2);
        assertThat(storage.credentialStore(both).reencryptWithPrimaryKey()).isZero();
        assertThat(storage.credentialStore(onlyNew)
                        .find("b")
                        .map(c -> c.secret().reveal()))
                .isEqualTo(Optional.of("secret-b"));
        assertThat(db.count("credentials", "secret_key_id = 'k2'")).isEqualTo(2);
    }

    @DatabaseTest
    void ciphertextMovedToAnotherRowDoesNotDecrypt(TestDatabase db) {
        JdbcCredentialStore store = db.storageBuilder().build().credentialStore(RING_1);
        store.save(credential("a", "secret-a"));
        store.save(credential("b", "secret-b"));
        db.execute("DELETE FROM " + db.table("credentials") + " WHERE name = 'b'");
        db.execute("UPDATE " + db.table("credentials") + " SET name = 'b' WHERE name = 'a'");

        assertThatThrownBy(() -> store.find("b"))
                .isInstanceOf(SecretKeyException.class)
                .hasMessageContaining("or the stored row was altered");
    }

    private static String keyOf(SecretKeyRing ring) {
        return Base64.getEncoder().encodeToString(ring.primaryKey().getEncoded());
    }
}
