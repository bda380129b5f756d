package dev.entrasync.examples.web;

import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.CompanyBook;
import dev.entrasync.findings.AffectedObject;
import dev.entrasync.findings.Finding;
import dev.entrasync.findings.Severity;
import dev.entrasync.jdbc.StoredFinding;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Findings on the web: a page per company (open findings in {@link StoredFinding#mostUrgentFirst()} order, so the
 * unmuted ones most severe first and the muted ones after them, each with its affected objects, fix and
 * the buttons to acknowledge and mute it; the recently resolved ones below) and a fleet overview (every connected
 * company's open findings counted by severity, the companies with the most severe first, and the most severe open
 * findings across the fleet). The findings are evaluated by each sync ({@code JdbcFindings}); these pages read them
 * and record what an administrator does about one. The acknowledge and mute forms post, like every form of the
 * portal, with the session's CSRF token from the portal's own origin ({@link PortalSecurity}); their tenant and rule
 * are checked against the database before anything is changed.
 */
final class FindingsPages {

    /** At most this many affected objects are listed per finding; the rest are counted ("and 12 more"). */
    static final int AFFECTED_SHOWN = 10;
    /** At most this many resolved findings are listed per company, most recently resolved first. */
    static final int RESOLVED_SHOWN = 20;
    /** At most this many findings are listed in the fleet overview's "most severe open findings". */
    static final int FLEET_SHOWN = 25;

    private final Portal portal;

    FindingsPages(Portal portal) {
        this.portal = portal;
    }

    void register(Javalin app) {
        app.get("/findings", this::fleet);
        app.get("/companies/{id}/findings", this::company);
        app.post("/companies/{id}/findings/acknowledge", this::acknowledge);
        app.post("/companies/{id}/findings/mute", this::mute);
    }

    // ---- one company --------------------------------------------------------------------------------------------

    private void company(Context ctx) {
        String id = ctx.pathParam("id");
        CompanyBook.Company company = portal.company(id);
        TenantMapping mapping = portal.connected(id);
        Cells cells = Cells.forAcceptLanguage(ctx.header("Accept-Language"));
        List<StoredFinding> all = portal.db().storage().queries().findings(mapping.tenant());
        List<StoredFinding> open = all.stream()
                .filter(StoredFinding::open)
                .sorted(StoredFinding.mostUrgentFirst())
                .toList();
        List<StoredFinding> resolved = all.stream()
                .filter(f -> !f.open())
                .sorted(Comparator.comparing(StoredFinding::resolvedAt).reversed())
                .toList();
        long muted = open.stream().filter(StoredFinding::muted).count();
        StringBuilder body = new StringBuilder("<p>Tenant ")
                .append(Html.esc(mapping.tenant()))
                .append(" · <a id=\"company-link\" href=\"/companies/")
                .append(Html.esc(id))
                .append("\">Company page</a> · <a id=\"fleet-link\" href=\"/findings\">All companies</a></p>")
                .append("<p id=\"open-count\">")
                .append(openText(open.size() - muted, muted))
                .append("</p>");
        if (open.isEmpty()) {
            body.append("<p id=\"no-findings\">")
                    .append(
                            all.isEmpty()
                                    ? "No findings yet: findings are evaluated after each sync of the company's"
                                            + " tenant; sync it to see them."
                                    : "No open findings: every finding a sync found has been resolved since.")
                    .append("</p>");
        } else {
            body.append("<table id=\"open-findings\"><tr><th>Severity</th><th>Finding</th><th>Affected</th>"
                    + "<th>Seen</th><th>Status</th></tr>");
            open.forEach(f -> body.append(row(id, f, cells, true)));
            body.append("</table>");
        }
        if (!resolved.isEmpty()) {
            body.append("<h2>Resolved</h2><p>Findings a later sync no longer found, most recently resolved first")
                    .append(resolved.size() > RESOLVED_SHOWN ? " (the last " + RESOLVED_SHOWN + ")" : "")
                    .append(".</p><table id=\"resolved-findings\"><tr><th>Severity</th><th>Finding</th>"
                            + "<th>Affected</th><th>Seen</th><th>Status</th></tr>");
            resolved.stream().limit(RESOLVED_SHOWN).forEach(f -> body.append(row(id, f, cells, false)));
            body.append("</table>");
        }
        ctx.html(portal.page(ctx, "Findings: " + company.name(), body.toString()));
    }

    private static String openText(long counted, long muted) {
        return counted + " open finding" + (counted == 1 ? "" : "s")
                + (muted == 0 ? "" : ", and " + muted + " muted (not counted)") + ".";
    }

    /** One finding as a table row; {@code actions} adds the acknowledge and mute buttons (open findings only). */
    private static String row(String companyId, StoredFinding stored, Cells cells, boolean actions) {
        Finding f = stored.finding();
        String rowId = (actions ? "finding-" : "resolved-") + f.ruleId();
        StringBuilder html = new StringBuilder("<tr id=\"")
                .append(Html.esc(rowId))
                .append("\"><td>")
                .append(severity(f.severity()))
                .append("</td><td><b class=\"finding-title\">")
                .append(Html.esc(f.title()))
                .append("</b> <small>(")
                .append(Html.esc(f.ruleId()))
                .append(")</small><br>")
                .append(Html.esc(f.detail()))
                .append("<br><span class=\"fix\">Fix: ")
                .append(Html.esc(f.fix()))
                .append("</span></td><td>")
                .append(affected(f.affected()))
                .append("</td><td>First seen ")
                .append(cells.time(stored.firstSeen()))
                .append("<br>Last seen ")
                .append(cells.time(stored.lastSeen()));
        if (stored.resolvedAt() != null) {
            html.append("<br>Resolved ").append(cells.time(stored.resolvedAt()));
        }
        html.append("</td><td>").append(status(stored, cells));
        if (actions) {
            String action = "/companies/" + Html.esc(companyId) + "/findings/";
            String fields = "<input type=\"hidden\" name=\"tenant\" value=\"" + Html.esc(stored.tenant())
                    + "\"><input type=\"hidden\" name=\"rule\" value=\"" + Html.esc(f.ruleId()) + "\">";
            html.append("<br>");
            if (stored.acknowledgedAt() == null) {
                html.append("<form class=\"inline\" method=\"post\" action=\"")
                        .append(action)
                        .append("acknowledge\">")
                        .append(fields)
                        .append("<button id=\"acknowledge-")
                        .append(Html.esc(f.ruleId()))
                        .append("\">Acknowledge</button></form> ");
            }
            html.append("<form class=\"inline\" method=\"post\" action=\"")
                    .append(action)
                    .append("mute\">")
                    .append(fields)
                    .append("<input type=\"hidden\" name=\"muted\" value=\"")
                    .append(!stored.muted())
                    .append("\"><button id=\"")
                    .append(stored.muted() ? "unmute-" : "mute-")
                    .append(Html.esc(f.ruleId()))
                    .append("\">")
                    .append(stored.muted() ? "Unmute" : "Mute")
                    .append("</button></form>");
        }
        return html.append("</td></tr>").toString();
    }

    private static String status(StoredFinding f, Cells cells) {
        List<String> parts = new ArrayList<>();
        if (f.muted()) {
            parts.add("<span class=\"muted\">Muted</span>");
        }
        if (f.acknowledgedAt() != null) {
            parts.add("<span class=\"acknowledged\">Acknowledged " + cells.time(f.acknowledgedAt()) + "</span>");
        }
        if (parts.isEmpty()) {
            parts.add(f.open() ? "Open" : "Resolved");
        }
        return String.join("<br>", parts);
    }

    /** The affected objects, each its label and id (the id alone when it has no name), at most {@link #AFFECTED_SHOWN}. */
    static String affected(List<AffectedObject> objects) {
        if (objects.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<ul class=\"affected\">");
        for (AffectedObject o : objects.subList(0, Math.min(objects.size(), AFFECTED_SHOWN))) {
            html.append("<li>");
            if (o.displayName() == null) {
                html.append(Html.esc(o.id()));
            } else {
                html.append(Html.esc(o.displayName()))
                        .append(" <small>")
                        .append(Html.esc(o.id()))
                        .append("</small>");
            }
            html.append("</li>");
        }
        if (objects.size() > AFFECTED_SHOWN) {
            html.append("<li class=\"more\">and ")
                    .append(objects.size() - AFFECTED_SHOWN)
                    .append(" more</li>");
        }
        return html.append("</ul>").toString();
    }

    /** The severity's name, coloured as the portal colours statuses: critical and high red, medium amber. */
    static String severity(Severity severity) {
        return badge(severity, severity.name());
    }

    private static String badge(Severity severity, String text) {
        String css = switch (severity) {
            case CRITICAL, HIGH -> "bad";
            case MEDIUM -> "warn";
            case LOW, INFO -> "info";
        };
        return "<span class=\"" + css + " severity\">" + Html.esc(text) + "</span>";
    }

    // ---- acknowledge and mute -----------------------------------------------------------------------------------

    private void acknowledge(Context ctx) {
        Target target = target(ctx);
        if (!portal.db().storage().findings().acknowledge(target.tenant(), target.rule())) {
            throw gone(target);
        }
        ctx.redirect("/companies/" + target.companyId() + "/findings", HttpStatus.SEE_OTHER);
    }

    private void mute(Context ctx) {
        String muted = ctx.formParam("muted");
        if (!"true".equals(muted) && !"false".equals(muted)) {
            throw new IllegalArgumentException("Not changed: the form must say muted=true (mute) or muted=false"
                    + " (unmute). Use the buttons on the company's findings page.");
        }
        Target target = target(ctx);
        if (!portal.db().storage().findings().mute(target.tenant(), target.rule(), Boolean.parseBoolean(muted))) {
            throw gone(target);
        }
        ctx.redirect("/companies/" + target.companyId() + "/findings", HttpStatus.SEE_OTHER);
    }

    /** What an acknowledge or mute form names, checked: a connected company, its tenant, and one of its open findings. */
    private record Target(String companyId, TenantId tenant, String rule) {}

    private Target target(Context ctx) {
        String id = ctx.pathParam("id");
        TenantMapping mapping = portal.connected(id);
        String name = portal.companies().name(id);
        String tenant = ctx.formParam("tenant");
        if (tenant == null || !tenant.trim().equalsIgnoreCase(mapping.tenant().value())) {
            throw new IllegalArgumentException("Not changed: the form named tenant "
                    + (tenant == null || tenant.isBlank() ? "(none)" : "'" + shortened(tenant) + "'") + ", but " + name
                    + " is connected to tenant " + mapping.tenant().value()
                    + ". Reload the company's findings page and use its buttons.");
        }
        String rule = ctx.formParam("rule");
        Optional<StoredFinding> finding = rule == null
                ? Optional.empty()
                : portal.db().storage().queries().findings(mapping.tenant()).stream()
                        .filter(f -> f.finding().ruleId().equals(rule))
                        .findFirst();
        if (finding.isEmpty()) {
            throw new NotFoundResponse("Not changed: " + name + " has no finding of rule "
                    + (rule == null || rule.isBlank() ? "(none)" : "'" + shortened(rule) + "'")
                    + ". Reload the company's findings page and use its buttons.");
        }
        if (!finding.get().open()) {
            throw new IllegalArgumentException("Not changed: " + name + "'s finding '"
                    + finding.get().finding().title() + "' was resolved by a later sync; only open findings are"
                    + " acknowledged or muted.");
        }
        return new Target(id, mapping.tenant(), rule);
    }

    /** The finding was deleted (a purge) between the check and the change. */
    private static NotFoundResponse gone(Target target) {
        return new NotFoundResponse("Not changed: tenant " + target.tenant().value()
                + " no longer has a finding of rule '" + target.rule() + "'. Reload the company's findings page.");
    }

    /** A forged value in an error message: at most 80 characters (the page escapes it). */
    private static String shortened(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }

    // ---- the fleet ----------------------------------------------------------------------------------------------

    /** A connected company's open findings: counted by severity (muted ones apart) and listed. */
    private record CompanyFindings(
            String companyId,
            String name,
            TenantId tenant,
            boolean synced,
            List<StoredFinding> open,
            Map<Severity, Integer> counts,
            long muted) {

        CompanyFindings(String companyId, String name, TenantId tenant, boolean synced, List<StoredFinding> open) {
            this(
                    companyId,
                    name,
                    tenant,
                    synced,
                    open,
                    bySeverity(open),
                    open.stream().filter(StoredFinding::muted).count());
        }

        private static Map<Severity, Integer> bySeverity(List<StoredFinding> open) {
            Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                counts.put(s, 0);
            }
            open.stream()
                    .filter(f -> !f.muted())
                    .forEach(f -> counts.merge(f.finding().severity(), 1, Integer::sum));
            return counts;
        }
    }

    /** Most critical first: more critical findings first, then more high ones, and so on; then by name. */
    static final Comparator<Map<Severity, Integer>> MOST_SEVERE_FIRST = (a, b) -> {
        for (Severity s : Severity.values()) {
            int c = Integer.compare(b.get(s), a.get(s));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private void fleet(Context ctx) {
        List<CompanyFindings> companies = new ArrayList<>();
        Map<TenantId, List<StoredFinding>> openByTenant = portal.db().storage().queries().openFindings().stream()
                .collect(Collectors.groupingBy(StoredFinding::tenant));
        for (TenantMapping mapping : portal.db().mapper().list()) {
            String name = portal.companies()
                    .find(mapping.companyId())
                    .map(CompanyBook.Company::name)
                    .orElse(mapping.displayName() == null ? mapping.companyId() : mapping.displayName());
            List<StoredFinding> open = openByTenant.getOrDefault(mapping.tenant(), List.of());
            boolean synced =
                    portal.db().storage().jobStore().latest(mapping.tenant()).isPresent();
            companies.add(new CompanyFindings(mapping.companyId(), name, mapping.tenant(), synced, open));
        }
        companies.sort(Comparator.comparing(CompanyFindings::counts, MOST_SEVERE_FIRST)
                .thenComparing(c -> c.name().toLowerCase(Locale.ROOT)));
        if (companies.isEmpty()) {
            ctx.html(portal.page(
                    ctx,
                    "Findings",
                    "<p>No companies connected yet: <a href=\"/connect\">connect a tenant</a>; its findings show here"
                            + " after its first sync.</p>"));
            return;
        }
        StringBuilder body = new StringBuilder("<p>Open findings of every connected company, the companies with the"
                        + " most severe first. Muted findings are not counted; they are shown apart.</p>")
                .append("<table id=\"fleet\"><tr><th>Company</th><th>Tenant</th>");
        for (Severity s : Severity.values()) {
            body.append("<th>").append(words(s)).append("</th>");
        }
        body.append("<th>Muted</th></tr>");
        for (CompanyFindings c : companies) {
            Map<Severity, Integer> counts = c.counts();
            body.append("<tr id=\"fleet-")
                    .append(Html.esc(c.companyId()))
                    .append("\"><td><a href=\"/companies/")
                    .append(Html.esc(c.companyId()))
                    .append("/findings\">")
                    .append(Html.esc(c.name()))
                    .append("</a>")
                    .append(c.synced() ? "" : " <small class=\"never-synced\">(never synced: no findings yet)</small>")
                    .append("</td><td>")
                    .append(Html.esc(c.tenant()))
                    .append("</td>");
            for (Severity s : Severity.values()) {
                int n = counts.get(s);
                body.append("<td class=\"count-")
                        .append(s.name().toLowerCase(Locale.ROOT))
                        .append("\">")
                        .append(n == 0 ? "0" : badge(s, String.valueOf(n)))
                        .append("</td>");
            }
            body.append("<td class=\"count-muted\">").append(c.muted()).append("</td></tr>");
        }
        body.append("</table>");

        record Entry(CompanyFindings company, StoredFinding finding) {}
        List<Entry> worst = companies.stream()
                .flatMap(c -> c.open().stream().filter(f -> !f.muted()).map(f -> new Entry(c, f)))
                .sorted(Comparator.comparing((Entry e) -> e.finding().finding().severity())
                        .thenComparing(e -> e.company().name().toLowerCase(Locale.ROOT))
                        .thenComparing(e -> e.finding().finding().ruleId()))
                .limit(FLEET_SHOWN)
                .toList();
        body.append("<h2>Most severe open findings</h2>");
        if (worst.isEmpty()) {
            body.append("<p id=\"no-findings\">No open findings (muted ones aside) in any company.</p>");
        } else {
            body.append("<table id=\"fleet-findings\"><tr><th>Severity</th><th>Company</th><th>Finding</th>"
                    + "<th>Affected</th><th>Fix</th></tr>");
            for (Entry e : worst) {
                Finding f = e.finding().finding();
                body.append("<tr><td>")
                        .append(severity(f.severity()))
                        .append("</td><td><a href=\"/companies/")
                        .append(Html.esc(e.company().companyId()))
                        .append("/findings\">")
                        .append(Html.esc(e.company().name()))
                        .append("</a></td><td><b class=\"finding-title\">")
                        .append(Html.esc(f.title()))
                        .append("</b></td><td>")
                        .append(f.affected().size())
                        .append("</td><td>")
                        .append(Html.esc(f.fix()))
                        .append("</td></tr>");
            }
            body.append("</table>");
        }
        ctx.html(portal.page(ctx, "Findings", body.toString()));
    }

    /** "Critical", "High", ... */
    static String words(Severity s) {
        String name = s.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The open findings of a tenant that count (not muted), for the company page's link. */
    static long countedOpen(List<StoredFinding> findings) {
        return findings.stream().filter(f -> f.open() && !f.muted()).count();
    }
}
