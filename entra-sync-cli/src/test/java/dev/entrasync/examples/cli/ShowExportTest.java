package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.Dataset;
import dev.entrasync.jdbc.DatasetColumns;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code show --format csv|json}: a simulated tenant synced by the CLI (in its own process, as in
 * {@link SyncCommandTest}) and exported by {@code show}; the CSV read back with Apache Commons CSV and the JSON lines
 * with Jackson, and compared with the simulated directory. Some users carry hostile names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShowExportTest {

    private static final List<String> HOSTILE = List.of(
            "Smith, John",
            "Say \"hi\"",
            "two\r\nlines",
            "Zoë 日本語 🚀",
            "<b>bold</b> & co",
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "@SUM(A1)",
            "-1+1");

    private CliSyncFixture fixture;
    private SimulatedTenant contoso;

    @BeforeAll
    void syncOnce(@TempDir Path dir) {
        fixture = CliSyncFixture.start(
                dir, TenantBuilder.create("Contoso").seed(7).users(300).build(), "users,devices");
        contoso = fixture.tenant();
        List<String> ids = contoso.users().list().stream()
                .map(u -> (String) u.get("id"))
                .sorted()
                .toList();
        for (int i = 0; i < HOSTILE.size(); i++) {
            contoso.users().update(ids.get(i * 17), Map.of("displayName", HOSTILE.get(i)));
        }
        fixture.sync();
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private String db() {
        return fixture.db();
    }

    /** The simulated directory's users: user principal name → display name. */
    private Map<String, String> cloudNames() {
        Map<String, String> names = new HashMap<>();
        contoso.users()
                .list()
                .forEach(u -> names.put((String) u.get("userPrincipalName"), (String) u.get("displayName")));
        return names;
    }

    @Test
    void csvHasTheTableColumnsAndEveryUserOnceReadableByACsvLibrary() throws IOException {
        CliRunner.Run show =
                CliRunner.here("show", "--db", db(), "--tenant", contoso.id(), "--format", "csv", "--limit", "5");

        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.err()).contains("Exported " + cloudNames().size() + " users of tenant " + contoso.id());
        assertThat(show.out()).doesNotContain("Tenant ").startsWith("User principal name,Name,");
        Map<String, String> names = new HashMap<>();
        try (CSVParser csv = csv(show.out())) {
            assertThat(csv.getHeaderNames())
                    .isEqualTo(DatasetColumns.of(Dataset.USERS).names())
                    .contains("User principal name", "Name", "MFA", "Created");
            for (CSVRecord row : csv) {
                assertThat(row.size()).isEqualTo(csv.getHeaderNames().size());
                assertThat(names.put(row.get("User principal name"), row.get("Name")))
                        .as("each user once")
                        .isNull();
            }
        }
        Map<String, String> expected = cloudNames().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> spreadsheetSafe(e.getValue())));
        assertThat(names).hasSize(contoso.users().list().size()).isEqualTo(expected);
        assertThat(names.values())
                .contains("Smith, John", "Say \"hi\"", "two\r\nlines", "Zoë 日本語 🚀", "<b>bold</b> & co")
                .contains("'=HYPERLINK(\"http://evil.example\",\"x\")", "'@SUM(A1)", "'-1+1");
    }

    @Test
    void jsonIsOneObjectPerLineWithTypedValues() throws IOException {
        CliRunner.Run show = CliRunner.here("show", "--db", db(), "--tenant", contoso.id(), "--format", "json");

        assertThat(show.exit()).as(show.err()).isZero();
        List<String> lines = show.out().lines().toList();
        assertThat(lines).hasSize(contoso.users().list().size());
        ObjectMapper json = new ObjectMapper();
        Map<String, String> names = new HashMap<>();
        for (String line : lines) {
            JsonNode user = json.readTree(line);
            assertThat(user.get("Enabled").isBoolean()).isTrue();
            assertThat(user.get("Licences").isInt()).isTrue();
            assertThat(user.get("Roles").isArray()).isTrue();
            assertThat(user.get("MFA").asText()).isIn("REGISTERED", "NOT_REGISTERED", "UNKNOWN");
            names.put(user.get("User principal name").asText(), user.get("Name").asText());
        }
        assertThat(names).isEqualTo(cloudNames());
    }

    @Test
    void devicesExportWithTheDevicesColumns() throws IOException {
        CliRunner.Run show = CliRunner.here(
                "show", "--db", db(), "--tenant", contoso.id(), "--dataset", "devices", "--format", "CSV");

        assertThat(show.exit()).as(show.err()).isZero();
        try (CSVParser csv = csv(show.out())) {
            assertThat(csv.getHeaderNames())
                    .isEqualTo(DatasetColumns.of(Dataset.DEVICES).names());
            assertThat(csv.getRecords()).hasSize(contoso.devices().list().size());
        }
    }

    @Test
    void theTextTableKeepsItsLimitAndTheSameColumns() {
        CliRunner.Run show = CliRunner.here("show", "--db", db(), "--tenant", contoso.id(), "--limit", "7");

        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out())
                .contains("Tenant ")
                .contains("7 of " + contoso.users().list().size() + " users")
                .contains("Other mails");
    }

    @Test
    void anUnknownFormatOrAnExportWithoutTenantIsRefusedWithWhatToDo() {
        CliRunner.Run unknown = CliRunner.here("show", "--db", db(), "--tenant", contoso.id(), "--format", "xlsx");
        CliRunner.Run noTenant = CliRunner.here("show", "--db", db(), "--format", "csv");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--format: unknown format 'xlsx'; use text (the default), csv or json");
        assertThat(unknown.out()).isEmpty();
        assertThat(noTenant.exit()).isEqualTo(2);
        assertThat(noTenant.err()).contains("add --tenant ID");
        assertThat(noTenant.out()).isEmpty();
    }

    /** Standard output read by Apache Commons CSV, the first row as the header. */
    private static CSVParser csv(String out) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(out));
    }

    /** OWASP's guard against formula injection, as the export documents it. */
    private static String spreadsheetSafe(String text) {
        return text.matches("(?s)[=+\\-@\t\r].*") ? "'" + text : text;
    }
}
