package dev.entrasync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every example runs against the simulated cloud and prints what it promises. */
class ExamplesTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureStdout() {
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyRecipeIsAShortPublicFinalClassWithMainAndSaysWhatItShows() throws Exception {
        for (Class<?> recipe :
                List.of(QuickStart.class, InMemoryHost.class, JdbcHost.class, ClusteredHost.class, MailReport.class)) {
            Path source = Path.of("src/main/java", recipe.getName().replace('.', '/') + ".java");
            String text = Files.readString(source);

            // what a reader reads: the class, without the package line and the imports
            List<String> code = Files.readAllLines(source).stream()
                    .filter(line -> !line.startsWith("import ") && !line.startsWith("package "))
                    .toList();
            assertThat(code).as(recipe.getSimpleName()).hasSizeLessThan(90);
            assertThat(Modifier.isPublic(recipe.getModifiers()) && Modifier.isFinal(recipe.getModifiers()))
                    .as(recipe.getSimpleName())
                    .isTrue();
            assertThat(Modifier.isStatic(
                            recipe.getMethod("main", String[].class).getModifiers()))
                    .isTrue();
            assertThat(text).as(recipe.getSimpleName()).containsPattern("\n/\\*\\*\\s*(\\n \\* )?Shows ");
        }
    }

    @Test
    void quickStartSyncsTheCompanysTenant() throws Exception {
        QuickStart.main();

        assertThat(printed()).containsPattern("acme: SUCCEEDED, 1260 users in [0-9]+ requests");
    }

    @Test
    void inMemoryHostsSecondSyncReadsOnlyTheChanges() throws Exception {
        InMemoryHost.main();

        Matcher runs = Pattern.compile("first run: SUCCEEDED, (\\d+) requests, (\\d+) users\n"
                        + "second run: SUCCEEDED, (\\d+) requests, (\\d+) users\n")
                .matcher(printed().replace("\r\n", "\n"));
        assertThat(runs.find()).as(printed()).isTrue();
        assertThat(Integer.parseInt(runs.group(3)))
                .as("requests of the delta run")
                .isLessThan(Integer.parseInt(runs.group(1)));
        assertThat(Integer.parseInt(runs.group(4))).isEqualTo(Integer.parseInt(runs.group(2)) + 1);
        assertThat(printed()).contains("jobs: 2").contains("new: new.hire@contoso.example");
    }

    @Test
    void jdbcHostKeepsTheSyncInTheDatabase() throws Exception {
        JdbcHost.main("jdbc:h2:mem:jdbc-host-test;DB_CLOSE_DELAY=-1");

        assertThat(printed()).containsPattern("acme: SUCCEEDED, 3[0-9]{2} users stored in H2, 1 jobs");
    }

    @Test
    void clusteredHostRunsEachSyncNowOnceAndKeepsTheExclusionOfTheOtherInstance() throws Exception {
        ClusteredHost.main();

        assertThat(printed())
                .containsPattern("Contoso: SUCCEEDED on instance-[ab]")
                .containsPattern("Litware: SUCCEEDED on instance-[ab]")
                .doesNotContain("Fabrikam: ")
                .containsPattern("instance-b: .*excluded");
    }

    @Test
    void mailReportMailsSummariesAndNotices() throws Exception {
        MailReport.main();

        String from = "Mailed [noc@northwind.example] from reports@northwindmsp.onmicrosoft.com: ";
        assertThat(printed())
                .contains(from + "Contoso: Entra ID summary")
                .contains(from + "Litware: Entra ID summary")
                .contains(from + "Litware: sync failing")
                .doesNotContain(from + "Contoso: sync failing")
                .as("the summary lists the findings, most severe first, with the fix")
                .contains(from + "Contoso: Entra ID summary\nUsers: 105\nLast sync: SUCCEEDED\n\n"
                        + "Findings, most severe first:\n"
                        + "- CRITICAL: MFA is not enforced for all users (3 affected)\n"
                        + "  Fix: Create a Conditional Access policy requiring MFA for All users")
                .contains("- LOW: Paid licences unassigned (2 affected)\n"
                        + "  Fix: Assign them to users who need them, or reduce the subscription's quantity at its"
                        + " next renewal.\n");
    }
}
