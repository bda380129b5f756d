package dev.entrasync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetRequirements;
import dev.entrasync.GraphPermission;
import dev.entrasync.onboarding.PermissionManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README stays true: its snippets and tables come from the code (its CLI commands: entra-sync-cli's ReadmeCommandsTest). */
class ReadmeTest {

    private static final Path ROOT = Path.of("..");

    private static String readme() throws Exception {
        return Files.readString(ROOT.resolve("README.md"));
    }

    @Test
    void quickStartIsTheTaggedRegionOfQuickStartJava() throws Exception {
        List<String> source = Files.readAllLines(Path.of("src/main/java/dev/entrasync/examples/QuickStart.java"));
        List<String> region = source.subList(
                source.indexOf(source.stream()
                                .filter(l -> l.contains("tag::quickstart[]"))
                                .findFirst()
                                .orElseThrow())
                        + 1,
                source.indexOf(source.stream()
                        .filter(l -> l.contains("end::quickstart[]"))
                        .findFirst()
                        .orElseThrow()));
        int indent = region.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        String expected =
                region.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));

        assertThat(region).hasSizeLessThanOrEqualTo(20);
        assertThat(readme()).contains("```java\n" + expected + "\n```");
    }

    @Test
    void theModuleListLinksEveryRecipe() throws Exception {
        String modules = readme().substring(readme().indexOf("## Modules"), readme().indexOf("## Quick start"));

        for (Class<?> recipe :
                List.of(QuickStart.class, InMemoryHost.class, JdbcHost.class, ClusteredHost.class, MailReport.class)) {
            String path = "src/main/java/" + recipe.getName().replace('.', '/') + ".java";
            assertThat(Files.exists(Path.of(path))).as(path).isTrue();
            assertThat(modules).contains("[`" + recipe.getSimpleName() + "`](entra-sync-examples/" + path + ")");
        }
        assertThat(modules).contains("`entra-sync-cli`");
    }

    @Test
    void manifestIsWhatTheManifestCommandPrints() throws Exception {
        String block = PermissionManifest.of(EnumSet.allOf(Dataset.class), false, false)
                .manifestBlock();

        assertThat(readme()).contains("```json\n" + block + "\n```");
    }

    @Test
    void datasetsTableNamesEachDatasetsPermissionsAndLicense() throws Exception {
        for (Dataset dataset : Dataset.values()) {
            Matcher row = Pattern.compile("(?m)^\\| `" + dataset.key() + "` \\| (.*) \\| (.*) \\| (.*) \\|$")
                    .matcher(readme());
            assertThat(row.find()).as(dataset.key()).isTrue();
            List<String> permissions =
                    Arrays.stream(row.group(2).split(",")).map(String::trim).toList();
            assertThat(permissions)
                    .as(dataset.key())
                    .containsExactlyElementsOf(DatasetRequirements.permissions(dataset).stream()
                            .map(GraphPermission::value)
                            .toList());
            for (String license : List.of(DatasetRequirements.ENTRA_ID_P1, DatasetRequirements.MICROSOFT_INTUNE)) {
                assertThat(row.group(3).contains(license))
                        .as(dataset.key() + ": " + license)
                        .isEqualTo(DatasetRequirements.license(dataset)
                                .filter(license::equals)
                                .isPresent());
            }
        }
    }
}
