package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.testkit.SimulatedCloudMain;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync} against the testkit's {@code SimulatedCloudMain --fault ...}, each in its own process: a cloud that
 * asks for a day's wait, pages that link to themselves, or links to another origin. The sync ends (the runner gives
 * it 5 minutes, a day's wait would not fit), exits 1, and names the users dataset as FAILED with the reason, while
 * the other dataset of the same job succeeds.
 */
class SimulatedCloudMainFaultsTest {

    @TempDir
    Path dir;

    @Test
    void aRetryAfterOfADayFailsTheDatasetInsteadOfWaiting() throws Exception {
        CliRunner.Run sync = syncAgainst("retry-after=86400");

        assertFailedAndNamed(sync, "users");
        assertThat(sync.out()).contains("to wait 86400 s").contains("GraphLimits.maxRetryAfter");
    }

    @Test
    void aSelfReferencingNextLinkFailsTheDatasetInsteadOfPagingForever() throws Exception {
        CliRunner.Run sync = syncAgainst("self-next-link");

        assertFailedAndNamed(sync, "users");
        assertThat(sync.out()).contains("already followed");
    }

    @Test
    void aNextLinkToAnotherOriginIsNotFollowed() throws Exception {
        try (ServerSocket elsewhere = new ServerSocket(0)) {
            CliRunner.Run sync = syncAgainst(
                    "foreign-next-link=http://127.0.0.1:" + elsewhere.getLocalPort() + "/v1.0/users?$skiptoken=x");

            assertFailedAndNamed(sync, "users");
            assertThat(sync.out())
                    .contains("@odata.nextLink to another origin (http://127.0.0.1:" + elsewhere.getLocalPort() + ")");
        }
    }

    private void assertFailedAndNamed(CliRunner.Run sync, String dataset) throws Exception {
        assertThat(sync.exit()).as(sync.out() + sync.err()).isEqualTo(1);
        assertThat(sync.out()).contains("! " + dataset + ": ");
        JsonNode summary =
                new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary).isNotEmpty();
        for (JsonNode job : summary) {
            assertThat(job.toString())
                    .contains("\"" + dataset + "\"")
                    .contains("FAILED")
                    .contains("SUCCEEDED");
        }
    }

    /** Starts {@code SimulatedCloudMain --fault spec}, syncs users and groups of every GDAP customer, stops it. */
    private CliRunner.Run syncAgainst(String fault) throws Exception {
        Process sim = new ProcessBuilder(
                        CliRunner.javaBinary(),
                        "-cp",
                        CliRunner.classPath(),
                        SimulatedCloudMain.class.getName(),
                        "--fault",
                        fault)
                .redirectErrorStream(true)
                .start();
        try {
            Map<String, String> printed = CliRunner.readUntilServing(sim);
            assertThat(printed.get("fault")).startsWith(fault);
            return CliRunner.process(
                    Map.of("SIM_SECRET", printed.get("client secret").split("\\s+")[0]),
                    List.of(),
                    Main.class.getName(),
                    "sync",
                    "--cloud",
                    "custom",
                    "--login-url",
                    printed.get("login URL"),
                    "--graph-url",
                    printed.get("graph URL"),
                    "--client-id",
                    printed.get("client id"),
                    "--client-secret-env",
                    "SIM_SECRET",
                    "--credential-tenant",
                    printed.get("tenant Northwind MSP").split("\\s+")[0],
                    "--all",
                    "--datasets",
                    "users,groups",
                    "--no-progress",
                    "--db",
                    "jdbc:h2:" + dir.resolve("entra-sync"),
                    "--key-file",
                    dir.resolve("key").toString(),
                    "--summary-json",
                    dir.resolve("summary.json").toString());
        } finally {
            sim.destroy();
            sim.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
