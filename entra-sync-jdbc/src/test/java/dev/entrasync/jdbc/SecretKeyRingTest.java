package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretKeyRingTest {

    private static final String KEY = SecretKeyRing.generateKey();

    @Test
    void singleKeyIsPrimary() {
        SecretKeyRing ring = SecretKeyRing.builder().key("k1", KEY).build();

        assertThat(ring.primaryKeyId()).isEqualTo("k1");
        assertThat(ring.keyIds()).containsExactly("k1");
    }

    @Test
    void severalKeysNeedANamedPrimary() {
        SecretKeyRing.Builder builder = SecretKeyRing.builder().key("k1", KEY).key("k2", SecretKeyRing.generateKey());

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("primary(id); the ring holds [k1, k2]");
        assertThat(builder.primary("k2").build().primaryKeyId()).isEqualTo("k2");
    }

    @Test
    void primaryMustBeInTheRing() {
        assertThatThrownBy(() ->
                        SecretKeyRing.builder().key("k1", KEY).primary("k9").build())
                .hasMessageContaining("the primary key 'k9' is not in the ring [k1]");
    }

    @Test
    void emptyRingIsRefused() {
        assertThatThrownBy(() -> SecretKeyRing.builder().build()).hasMessageContaining("add at least one key");
    }

    @Test
    void keyMustBe256Bits() {
        assertThatThrownBy(() -> SecretKeyRing.builder().key("short", new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AES-256 needs a 32-byte key, this one has 16 bytes");
    }

    @Test
    void badBase64IsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> SecretKeyRing.builder().key("k1", "not base64 %%% secret"))
                .hasMessage("key 'k1': not valid Base64");
    }

    @Test
    void keyIdsAreCheckedAndUnique() {
        assertThatThrownBy(() -> SecretKeyRing.builder().key("k 1", KEY)).hasMessageContaining("keyId: 'k 1' must be");
        assertThatThrownBy(() -> SecretKeyRing.builder().key("k1", KEY).key("k1", KEY))
                .hasMessageContaining("already in the ring");
    }

    @Test
    void toStringShowsIdsButNeverKeys() {
        SecretKeyRing ring = SecretKeyRing.builder().key("k1", KEY).build();

        assertThat(ring.toString()).isEqualTo("SecretKeyRing[primary=k1, keys=[k1]]");
        assertThat(SecretScan.contains(ring.toString(), KEY)).isFalse();
    }

    @Test
    void keyBytesAreCopied() {
        byte[] bytes = Base64.getDecoder().decode(KEY);
        SecretKeyRing ring = SecretKeyRing.builder().key("k1", bytes).build();

        bytes[0] ^= 1;

        assertThat(ring.primaryKey().getEncoded()).isEqualTo(Base64.getDecoder().decode(KEY));
    }

    @Test
    void generatedKeysAre32RandomBytes() {
        assertThat(Base64.getDecoder().decode(SecretKeyRing.generateKey())).hasSize(32);
        assertThat(SecretKeyRing.generateKey()).isNotEqualTo(SecretKeyRing.generateKey());
    }
}
