package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's commands stay true: the demo and test commands, the jar's path, and the command table. */
class ReadmeCommandsTest {

    private static final Path ROOT = Path.of("..");
    private static final String JAR = "entra-sync-cli/target/entra-sync.jar";

    private static String readme() throws Exception {
        return Files.readString(ROOT.resolve("README.md"));
    }

    @Test
    void theTwoCommandsAreThere() throws Exception {
        assertThat(readme())
                .contains("mvn -B -q package -DskipTests && java -jar " + JAR + " demo\n")
                .contains("\nmvn -B verify\n");
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<finalName>entra-sync</finalName>")
                .contains("<mainClass>" + Main.class.getName() + "</mainClass>");
    }

    @Test
    void everyJarPathNamesTheCliModule() throws Exception {
        Matcher paths = Pattern.compile("[a-z-]+/target/entra-sync\\.jar").matcher(readme());
        List<String> found = new ArrayList<>();
        while (paths.find()) {
            found.add(paths.group());
        }

        assertThat(found).isNotEmpty().allMatch(JAR::equals);
    }

    @Test
    void everyCommandInTheTableExists() throws Exception {
        Matcher rows = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| ")
                .matcher(readme().substring(readme().indexOf("## The command line")));
        List<String> listed = new ArrayList<>();
        while (rows.find()) {
            listed.add(rows.group(1));
        }

        assertThat(listed)
                .containsExactlyInAnyOrder(
                        "demo",
                        "sync",
                        "show",
                        "jobs",
                        "changes",
                        "findings",
                        "consent-url",
                        "preflight",
                        "manifest",
                        "web");
        assertThat(new CommandLine(new Main()).getSubcommands().keySet()).containsAll(listed);
    }
}
