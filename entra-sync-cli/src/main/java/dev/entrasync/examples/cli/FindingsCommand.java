package dev.entrasync.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.RecordSource;
import dev.entrasync.findings.AffectedObject;
import dev.entrasync.findings.Findings;
import dev.entrasync.jdbc.JdbcFindings;
import dev.entrasync.jdbc.StoredFinding;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code findings}: the open findings of a tenant (or of every mapped tenant) from the database, most severe first, as
 * a table or JSON lines, each company by name; and with {@code --acknowledge}, {@code --mute} or {@code --unmute} what a
 * person did about one finding of one tenant. Findings are evaluated by each sync; this command only reads them and
 * records those marks.
 */
@Command(
        name = "findings",
        mixinStandardHelpOptions = true,
        description = "Show the open findings (security and hygiene problems) the last syncs found in a tenant, most"
                + " severe first, with the number of affected objects and the fix; or, with --tenant, acknowledge,"
                + " mute or unmute one of them by its rule id.")
final class FindingsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The widest line of the text table, for a 100-column terminal. */
    static final int WIDTH = 100;

    /** A blank {@link #wrap} does not break at (printed as a space). */
    private static final String NO_BREAK = "\u00a0";

    private static final Pattern PRINTABLE_RULE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Exactly one of {@code --tenant} and {@code --all}. */
    static final class Which {
        @Option(names = "--tenant", paramLabel = "ID", required = true, description = "The tenant's GUID.")
        String tenant;

        @Option(names = "--all", required = true, description = "Every tenant mapped in the database.")
        boolean all;
    }

    /** At most one of the marks a person puts on a finding. */
    static final class Mark {
        @Option(
                names = "--acknowledge",
                paramLabel = "RULE",
                required = true,
                description = "Record that you have seen the tenant's finding of this rule (such as"
                        + " global-admin-count); it stays listed, marked [acknowledged].")
        String acknowledge;

        @Option(
                names = "--mute",
                paramLabel = "RULE",
                required = true,
                description = "Mute the tenant's finding of this rule: mail reports leave it out; this command"
                        + " still lists it, marked [muted], after the unmuted ones.")
        String mute;

        @Option(
                names = "--unmute",
                paramLabel = "RULE",
                required = true,
                description = "Unmute the tenant's finding of this rule.")
        String unmute;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mark mark;

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
        if (mark != null && which.all) {
            throw new IllegalArgumentException(markOption() + ": a finding is marked in one tenant; name it with"
                    + " --tenant ID instead of --all");
        }
        PrintStream out = System.out;
        try (HostDatabase db = database.openForReading(System.err)) {
            RecordSource records = RecordSource.of(db.storage().queries());
            List<TenantId> tenants = new ArrayList<>();
            if (which.all) {
                for (TenantMapping m : db.storage().tenantMapper().list()) {
                    tenants.add(m.tenant());
                }
            } else {
                TenantId tenant = TenantId.of(which.tenant);
                if (db.mapper().findByTenant(tenant).isEmpty()) {
                    throw new IllegalArgumentException("--tenant: tenant " + tenant.value() + " is not mapped in"
                            + " this database. `show --db ...` lists the mapped tenants with their ids.");
                }
                tenants.add(tenant);
            }
            if (mark != null) {
                mark(db, tenants.get(0), ShowCommand.name(db, records, tenants.get(0)), out);
                return 0;
            }
            for (TenantId tenant : tenants) {
                String name = ShowCommand.name(db, records, tenant);
                List<StoredFinding> open = open(db.storage().queries().findings(tenant));
                if (json) {
                    for (StoredFinding f : open) {
                        out.println(json(f, name));
                    }
                    continue;
                }
                out.printf("%s: %d open finding%s%n%n", label(name, tenant), open.size(), open.size() == 1 ? "" : "s");
                for (StoredFinding f : open) {
                    out.println(wrap(
                            String.format("%-8s  ", f.finding().severity().name()),
                            f.finding().title()
                                    + (f.acknowledgedAt() != null ? " [acknowledged]" : "")
                                    + (f.muted() ? " [muted]" : "")
                                    + affectedCount(f)));
                    out.println(wrap("          Fix: ", f.finding().fix()));
                }
                out.println();
            }
            return 0;
        }
    }

    /** The open findings in {@link StoredFinding#mostUrgentFirst()} order: unmuted most severe first, then muted. */
    static List<StoredFinding> open(List<StoredFinding> findings) {
        return findings.stream()
                .filter(StoredFinding::open)
                .sorted(StoredFinding.mostUrgentFirst())
                .toList();
    }

    /**
     * {@code prefix} and the words of {@code text} in lines of at most {@link #WIDTH} characters (a longer word gets a
     * line of its own), each line after the first indented as deep as {@code prefix}. Words joined by
     * {@link #NO_BREAK} stay on one line.
     */
    static String wrap(String prefix, String text) {
        String indent = " ".repeat(prefix.length());
        StringBuilder all = new StringBuilder();
        StringBuilder line = new StringBuilder(prefix);
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                all.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
            } else if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        return all.append(line).toString().replace(NO_BREAK, " ");
    }

    /** {@code " (n affected)"}; empty for a finding about the tenant as a whole (or one that could not be evaluated). */
    private static String affectedCount(StoredFinding f) {
        int n = f.finding().affected().size();
        return n == 0 ? "" : " (" + n + NO_BREAK + "affected)";
    }

    /** {@code Name (tenant id)}, or {@code Tenant id} when no name is known. */
    private static String label(String name, TenantId tenant) {
        return name.equals(tenant.value()) ? "Tenant " + name : name + " (" + tenant.value() + ")";
    }

    private String markOption() {
        return mark.acknowledge != null ? "--acknowledge" : mark.mute != null ? "--mute" : "--unmute";
    }

    /** Acknowledges, mutes or unmutes the tenant's finding of the rule named, after checking that it exists. */
    private void mark(HostDatabase db, TenantId tenant, String name, PrintStream out) {
        String option = markOption();
        String given = mark.acknowledge != null ? mark.acknowledge : mark.mute != null ? mark.mute : mark.unmute;
        String rule = given.trim();
        // the built-in rules, and any rule of the host's own whose findings this database holds for the tenant
        List<StoredFinding> stored = db.storage().queries().findings(tenant);
        Set<String> rules = new TreeSet<>();
        Findings.builtIn().rules().forEach(r -> rules.add(r.id()));
        stored.forEach(f -> rules.add(f.finding().ruleId()));
        if (!rules.contains(rule)) {
            throw new IllegalArgumentException(option + ": "
                    + (PRINTABLE_RULE.matcher(rule).matches()
                            ? "there is no rule '" + rule + "'"
                            : "that is not a rule id")
                    + ". The rules are: " + String.join(", ", rules) + ".");
        }
        StoredFinding finding = stored.stream()
                .filter(f -> f.finding().ruleId().equals(rule))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(option + ": " + label(name, tenant)
                        + " has no finding of rule " + rule + " (the rule never fired there, or its datasets were"
                        + " never synced). `findings --tenant " + tenant.value() + "` lists its findings."));
        JdbcFindings findings = db.storage().findings();
        String what = finding.finding().title() + " (" + rule + ")";
        if (mark.acknowledge != null) {
            findings.acknowledge(tenant, rule);
            out.printf(
                    "Acknowledged in %s: %s. %s%n",
                    label(name, tenant),
                    what,
                    finding.open()
                            ? "It stays listed, marked [acknowledged]."
                            : "It is resolved already: the last evaluation of its rule no longer found it.");
        } else if (mark.mute != null) {
            findings.mute(tenant, rule, true);
            out.printf(
                    "%s in %s: %s. Mail reports leave it out; `findings` lists it marked [muted].%n",
                    finding.muted() ? "Already muted" : "Muted", label(name, tenant), what);
        } else {
            findings.mute(tenant, rule, false);
            out.printf("%s in %s: %s.%n", finding.muted() ? "Unmuted" : "Was not muted", label(name, tenant), what);
        }
    }

    private static String json(StoredFinding f, String name) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("tenant", f.tenant().value());
        object.put("companyName", name);
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
