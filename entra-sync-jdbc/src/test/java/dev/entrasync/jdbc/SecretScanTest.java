package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The scan the at-rest tests rely on finds a secret in every encoding it claims to. */
class SecretScanTest {

    private static final String SECRET = "s3cr3t-Value";

    @Test
    void findsTheSecretInClearBase64HexAndUtf16() {
        byte[] utf8 = SECRET.getBytes(StandardCharsets.UTF_8);

        assertThat(SecretScan.contains("prefix " + SECRET + " suffix", SECRET)).isTrue();
        assertThat(SecretScan.containsBytes(("x" + SECRET).getBytes(StandardCharsets.UTF_16LE), SECRET))
                .isTrue();
        assertThat(SecretScan.contains(Base64.getEncoder().encodeToString(utf8), SECRET))
                .isTrue();
        assertThat(SecretScan.contains(HexFormat.of().formatHex(utf8), SECRET)).isTrue();
    }

    @Test
    void ignoresValuesWithoutTheSecret() {
        assertThat(SecretScan.contains("s3cr3t-Valu", SECRET)).isFalse();
        assertThat(SecretScan.contains(null, SECRET)).isFalse();
        assertThat(SecretScan.containsBytes(new byte[0], SECRET)).isFalse();
    }
}
