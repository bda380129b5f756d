package dev.entrasync.examples.web;

import dev.entrasync.Dataset;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncedData;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.CompanyBook;
import dev.entrasync.examples.support.DatasetView;
import dev.entrasync.examples.support.TenantSummary;
import dev.entrasync.jdbc.SecureScoreTrend;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The companies list ("Sync now", delete) and each company's pages: a summary and a tab per dataset. */
final class CompanyPages {

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
        app.post("/companies/{id}/delete", ctx -> {
            boolean purge = "purge".equals(ctx.formParam("data"));
            portal.db().mapper().delete(ctx.pathParam("id"), purge ? SyncedData.PURGE : SyncedData.KEEP);
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
                    ? "not connected: <a href=\"/connect\">connect</a>"
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

    private void company(Context ctx) {
        String id = ctx.pathParam("id");
        CompanyBook.Company company =
                portal.companies().find(id).orElseThrow(() -> new NotFoundResponse("No company " + id));
        TenantMapping mapping = portal.db()
                .mapper()
                .findByCompany(id)
                .orElseThrow(() -> new NotFoundResponse("Company " + id + " is not connected to a tenant"));
        Dataset tab = Dataset.of(ctx.queryParamAsClass("tab", String.class).getOrDefault("users"));
        TenantSummary s = TenantSummary.of(portal.records(), mapping.tenant());
        StringBuilder body = new StringBuilder("<p>Tenant ")
                .append(Html.esc(mapping.tenant()))
                .append(" · ")
                .append(Html.button("/companies/" + id + "/sync", "Sync now", "sync-now"))
                .append("</p><div>")
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
                .append("</div>");
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
        body.append(Html.table(DatasetView.of(portal.records(), mapping.tenant(), tab), 200));
        ctx.html(portal.page(ctx, company.name(), body.toString()));
    }

    private static String lastJob(SyncJob job) {
        return "<p>Last sync: <span id=\"last-status\" class=\""
                + Html.statusClass(job.status().name()) + "\">" + Html.esc(job.status()) + "</span>"
                + (job.reason() == null ? "" : " — " + Html.esc(job.reason())) + "</p>";
    }

    private static String card(String label, String value) {
        return "<div class=\"card\">" + Html.esc(label) + "<b>" + Html.esc(value) + "</b></div>";
    }

    private static String label(Dataset dataset) {
        String words = dataset.key().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1).toLowerCase(Locale.ROOT);
    }
}
