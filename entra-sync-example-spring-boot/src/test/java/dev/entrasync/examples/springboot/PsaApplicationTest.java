package dev.entrasync.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.TenantId;
import dev.entrasync.jdbc.JdbcQueries;
import dev.entrasync.jdbc.StoredFinding;
import dev.entrasync.model.EntraUser;
import dev.entrasync.spring.boot.EntraSyncHealthIndicator;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The sample runs as the README runs it, against the simulated cloud, and prints what it read back. */
@ExtendWith(OutputCaptureExtension.class)
class PsaApplicationTest {

    private static final String TENANT = "2b7c1f4e-9a0d-4e6b-8c3f-5d1a2e4b6c8f";

    @Test
    void theSimulatedProfilePrintsTheReportAndEnds(CapturedOutput output) {
        ConfigurableApplicationContext context =
                SpringApplication.run(PsaApplication.class, "--spring.profiles.active=simulated");

        assertThat(context.isActive())
                .as("closed itself once ready (psa.exit-when-done)")
                .isFalse();
        assertThat(output)
                .containsPattern("acme \\(Contoso\\): SUCCEEDED, \\d+ users, 60 devices, 12 groups in the database")
                .contains("entra-sync: the engine's schedule started")
                .doesNotContain("in memory");
    }

    @Test
    void theReportCountsWhatTheSimulatedTenantHasAndHealthIsUp(CapturedOutput output) {
        try (ConfigurableApplicationContext context = SpringApplication.run(
                PsaApplication.class,
                "--spring.profiles.active=simulated",
                "--psa.exit-when-done=false",
                "--spring.datasource.url=jdbc:h2:mem:psa-test-counts;DB_CLOSE_DELAY=-1")) {
            SimulatedTenant contoso = context.getBean(SimulatedCloud.class).tenant(TENANT);
            int users = contoso.users().size();

            assertThat(output).contains("acme (Contoso): SUCCEEDED, " + users + " users, 60 devices, 12 groups");
            assertThat(context.getBean(JdbcQueries.class).count(TenantId.of(TENANT), EntraUser.class))
                    .isEqualTo(users);
            List<StoredFinding> findings = context.getBean(JdbcQueries.class).findings(TenantId.of(TENANT));
            assertThat(findings)
                    .as("the starter evaluated the built-in rules after the job")
                    .extracting(f -> f.finding().ruleId())
                    .containsExactlyInAnyOrder("privileged-users-without-mfa", "unassigned-licenses");
            for (StoredFinding f : findings) {
                assertThat(output)
                        .contains("  " + String.format("%-8s", f.finding().severity()) + " "
                                + f.finding().title() + " ("
                                + f.finding().affected().size() + " affected). Fix: "
                                + f.finding().fix());
            }
            Health health = context.getBean(EntraSyncHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("healthy", 1);
        }
    }

    @Test
    void withoutTheProfileTheSecretMustComeFromTheEnvironment() {
        assertThatThrownBy(() -> SpringApplication.run(
                                PsaApplication.class,
                                "--spring.main.keep-alive=false",
                                "--spring.datasource.url=jdbc:h2:mem:psa-test-secret;DB_CLOSE_DELAY=-1")
                        .close())
                .hasStackTraceContaining("entra-sync.credential.client-secret")
                .hasStackTraceContaining("ENTRA_CLIENT_SECRET");
    }

    @Test
    void theReadmeRunsTheJarThisModuleBuilds() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String pom = Files.readString(Path.of("pom.xml"));

        assertThat(pom).contains("<finalName>entra-sync-example-spring-boot</finalName>");
        assertThat(readme)
                .contains("mvn -B -q package -DskipTests && java -jar"
                        + " entra-sync-example-spring-boot/target/entra-sync-example-spring-boot.jar"
                        + " --spring.profiles.active=simulated");
    }
}
