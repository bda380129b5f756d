package dev.entrasync.examples.web;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncedData;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.CompanyBook;
import dev.entrasync.examples.support.TenantSummary;
import dev.entrasync.jdbc.SecureScoreTrend;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The companies list ("Sync now", delete) and each company's pages: a summary and a tab per dataset. */
final class CompanyPages {

    /** Shown where MFA is "n/a": what the CLI's preflight says about Entra ID P1. */
    static final String MFA_WITHOUT_P1 = "MFA is n/a: this tenant has no Microsoft Entra ID P1 (or P2) licence, and"
            + " Microsoft reports users' MFA registration (/reports/authenticationMethods/userRegistrationDetails)"
            + " only to tenants with one. Everything else is synced; MFA shows once the tenant has P1.";

    static final String SIGN_INS_WITHOUT_P1 = "Sign-in activity is unknown, not \"never signed in\": this tenant has no"
            + " Microsoft Entra ID P1 (or P2) licence, and Microsoft gives users' last sign-ins (signInActivity) only to"
            + " tenants with one. It shows here once the tenant has P1.";

    private final Portal portal;

    CompanyPages(Portal portal) {
        this.portal = portal;
    }

    void register(Javalin app) {
        app.get("/", this::list);
        app.get("/companies/{id}", this::company);
        app.post("/companies/{id}/sync", ctx -> {
            portal.engine().syncNowForCompany(ctx.pathParam("id"));
            ctx.redirect("/jobs", HttpStatus.SEE_OTHER);
        });
        app.post("/companies/{id}/delete", this::confirmDelete);
        app.post("/companies/{id}/delete/confirmed", ctx -> {
            String id = ctx.pathParam("id");
            portal.connected(id);
            boolean purge = "purge".equals(ctx.formParam("data"));
            portal.db().mapper().delete(id, purge ? SyncedData.PURGE : SyncedData.KEEP);
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        });
        app.post("/sync", ctx -> {
            portal.engine().syncAllNow();
            ctx.redirect("/jobs", HttpStatus.SEE_OTHER);
        });
    }

    private void list(Context ctx) {
        List<List<String>> rows = new ArrayList<>();
        for (CompanyBook.Company company : portal.companies().list()) {
            TenantMapping mapping =
                    portal.db().mapper().findByCompany(company.id()).orElse(null);
            String status = mapping == null
                    ? ""
                    : portal.db()
                            .storage()
                            .jobStore()
                            .latest(mapping.tenant())
                            .map(job -> job.status().name())
                            .orElse("never synced");
            String actions = mapping == null
                    ? "not connected: <a id=\"connect-" + Html.esc(company.id()) + "\" href=\"/connect?company="
                            + Html.esc(company.id()) + "\">connect</a>"
                    : Html.button("/companies/" + company.id() + "/sync", "Sync now", "sync-" + company.id())
                            + " <form class=\"inline\" method=\"post\" action=\"/companies/" + Html.esc(company.id())
                            + "/delete\"><select name=\"data\"><option value=\"keep\">keep synced data</option>"
                            + "<option value=\"purge\">purge synced data</option></select> <button id=\"delete-"
                            + Html.esc(company.id()) + "\">Disconnect</button></form>";
            rows.add(List.of(
                    "<a href=\"/companies/" + Html.esc(company.id()) + "\">" + Html.esc(company.name()) + "</a>",
                    mapping == null ? "" : mapping.tenant().value(),
                    company.domain() == null ? "" : company.domain(),
                    status,
                    actions));
        }
        String body = rows.isEmpty()
                ? "<p>No companies yet: <a href=\"/connect\">connect a tenant</a> or import"
                        + " <a href=\"/discover\">discovered tenants</a>.</p>"
                : rawTable(rows) + Html.button("/sync", "Sync all now", "sync-all");
        ctx.html(portal.page(ctx, "Companies", body));
    }

