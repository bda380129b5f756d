package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code sync} or {@code demo} stopped part-way, as a person stops it: Ctrl-C (SIGINT) stops cleanly with one
 * line and CANCELLED jobs; {@code kill -9} leaves RUNNING jobs that the next command marks interrupted.
 */
class InterruptedRunTest {

    private static final String CLIENT_ID = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
    private static final String SECRET = "interrupted-run-test-secret-0123456789";

    @TempDir
    Path dir;

    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, SECRET);
    private final SimulatedTenant contoso =
            cloud.addTenant(TenantBuilder.create("Contoso").seed(3).users(150).build());

    @AfterEach
    void stop() {
        cloud.close();
    }

    /** The database, when a test needs another than the default H2 file. */
    private String db;

    private String db() {
        return db != null ? db : "jdbc:h2:" + dir.resolve("entra-sync");
    }

    /** Starts {@code sync} of Contoso in its own process, and returns once its job is fetching from Graph. */
    private Process syncing() throws Exception {
        contoso.consent(app, Permissions.allRead());
        cloud.latency(Duration.ofMillis(250), Duration.ZERO);
        Process sync = start(CliRunner.syncArguments(
                        cloud,
                        CLIENT_ID,
                        db(),
                        dir.resolve("key"),
                        "--tenant",
                        contoso.id(),
                        "--credential-tenant",
                        contoso.id(),
                        "--no-progress")
                .toArray(String[]::new));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (cloud.graphCalls().size() < 2) {
            assertThat(sync.isAlive())
                    .as("sync ended before it fetched anything: " + err())
                    .isTrue();
            assertThat(System.nanoTime()).as("sync never fetched").isLessThan(deadline);
            Thread.sleep(50);
        }
        // The job row was committed before the first dataset request, but H2 writes commits to the file in the
        // background (WRITE_DELAY, 500 ms by default), so a kill -9 in that window loses the commit. A second
        // is well past it; without it the test failed once in a quiet CI run with an empty job table.
        Thread.sleep(1000);
        return sync;
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(CliRunner.javaBinary(), "-cp", CliRunner.classPath()));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("TEST_CLIENT_SECRET", SECRET);
        return builder.start();
    }

    private String out() throws IOException {
        return Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    }

    private String err() {
        try {
            return Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void interrupt(Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start();
        assertThat(kill.waitFor()).isZero();
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as("the CLI stopped after Ctrl-C")
                .isTrue();
    }

    @Test
    void aKilledSyncsJobEndsInterruptedWhenJobsNextOpensTheDatabase() throws Exception {
        Process sync = syncing();

        sync.destroyForcibly();
        assertThat(sync.waitFor(1, TimeUnit.MINUTES)).isTrue();
        CliRunner.Run jobs = CliRunner.here("jobs", "--db", db());

        assertThat(jobs.exit()).as(jobs.err()).isZero();
        assertThat(jobs.out())
                .contains("FAILED")
                .contains("interrupted: the process running")
                .doesNotContain("RUNNING");
        assertThat(jobs.err()).contains("Marked 1 job(s) left unfinished by a stopped entra-sync process");
    }

    @Test
    void ctrlCDuringSyncCancelsItsJobsWithOneLine() throws Exception {
        Process sync = syncing();

        interrupt(sync);
        CliRunner.Run jobs = CliRunner.here("jobs", "--db", db());

        assertThat(sync.exitValue()).isEqualTo(130);
        assertThat(err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err().lines().filter(l -> l.startsWith("Interrupted")).toList())
                .containsExactly("Interrupted: cancelled 1 running sync job(s); what they had not finished was"
                        + " discarded. Run the command again to sync.");
        assertThat(err().strip()).endsWith("Run the command again to sync.");
        assertThat(out()).doesNotContain("TENANT");
        assertThat(jobs.out()).contains("CANCELLED").doesNotContain("RUNNING");
        assertThat(jobs.err()).doesNotContain("Marked");
    }

    @Test
    void ctrlCDuringTheDemoStopsWithoutAStackTrace() throws Exception {
        Process demo = start(
                "demo",
                "--users",
                "4000",
                "--no-progress",
                "--db-file",
                dir.resolve("demo").toString());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!out().contains("Syncing")) {
            assertThat(demo.isAlive()).as("demo ended early: " + out() + err()).isTrue();
            assertThat(System.nanoTime()).as("demo never synced").isLessThan(deadline);
            Thread.sleep(50);
        }
        Thread.sleep(300);

        interrupt(demo);

        assertThat(demo.exitValue()).isEqualTo(130);
        assertThat(err())
                .doesNotContain("DB_CLOSE_ON_EXIT")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(err().lines().filter(l -> l.startsWith("Interrupted")).toList())
                .singleElement()
                .asString()
                .startsWith("Interrupted: cancelled ");
        assertThat(err().strip()).endsWith("Run the command again to sync.");
        CliRunner.Run jobs = CliRunner.here("jobs", "--db", "jdbc:h2:" + dir.resolve("demo"));
        assertThat(jobs.out()).doesNotContain("RUNNING").doesNotContain("QUEUED");
        assertThat(jobs.err()).doesNotContain("Marked");
    }

    @Test
    void onADatabaseOtherProcessesShareAJobIsInterruptedOnlyOnceItsProcessIsGone() throws Exception {
        db = "jdbc:h2:" + dir.resolve("shared") + ";AUTO_SERVER=TRUE";
        Process sync = syncing();

        CliRunner.Run whileRunning = CliRunner.here("jobs", "--db", db());
        sync.destroyForcibly();
        assertThat(sync.waitFor(1, TimeUnit.MINUTES)).isTrue();
        CliRunner.Run afterwards = CliRunner.here("jobs", "--db", db());

        assertThat(whileRunning.exit()).as(whileRunning.err()).isZero();
        assertThat(whileRunning.out()).contains("RUNNING").doesNotContain("FAILED");
        assertThat(whileRunning.err()).doesNotContain("Marked");
        assertThat(afterwards.out()).contains("FAILED").contains("interrupted: the process running");
        assertThat(afterwards.err()).contains("Marked 1 job(s)");
    }
}
