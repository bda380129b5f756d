package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void versionIsTheOneTheBuildWasMadeWith() throws IOException {
        CliRunner.Run run = CliRunner.here("--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out().trim()).isEqualTo("entra-sync " + pomVersion());
    }

    private static String pomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(pom);
        assertThat(parent.find())
                .as("the module's pom names its parent's version")
                .isTrue();
        return parent.group(1);
    }
}
