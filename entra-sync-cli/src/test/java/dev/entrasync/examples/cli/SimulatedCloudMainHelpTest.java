package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.testkit.SimulatedCloudMain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code SimulatedCloudMain --help} prints its usage and exits, rather than serving a cloud. */
class SimulatedCloudMainHelpTest {

    @Test
    void helpPrintsTheUsageAndExits() {
        CliRunner.Run run = CliRunner.process(Map.of(), List.of(), SimulatedCloudMain.class.getName(), "--help");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Usage: SimulatedCloudMain")
                .contains("--fault SPEC")
                .contains("--https")
                .doesNotContain("Serving until killed");
    }
}