    private static String rawTable(List<List<String>> rows) {
        StringBuilder html = new StringBuilder(
                "<table><tr><th>Company</th><th>Tenant</th><th>Domain</th>" + "<th>Last sync</th><th></th></tr>");
        for (List<String> row : rows) {
            html.append("<tr><td>")
                    .append(row.get(0))
                    .append("</td><td>")
                    .append(Html.esc(row.get(1)))
                    .append("</td><td>")
                    .append(Html.esc(row.get(2)))
                    .append("</td><td class=\"")
                    .append(Html.statusClass(row.get(3)))
                    .append("\">")
                    .append(Html.esc(row.get(3)))
                    .append("</td><td>")
                    .append(row.get(4))
                    .append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    /**
     * The confirmation every disconnect passes: names the company and what happens to its synced data, and
     * posts (with the session's CSRF token, as every form) to the action that does it.
     */
    private void confirmDelete(Context ctx) {
        String id = ctx.pathParam("id");
        TenantMapping mapping = portal.connected(id);
        boolean purge = "purge".equals(ctx.formParam("data"));
        String name = portal.companies().name(id);
        String body = "<p id=\"confirm-text\">Disconnect <b>" + Html.esc(name) + "</b> from tenant "
                + Html.esc(mapping.tenant()) + "? It will no longer be synced"
                + (purge
                        ? ", and <b class=\"bad\">every record synced from the tenant is deleted</b> from the"
                                + " database. This cannot be undone."
                        : "; the records synced so far are kept.")
                + "</p><form method=\"post\" action=\"/companies/" + Html.esc(id)
                + "/delete/confirmed\"><input type=\"hidden\" name=\"data\" value=\"" + (purge ? "purge" : "keep")
                + "\"><button id=\"confirm-delete\">" + (purge ? "Disconnect and purge" : "Disconnect")
                + "</button> <a id=\"cancel-delete\" href=\"/\">Cancel</a></form>";
        ctx.html(portal.page(ctx, purge ? "Disconnect and purge?" : "Disconnect?", body));
    }

    private void company(Context ctx) {
        String id = ctx.pathParam("id");
        CompanyBook.Company company = portal.company(id);
        TenantMapping mapping = portal.connected(id);
        Dataset tab = Dataset.of(ctx.queryParamAsClass("tab", String.class).getOrDefault("users"));
        TenantSummary s =
                TenantSummary.of(portal.records(), portal.db().storage().jobStore(), mapping.tenant());
        StringBuilder body = new StringBuilder("<p>Tenant ")
                .append(Html.esc(mapping.tenant()))
                .append(" · ")
                .append(Html.button("/companies/" + id + "/sync", "Sync now", "sync-now"))
                .append(" · <a id=\"findings-link\" href=\"/companies/")
                .append(Html.esc(id))
                .append("/findings\">Findings: ")
                .append(FindingsPages.countedOpen(
                        portal.db().storage().queries().findings(mapping.tenant())))
                .append(" open</a></p><div>")
                .append(card("Users", String.valueOf(s.users())))
                .append(card("MFA registered", TenantSummary.percentText(s.mfaPercent())))
                .append(card("Admins", String.valueOf(s.admins())))
                .append(card(
                        "Devices", s.devices() + " (" + TenantSummary.percentText(s.managedPercent()) + " managed)"))
                .append(card("Groups", String.valueOf(s.groups())))
                .append(card("Licences", s.licensesUsed() + "/" + s.licensesTotal()))
                .append(card("Roles", String.valueOf(s.roles())))
                .append(card("Audit events", String.valueOf(s.auditEvents())))
                .append(card("Secure score", s.secureScoreText()))
                .append(card("Sign-in activity", s.signInsText()))
                .append(card("Conditional Access", s.conditionalAccessText()))
                .append("</div>");
        if (s.users() > 0 && s.mfaPercent().isEmpty()) {
            body.append(Html.message(MFA_WITHOUT_P1, false).replace("id=\"message\"", "id=\"mfa-na\""));
        }
        if (tab == Dataset.SIGN_IN_ACTIVITY
                && s.synced().contains(Dataset.SIGN_IN_ACTIVITY)
                && s.users() > 0
                && s.signIns() == 0) {
            body.append(Html.message(SIGN_INS_WITHOUT_P1, false).replace("id=\"message\"", "id=\"sign-ins-na\""));
        }
        portal.db().storage().jobStore().latest(mapping.tenant()).ifPresent(job -> body.append(lastJob(job)));
        body.append("<nav class=\"tabs\">");
        for (Dataset d : Dataset.values()) {
            body.append("<a id=\"tab-")
                    .append(d.key())
                    .append("\" class=\"")
                    .append(d == tab ? "on" : "")
                    .append("\" href=\"?tab=")
                    .append(d.key())
                    .append("\">")
                    .append(label(d))
                    .append("</a>");
        }
        body.append("</nav>");
        if (tab == Dataset.SECURE_SCORES) {
            body.append(portal.db()
                    .storage()
                    .queries()
                    .secureScoreTrend(mapping.tenant(), 90)
                    .map(SecureScoreTrend::series)
                    .map(ScoreChart::svg)
                    .orElse("<p>No secure score synced yet.</p>"));
        }
        body.append(
                new DatasetPage(portal.db().storage().queries(), Cells.forAcceptLanguage(ctx.header("Accept-Language")))
                        .render(id, mapping.tenant(), tab, ctx.queryParam("q"), ctx.queryParam("page")));
        ctx.html(portal.page(ctx, company.name(), body.toString()));
    }

    /** The last job's status, and, as the CLI prints them, each dataset's error or warnings. */
    private static String lastJob(SyncJob job) {
        StringBuilder html = new StringBuilder("<p>Last sync: <span id=\"last-status\" class=\"")
                .append(Html.statusClass(job.status().name()))
                .append("\">")
                .append(Html.esc(job.status()))
                .append("</span>")
                .append(job.reason() == null ? "" : " — " + Html.esc(job.reason()))
                .append("</p>");
        List<String> notes = new ArrayList<>();
        for (DatasetResult result : job.results()) {
            if (result.status() == DatasetResult.Status.FAILED) {
                notes.add(result.dataset().key() + ": " + result.error());
            }
            result.warnings().forEach(w -> notes.add(result.dataset().key() + ": " + w));
        }
        if (!notes.isEmpty()) {
            html.append("<ul id=\"job-notes\">");
            notes.forEach(n -> html.append("<li>").append(Html.esc(n)).append("</li>"));
            html.append("</ul>");
        }
        return html.toString();
    }

    private static String card(String label, String value) {
        return "<div class=\"card\">" + Html.esc(label) + "<b>" + Html.esc(value) + "</b></div>";
    }

    private static String label(Dataset dataset) {
        String words = dataset.key().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1).toLowerCase(Locale.ROOT);
    }
}
