package dev.entrasync.examples.web;

import dev.entrasync.SyncJob;
import dev.entrasync.TenantMapping;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The jobs page: every company's recent jobs, newest first; it reloads itself while any job is queued or running. */
final class JobsPage {

    private final Portal portal;

    JobsPage(Portal portal) {
        this.portal = portal;
    }

    void register(Javalin app) {
        app.get("/jobs", this::show);
    }

    private void show(Context ctx) {
        List<SyncJob> jobs = new ArrayList<>();
        for (TenantMapping mapping : portal.db().mapper().list()) {
            jobs.addAll(portal.db().storage().jobStore().history(mapping.tenant(), 0, 10));
        }
        jobs.sort(Comparator.comparing(SyncJob::queuedAt).reversed());
        boolean active = jobs.stream().anyMatch(j -> !j.status().isFinished());
        StringBuilder html = new StringBuilder(
                        active
                                ? "<p id=\"live\">Live: this page refreshes every 2 seconds while" + " jobs run.</p>"
                                : "")
                .append("<table id=\"jobs\"><tr><th>Queued</th><th>Company</th><th>Trigger</th>"
                        + "<th>Status</th><th>Datasets</th><th>Requests</th><th>Reason</th></tr>");
        for (SyncJob job : jobs) {
            String company = job.companyId() == null
                    ? job.tenant().value()
                    : portal.companies().name(job.companyId());
            html.append("<tr><td>")
                    .append(Html.esc(job.queuedAt().toString().substring(0, 19).replace('T', ' ')))
                    .append("</td><td><a href=\"/companies/")
                    .append(Html.esc(job.companyId()))
                    .append("\">")
                    .append(Html.esc(company))
                    .append("</a></td><td>")
                    .append(Html.esc(job.trigger()))
                    .append("</td><td class=\"")
                    .append(Html.statusClass(job.status().name()))
                    .append("\">")
                    .append(Html.esc(job.status()))
                    .append("</td><td>")
                    .append(job.results().size())
                    .append('/')
                    .append(job.datasets().size())
                    .append("</td><td>")
                    .append(job.requests())
                    .append("</td><td>")
                    .append(Html.esc(job.reason()))
                    .append("</td></tr>");
        }
        html.append("</table>");
        ctx.html(portal.page(ctx, "Jobs", jobs.isEmpty() ? "<p>No jobs yet.</p>" : html.toString(), active));
    }
}
