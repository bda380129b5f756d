package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's files on disk hold no client secret in clear. */
class H2FileSecretTest {

    @TempDir
    Path dir;

    @Test
    void h2DatabaseFilesNeverContainTheSecret() throws IOException {
        String secret = "disk-secret-" + Long.toHexString(System.nanoTime());
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("entra") + ";DB_CLOSE_ON_EXIT=FALSE");
        JdbcStorage storage = JdbcStorage.builder(dataSource).build();
        SecretKeyRing ring =
                SecretKeyRing.builder().key("k1", SecretKeyRing.generateKey()).build();
        for (int i = 0; i < 20; i++) {
            storage.credentialStore(ring).save(JdbcCredentialStoreTest.credential("c" + i, secret));
        }

        assertThat(storage.credentialStore(ring)
                        .find("c7")
                        .orElseThrow()
                        .secret()
                        .reveal())
                .isEqualTo(secret);
        storage.database().withConnection("shutdown", c -> c.createStatement().execute("SHUTDOWN"));

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(SecretScan.containsBytes(Files.readAllBytes(file), secret))
                    .as(file.toString())
                    .isFalse();
        }
    }
}
