package dev.entrasync.examples.web;

import dev.entrasync.AppCredential;
import dev.entrasync.Dataset;
import dev.entrasync.onboarding.ConsentResult;
import dev.entrasync.onboarding.ConsentUrl;
import dev.entrasync.onboarding.TenantMapping;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;

/**
 * "Connect a tenant": a company and a credential, then off to Microsoft's admin-consent page; Microsoft
 * redirects back to {@code /consent/callback}, where the grant is verified with a token and the tenant
 * mapped to the company.
 */
final class ConsentPages {

    static final String CALLBACK = "/consent/callback";

    private final Portal portal;

    ConsentPages(Portal portal) {
        this.portal = portal;
    }

    void register(Javalin app) {
        app.get("/connect", this::form);
        app.post("/connect", this::connect);
        app.get(CALLBACK, this::callback);
    }

    private void form(Context ctx) {
        List<AppCredential> credentials = portal.db().credentials().list();
        if (credentials.isEmpty()) {
            ctx.html(portal.page("Connect a tenant", "<p>Add a <a href=\"/credentials\">credential</a> first.</p>"));
            return;
        }
        StringBuilder body = new StringBuilder("<p>Your customer's administrator approves entra-sync's read-only"
                + " access to their tenant on Microsoft's consent page, then comes back here.</p>"
                + "<form method=\"post\" action=\"/connect\" id=\"connect\"><label>Credential</label><select name=\"credential\">");
        credentials.forEach(c -> body.append("<option>").append(Html.esc(c.name())).append("</option>"));
        body.append("</select>").append(CredentialsPage.field("New company name", "company", "", "text"));
        if (portal.administrators() != null) {
            body.append("<label>Simulated administrator (simulation only)</label><select name=\"administrator\" id=\"administrator\">");
            portal.administrators().tenants().forEach(t -> body.append("<option value=\"").append(t.id()).append("\">")
                    .append(Html.esc(t.displayName())).append(" approves</option>"));
            body.append("<option value=\"decline\">an administrator declines</option>"
                    + "<option value=\"cancel\">an administrator cancels</option></select>");
        }
        body.append("<p><button id=\"go-consent\">Continue to Microsoft</button></p></form>");
        ctx.html(portal.page("Connect a tenant", body.toString()));
    }

    private void connect(Context ctx) {
        String name = ctx.formParam("company");
        if (name == null || name.isBlank()) {
            ctx.html(portal.page("Connect a tenant", Html.message("Name the company first.", true)));
            return;
        }
        String companyId = portal.companies().create(name.trim(), null);
        ConsentUrl link = portal.onboarding().consent().forAnyTenant(ctx.formParam("credential"), companyId);
        redirectToConsent(ctx, link, ctx.formParam("administrator"));
    }

    /** Sends the browser to Microsoft's consent page (in simulation, after queuing what its administrator does). */
    void redirectToConsent(Context ctx, ConsentUrl link, String simulatedAnswer) {
        if (portal.administrators() != null && simulatedAnswer != null) {
            portal.administrators().next(simulatedAnswer);
        }
        ctx.redirect(link.uri().toString());
    }

    private void callback(Context ctx) {
        ConsentResult result = portal.onboarding().consent().complete(ctx.queryString());
        if (!(result instanceof ConsentResult.Granted granted)) {
            ctx.html(portal.page("Consent not completed", Html.message(result.message(), true)
                    + "<p><a href=\"/connect\">Try again</a></p>"));
            return;
        }
        String companyId = granted.consent().companyId();
        StringBuilder body = new StringBuilder("<p class=\"ok\" id=\"verified\">Verified: an app-only token was issued"
                + " for tenant ").append(Html.esc(granted.tenant())).append(".</p>")
                .append("<p>Permissions granted: ").append(Html.esc(String.join(", ", granted.permissions()))).append("</p>");
        if (companyId != null && portal.db().mapper().findByCompany(companyId).isEmpty()
                && portal.db().mapper().findByTenant(granted.tenant()).isEmpty()) {
            String name = portal.companies().name(companyId);
            portal.db().mapper().map(new TenantMapping(companyId, granted.tenant(), granted.consent().credentialName(),
                    name, null, EnumSet.allOf(Dataset.class), false));
            body.append("<p id=\"connected\">").append(Html.esc(name)).append(" is connected. ")
                    .append(Html.button("/companies/" + companyId + "/sync", "Sync now", "sync-now")).append("</p>");
        } else {
            body.append("<p><a href=\"/discover\">Back to discovered tenants</a></p>");
        }
        ctx.html(portal.page("Tenant connected", body.toString()));
    }
}
