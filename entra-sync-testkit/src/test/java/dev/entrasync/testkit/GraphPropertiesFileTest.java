package dev.entrasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** Checks the generated property list still matches Microsoft's Graph v1.0 CSDL. */
class GraphPropertiesFileTest {
    @Test
    void propertyListMatchesMetadata() throws Exception {
        String shared = System.getProperty("entrasync.shared.dir", "../../shared");
        Path metadata = Paths.get(shared, "graph", "v1.0-metadata.xml");
        assumeTrue(Files.exists(metadata), "Graph metadata not available");
        Path generated =
                Paths.get("src/main/resources/dev/entrasync/testkit/internal/" + "graph-properties.properties");
        Process python;
        try {
            python = new ProcessBuilder("python3", "src/build/graph-properties.py", metadata.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 not available");
            return;
        }
        String expected = new String(python.getInputStream().readAllBytes());

        assertThat(python.waitFor()).isZero();
        assertThat(Files.readString(generated)).isEqualTo(expected);
        assertThat(new File(shared).isDirectory()).isTrue();
    }
}
