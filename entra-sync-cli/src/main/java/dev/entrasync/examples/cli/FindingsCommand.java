package dev.entrasync.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.findings.AffectedObject;
import dev.entrasync.jdbc.StoredFinding;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code findings}: the open findings of a tenant (or of every mapped tenant) from the database, most severe first, as
 * a table or JSON lines. Findings are evaluated by each sync; this command only reads them.
 */
@Command(
        name = "findings",
        mixinStandardHelpOptions = true,
        description = "Show the open findings (security and hygiene problems) the last syncs found in a tenant, most"
                + " severe first, with the number of affected objects and the fix.")
final class FindingsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Exactly one of {@code --tenant} and {@code --all}. */
    static final class Which {
        @Option(names = "--tenant", paramLabel = "ID", required = true, description = "The tenant's GUID.")
        String tenant;

        @Option(names = "--all", required = true, description = "Every tenant mapped in the database.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text (a table, the default) or json (one JSON object per finding and line).")
    String format;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        boolean json = switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default ->
                throw new IllegalArgumentException(
                        "--format: unknown format '" + format + "'; use text (the default) or json");
        };
        PrintStream out = System.out;
        try (HostDatabase db = database.openForReading(System.err)) {
            List<TenantId> tenants = new ArrayList<>();
            if (which.all) {
                for (TenantMapping m : db.storage().tenantMapper().list()) {
                    tenants.add(m.tenant());
                }
            } else {
                tenants.add(TenantId.of(which.tenant));
            }
            for (TenantId tenant : tenants) {
                List<StoredFinding> open = db.storage().queries().findings(tenant).stream()
                        .filter(StoredFinding::open)
                        .sorted((a, b) ->
                                a.finding().severity().compareTo(b.finding().severity()))
                        .toList();
                if (json) {
                    for (StoredFinding f : open) {
                        out.println(json(f));
                    }
                    continue;
                }
                out.printf(
                        "Tenant %s: %d open finding%s%n%n", tenant.value(), open.size(), open.size() == 1 ? "" : "s");
                for (StoredFinding f : open) {
                    out.printf(
                            "%-8s  %s%s (%d affected)%n          Fix: %s%n",
                            f.finding().severity().name(),
                            f.finding().title(),
                            f.muted() ? " [muted]" : "",
                            f.finding().affected().size(),
                            f.finding().fix());
                }
                out.println();
            }
            return 0;
        }
    }

    private static String json(StoredFinding f) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("tenant", f.tenant().value());
        object.put("rule", f.finding().ruleId());
        object.put("severity", f.finding().severity().name());
        object.put("title", f.finding().title());
        object.put("detail", f.finding().detail());
        object.put("fix", f.finding().fix());
        List<Map<String, String>> affected = new ArrayList<>();
        for (AffectedObject a : f.finding().affected()) {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("id", a.id());
            o.put("displayName", a.displayName());
            affected.add(o);
        }
        object.put("affected", affected);
        object.put("firstSeen", f.firstSeen().toString());
        object.put("lastSeen", f.lastSeen().toString());
        object.put(
                "acknowledgedAt",
                f.acknowledgedAt() == null ? null : f.acknowledgedAt().toString());
        object.put("muted", f.muted());
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing finding " + f.finding().ruleId() + " as JSON", e);
        }
    }
}
