package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.findings.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's must-show: after the README's {@code demo}, {@code findings --all} on the demo's database prints each
 * company by name with its open findings, most severe first, each with its severity, title, affected count and fix.
 */
class DemoFindingsTest {

    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern HEADER = Pattern.compile("(.+) \\((" + GUID + ")\\): (\\d+) open findings?");
    private static final Pattern FINDING =
            Pattern.compile("(CRITICAL|HIGH|MEDIUM|LOW|INFO) +(\\S.*?)( \\((\\d+) affected\\))?");

    @TempDir
    Path dir;

    /** A company's block of the output: its findings, each severity, title line and fix (lines joined). */
    private record Block(String name, int count, List<Severity> severities, List<String> titles, List<String> fixes) {}

    @Test
    void findingsAllPrintsEachDemoCompanyByNameWithSeverityTitleAndFix() {
        Path file = dir.resolve("demo");
        CliRunner.Run demo = CliRunner.here("demo", "--users", "200", "--db-file", file.toString(), "--no-progress");
        assertThat(demo.exit()).as(demo.out() + demo.err()).isZero();

        CliRunner.Run findings = CliRunner.here("findings", "--all", "--db", "jdbc:h2:" + file);

        assertThat(findings.exit()).as(findings.err()).isZero();
        assertThat(findings.err()).isEmpty();
        Map<String, Block> blocks = parse(findings.out());
        assertThat(blocks).containsOnlyKeys("Contoso", "Tailspin Toys", "Litware", "Fabrikam");
        for (Block b : blocks.values()) {
            assertThat(b.count()).as(b.name()).isPositive().isEqualTo(b.titles().size());
            assertThat(b.severities()).as(b.name() + ": most severe first").isSorted();
            assertThat(b.fixes()).as(b.name()).allSatisfy(fix -> assertThat(fix).matches("[A-Z].{20,}\\."));
        }
        assertThat(blocks.get("Contoso").titles())
                .contains("Privileged role members without MFA registered", "Intune devices not compliant");
        assertThat(blocks.get("Contoso").severities().get(0)).isEqualTo(Severity.CRITICAL);
        assertThat(blocks.get("Contoso").fixes())
                .contains("Have each of them register a strong MFA method (Microsoft Authenticator, a passkey or a"
                        + " FIDO2 key) now, and require MFA for admin roles with Conditional Access.");
        assertThat(blocks.get("Tailspin Toys").titles())
                .as("no Entra ID P1: the rule says so instead of guessing")
                .contains("Privileged role members without MFA registered (cannot be evaluated)")
                .doesNotContain("Intune devices not compliant");
        assertThat(findings.out())
                .as("a finding that could not be evaluated affects nothing and says so without a count")
                .contains("\nINFO      Privileged role members without MFA registered (cannot be evaluated)\n"
                        + "          Fix: The registration report needs Entra ID P1 and AuditLog.Read.All; check the"
                        + " users\n               dataset's warnings.\n");
        assertThat(blocks.get("Fabrikam").titles()).contains("MFA is not enforced for all users");
        assertThat(findings.out()).as("a count is never broken over two lines").doesNotContainPattern("\\(\\d+\n");
        assertThat(findings.out().lines())
                .as("readable in a 100-column terminal")
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(FindingsCommand.WIDTH));
    }

    /** The output's blocks by company name, checking that every line is a header, a finding, a fix or blank. */
    private static Map<String, Block> parse(String out) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        Block block = null;
        String joined = out.replaceAll("\n {15}(?=\\S)", " ").replaceAll("\n {10}(?!Fix: )(?=\\S)", " ");
        for (String line : joined.lines().toList()) {
            Matcher header = HEADER.matcher(line);
            Matcher finding = FINDING.matcher(line);
            if (header.matches()) {
                block = new Block(
                        header.group(1),
                        Integer.parseInt(header.group(3)),
                        new ArrayList<>(),
                        new ArrayList<>(),
                        new ArrayList<>());
                blocks.put(block.name(), block);
            } else if (finding.matches() && block != null) {
                block.severities().add(Severity.valueOf(finding.group(1)));
                block.titles().add(finding.group(2));
            } else if (line.startsWith("          Fix: ") && block != null) {
                block.fixes().add(line.substring(15));
            } else if (line.startsWith("               ")
                    && block != null
                    && !block.fixes().isEmpty()) {
                int last = block.fixes().size() - 1;
                block.fixes().set(last, block.fixes().get(last) + " " + line.strip());
            } else {
                assertThat(line).as("a line that is no header, finding or fix").isEmpty();
            }
        }
        blocks.values().forEach(b -> assertThat(b.fixes()).as(b.name()).hasSameSizeAs(b.titles()));
        return blocks;
    }
}
