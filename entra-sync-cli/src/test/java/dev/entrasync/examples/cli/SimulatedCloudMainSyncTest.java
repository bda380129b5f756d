package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.testkit.ContosoFixture;
import dev.entrasync.testkit.SimulatedCloudMain;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk-through: the testkit's {@code SimulatedCloudMain --https} in its own process, then
 * {@code sync --cloud custom ... --all} trusting it through {@code javax.net.ssl.trustStore}, then {@code show}.
 */
class SimulatedCloudMainSyncTest {

    @TempDir
    Path dir;

    @Test
    void syncsTheSeparatelyStartedHttpsCloudAndShowPrintsTheUsers() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        CliRunner.javaBinary(),
                        "-cp",
                        CliRunner.classPath(),
                        SimulatedCloudMain.class.getName(),
                        "--https")
                .redirectErrorStream(true);
        Process sim = builder.start();
        try {
            Map<String, String> printed = CliRunner.readUntilServing(sim);
            String partner = printed.get("tenant Northwind MSP").split("\\s+")[0];
            String trustStore = printed.get("trust store").split("\\s+")[0];
            String password = printed.get("trust store").replaceAll(".*password (\\S+)\\).*", "$1");
            Path json = dir.resolve("summary.json");

            CliRunner.Run sync = CliRunner.process(
                    Map.of("SIM_SECRET", printed.get("client secret").split("\\s+")[0]),
                    List.of(
                            "-Djavax.net.ssl.trustStore=" + trustStore,
                            "-Djavax.net.ssl.trustStorePassword=" + password),
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
                    partner,
                    "--all",
                    "--db",
                    "jdbc:h2:" + dir.resolve("entra-sync"),
                    "--key-file",
                    dir.resolve("key").toString(),
                    "--summary-json",
                    json.toString(),
                    "--mail-from",
                    printed.get("mailbox").split("\\s+")[0],
                    "--mail-to",
                    "ops@example.com");
            CliRunner.Run show = CliRunner.here(
                    "show", "--db", "jdbc:h2:" + dir.resolve("entra-sync"), "--tenant", ContosoFixture.TENANT_ID);

            assertThat(printed.get("login URL")).startsWith("https://127.0.0.1:");
            // Tailspin Toys has no Intune: only its managed devices fail, with the reason, so sync exits 1
            assertThat(sync.exit()).as(sync.out() + sync.err()).isEqualTo(1);
            JsonNode summary = new ObjectMapper().readTree(json.toFile());
            assertThat(summary).hasSize(2);
            for (JsonNode tenant : summary) {
                JsonNode datasets = tenant.get("datasets");
                datasets.fields().forEachRemaining(d -> {
                    boolean noIntune = tenant.get("tenant").asText().equals(ContosoFixture.TENANT_ID)
                            ? false
                            : d.getKey().equals("managed_devices");
                    assertThat(d.getValue().get("status").asText())
                            .as(d.getKey())
                            .isEqualTo(noIntune ? "FAILED" : "SUCCEEDED");
                    if (noIntune) {
                        assertThat(d.getValue().get("reason").asText()).contains("Microsoft Intune");
                    }
                });
            }
            assertThat(show.out()).contains("User principal name").contains(ContosoFixture.ADMIN_UPN);
            // the printed mailbox is one the app may send from: both summaries are mailed, nothing is refused
            assertThat(sync.out()).contains("Mailed 2 summaries to ops@example.com");
            assertThat(sync.out() + sync.err())
                    .doesNotContain("could not be sent")
                    .doesNotContain("Could not mail");
        } finally {
            sim.destroy();
            sim.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
