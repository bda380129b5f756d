package dev.entrasync.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.Change;
import dev.entrasync.FieldChange;
import dev.entrasync.TenantId;
import dev.entrasync.examples.support.HostDatabase;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code changes}: a tenant's change feed from the database, oldest first, as a table or JSON lines. */
@Command(
        name = "changes",
        mixinStandardHelpOptions = true,
        description = "Show what the syncs of a tenant changed (objects added, removed, changed with the fields"
                + " old -> new), oldest first. The first sync of a tenant is a baseline and records none.")
final class ChangesCommand implements Callable<Integer> {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([dhm])");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--tenant", paramLabel = "ID", required = true, description = "The tenant's GUID.")
    String tenant;

    @Option(
            names = "--since",
            paramLabel = "DURATION",
            defaultValue = "7d",
            description = "How far back: 30m, 24h, 7d or ISO-8601 such as P7D (default ${DEFAULT-VALUE}).")
    String since;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text (a table, the default) or json (one JSON object per change and line).")
    String format;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        Duration back = duration(since);
        boolean json = switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default ->
                throw new IllegalArgumentException(
                        "--format: unknown format '" + format + "'; use text (the default) or json");
        };
        TenantId id = TenantId.of(tenant);
        PrintStream out = System.out;
        try (HostDatabase db = database.openForReading(System.err)) {
            Instant now = Instant.now();
            List<Change> changes = db.storage().queries().changes(id, now.minus(back), now.plusSeconds(1));
            if (json) {
                for (Change change : changes) {
                    out.println(json(change));
                }
                return 0;
            }
            if (changes.isEmpty()) {
                out.printf("Tenant %s: no changes since %s%n", id.value(), since.trim());
                return 0;
            }
            out.printf("Tenant %s: %d changes since %s%n%n", id.value(), changes.size(), since.trim());
            List<List<String>> rows = new ArrayList<>();
            for (Change c : changes) {
                rows.add(List.of(
                        c.at().toString().substring(0, 19).replace('T', ' '),
                        c.dataset().key(),
                        c.kind().name(),
                        c.displayName() == null ? c.objectId() : c.displayName(),
                        fields(c.fields())));
            }
            TextTable.print(out, List.of("At", "Dataset", "Kind", "Object", "Changes"), rows);
            return 0;
        }
    }

    /** {@code --since}: {@code 30m}, {@code 24h}, {@code 7d}, or an ISO-8601 duration. */
    static Duration duration(String text) {
        String trimmed = text.trim();
        Matcher m = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            };
        } else {
            try {
                d = Duration.parse(trimmed);
            } catch (DateTimeParseException e) {
                d = null;
            }
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(
                    "--since: '" + text + "' is not a positive duration; use for example" + " 30m, 24h, 7d or P7D");
        }
        return d;
    }

    private static String fields(List<FieldChange> fields) {
        List<String> parts = new ArrayList<>();
        for (FieldChange f : fields) {
            if (f.oldValue() == null && f.newValue() != null) {
                parts.add(f.field() + " + " + f.newValue());
            } else if (f.newValue() == null && f.oldValue() != null) {
                parts.add(f.field() + " - " + f.oldValue());
            } else {
                parts.add(f.field() + ": " + f.oldValue() + " -> " + f.newValue());
            }
        }
        return String.join("; ", parts);
    }

    private static String json(Change c) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("at", c.at().toString());
        object.put("tenant", c.tenant().value());
        object.put("dataset", c.dataset().key());
        object.put("kind", c.kind().name());
        object.put("objectId", c.objectId());
        object.put("displayName", c.displayName());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldChange f : c.fields()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("field", f.field());
            field.put("old", f.oldValue());
            field.put("new", f.newValue());
            fields.add(field);
        }
        object.put("fields", fields);
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a change as JSON", e);
        }
    }
}
