package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the demo onboards and syncs every tenant into an H2 file, and show/jobs read it back. */
class DemoCommandTest {

    private static final Pattern ROW =
            Pattern.compile("(?m)^(Contoso|Tailspin Toys|Litware|Fabrikam)\\s+(\\d+)\\s+(\\S+)"
                    + "\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)\\s+(\\d+)\\s+(\\d+)/(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)\\s+(\\w+)"
                    + "\\s+(\\S+)\\s+(\\w+)$");

    @TempDir
    Path dir;

    @Test
    void onboardsAndSyncsEveryTenantThenShowAndJobsReadTheDatabase() {
        Path file = dir.resolve("demo");

        CliRunner.Run demo = CliRunner.here("demo", "--users", "200", "--db-file", file.toString(), "--no-progress");

        assertThat(demo.exit()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out())
                .contains("Consent: Northwind MSP administrator approved -> verified")
                .contains("Imported GDAP customer Contoso as company")
                .contains("Connect a tenant: Fabrikam");
        assertThat(dir.resolve("demo.mv.db")).exists();
        Matcher contoso = row(demo.out(), "Contoso");
        for (int column = 2; column <= 12; column++) {
            if (column != 3 && column != 6 && column != 12) {
                assertThat(Long.parseLong(contoso.group(column)))
                        .as("Contoso column " + column)
                        .isPositive();
            }
        }
        assertThat(contoso.group(2)).isEqualTo("210");
        assertThat(contoso.group(3)).matches("[1-9]\\d*%");
        assertThat(contoso.group(6)).matches("[1-9]\\d*%");
        assertThat(contoso.group(12)).matches("[1-9]\\d*/\\d+");
        assertThat(Long.parseLong(contoso.group(13))).as("APPS").isPositive();
        assertThat(Long.parseLong(contoso.group(14))).as("INTUNE").isPositive();
        assertThat(contoso.group(15)).isEqualTo("SUCCEEDED");
        Matcher tailspin = row(demo.out(), "Tailspin Toys");
        assertThat(tailspin.group(3)).isEqualTo("n/a");
        // no Entra ID P1 and no Intune: MFA unknown, managed devices fail with the reason, everything else syncs
        assertThat(tailspin.group(14)).isEqualTo("-");
        assertThat(tailspin.group(15)).isEqualTo("PARTIAL");
        assertThat(demo.out())
                .contains("  ~ users: MFA is unknown for every user: the tenant has no Microsoft Entra ID P1")
                .containsPattern("  ! managed_devices: .*the tenant has no Microsoft Intune .*Request not applicable");
        Matcher litware = row(demo.out(), "Litware");
        assertThat(litware.group(12)).isEqualTo("-");
        assertThat(litware.group(15)).isEqualTo("PARTIAL");
        assertThat(demo.out()).containsPattern("  ! secure_scores: .*SecurityEvents\\.Read\\.All");
        assertThat(row(demo.out(), "Fabrikam").group(15)).isEqualTo("SUCCEEDED");

        String tenant = demo.out().replaceAll("(?s).*show --db \\S+ --tenant (\\S+).*", "$1");
        assertThat(demo.out()).contains("  java -jar entra-sync.jar findings --db jdbc:h2:" + file + " --all\n");
        CliRunner.Run show =
                CliRunner.here("show", "--db", "jdbc:h2:" + file, "--tenant", tenant, "--dataset", "devices");
        CliRunner.Run jobs = CliRunner.here("jobs", "--db", "jdbc:h2:" + file);
        CliRunner.Run tenants = CliRunner.here("show", "--db", "jdbc:h2:" + file);

        assertThat(show.exit()).isZero();
        assertThat(show.out())
                .contains("Tenant Contoso (" + tenant + "): 210 users")
                .containsPattern("licences \\d+/\\d+ paid \\(\\d+/10000 free\\)")
                .contains("Device  ")
                .contains("of 100 devices");
        assertThat(jobs.out().lines().filter(l -> l.contains("MANUAL"))).hasSize(4);
        assertThat(jobs.out()).contains("PARTIAL").contains("secure_scores:");
        assertThat(tenants.out()).contains("Contoso").contains("Fabrikam").contains("C-1004");
        assertThat(tenants.out().lines().skip(1))
                .allSatisfy(line -> assertThat(line).matches("(Contoso|Tailspin Toys|Litware|Fabrikam) .*"));
        assertThat(Long.parseLong(contoso.group(9)))
                .as("Contoso's paid licences leave out Power Automate Free's 10,000 units")
                .isLessThan(10_000);
    }

    private static Matcher row(String out, String tenant) {
        Matcher m = ROW.matcher(out);
        while (m.find()) {
            if (m.group(1).equals(tenant)) {
                return m;
            }
        }
        throw new AssertionError("no summary row for " + tenant + " in:\n" + out);
    }
}
