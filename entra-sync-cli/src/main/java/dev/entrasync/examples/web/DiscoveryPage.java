package dev.entrasync.examples.web;

import dev.entrasync.AppCredential;
import dev.entrasync.Dataset;
import dev.entrasync.EntraSyncException;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.CompanyBook;
import dev.entrasync.onboarding.ConsentStatus;
import dev.entrasync.onboarding.DiscoveredTenant;
import dev.entrasync.onboarding.ImportResult;
import dev.entrasync.onboarding.TenantImport;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Discovered tenants: a CSP partner's GDAP customers (or a plain credential's consented tenants) with their
 * consent status; ask for consent, import the selected ones as new companies, or map one to an existing company.
 */
final class DiscoveryPage {

    private final Portal portal;
    private final ConsentPages consent;

    DiscoveryPage(Portal portal, ConsentPages consent) {
        this.portal = portal;
        this.consent = consent;
    }

    void register(Javalin app) {
        app.get("/discover", this::show);
        app.post("/discover/consent", ctx -> {
            String tenant = ctx.formParam("tenant");
            consent.redirectToConsent(
                    ctx,
                    portal.onboarding().consent().forTenant(credential(ctx).name(), TenantId.of(tenant), null),
                    tenant);
        });
        app.post("/discover/import", this::importSelected);
        app.post("/discover/map", this::mapToExisting);
    }

    private AppCredential credential(Context ctx) {
        String name = ctx.formParam("credential") != null ? ctx.formParam("credential") : ctx.queryParam("credential");
        List<AppCredential> all = portal.db().credentials().list();
        return all.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .or(() -> all.stream().filter(AppCredential::cspPartner).findFirst())
                .or(() -> all.stream().findFirst())
                .orElseThrow(() -> new IllegalArgumentException("Add a credential first."));
    }

    private void show(Context ctx) {
        if (portal.db().credentials().list().isEmpty()) {
            ctx.html(portal.page(
                    ctx, "Discovered tenants", "<p>Add a <a href=\"/credentials\">credential</a> first.</p>"));
            return;
        }
        AppCredential credential = credential(ctx);
        List<DiscoveredTenant> found;
        try {
            found = portal.onboarding().discovery().discover(credential.name());
        } catch (EntraSyncException e) {
            ctx.html(portal.page(
                    ctx,
                    "Discovered tenants",
                    Html.message(e.getMessage(), true)
                            + "<p>Your own tenant must grant consent first.</p>"
                            + consentForm(
                                    credential,
                                    credential.homeTenant().value(),
                                    "Consent in your own tenant",
                                    "consent-home")));
            return;
        }
        StringBuilder body = new StringBuilder("<p>Credential <b>")
                .append(Html.esc(credential.name()))
                .append(
                        "</b>.</p><form method=\"post\" action=\"/discover/import\" id=\"import\"><input type=\"hidden\""
                                + " name=\"credential\" value=\"")
                .append(Html.esc(credential.name()))
                .append(
                        "\">"
                                + "<table><tr><th></th><th>Tenant</th><th>Domain</th><th>Source</th><th>Consent</th><th>Company</th></tr>");
        StringBuilder forms = new StringBuilder();
        for (DiscoveredTenant t : found) {
            Optional<TenantMapping> mapped = portal.db().mapper().findByTenant(t.tenant());
            boolean importable = t.consentStatus() == ConsentStatus.CONSENTED && mapped.isEmpty();
            body.append("<tr><td>")
                    .append(
                            importable
                                    ? "<input type=\"checkbox\" name=\"tenant\" class=\"check\" id=\"pick-" + t.tenant()
                                            + "\" value=\"" + t.tenant() + "\">"
                                    : "")
                    .append("</td><td>")
                    .append(Html.esc(t.name()))
                    .append("<br><small>")
                    .append(Html.esc(t.tenant()))
                    .append("</small></td><td>")
                    .append(Html.esc(t.defaultDomain()))
                    .append("</td><td>")
                    .append(t.source())
                    .append("</td><td class=\"")
                    .append(Html.statusClass(t.consentStatus().name()))
                    .append("\">")
                    .append(t.consentStatus())
                    .append(t.problem() == null ? "" : "<br><small>" + Html.esc(t.problem()) + "</small>")
                    .append("</td><td>")
                    .append(mapped.map(m -> Html.esc(portal.companies().name(m.companyId())))
                            .orElse(""))
                    .append("</td></tr>");
            if (t.consentStatus() != ConsentStatus.CONSENTED) {
                forms.append(consentForm(
                        credential, t.tenant().value(), "Ask " + t.name() + " for consent", "consent-" + t.tenant()));
            } else if (mapped.isEmpty()) {
                forms.append(mapForm(credential, t));
            }
        }
        body.append("</table><button id=\"import-selected\">Import selected as new companies</button></form>")
                .append("<h2>Consent and mapping</h2>")
                .append(forms);
        ctx.html(portal.page(ctx, "Discovered tenants", body.toString()));
    }

    private String consentForm(AppCredential credential, String tenant, String label, String id) {
        return "<form method=\"post\" action=\"/discover/consent\"><input type=\"hidden\" name=\"credential\" value=\""
                + Html.esc(credential.name()) + "\"><input type=\"hidden\" name=\"tenant\" value=\"" + Html.esc(tenant)
                + "\"><button id=\"" + Html.esc(id) + "\">" + Html.esc(label) + "</button></form>";
    }

    private String mapForm(AppCredential credential, DiscoveredTenant t) {
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"/discover/map\"><input type=\"hidden\""
                        + " name=\"credential\" value=\"")
                .append(Html.esc(credential.name()))
                .append("\"><input type=\"hidden\"" + " name=\"tenant\" value=\"")
                .append(t.tenant())
                .append("\">Map ")
                .append(Html.esc(t.name()))
                .append(" to <select name=\"company\">");
        for (CompanyBook.Company c : portal.companies().list()) {
            if (portal.db().mapper().findByCompany(c.id()).isEmpty()) {
                form.append("<option value=\"")
                        .append(Html.esc(c.id()))
                        .append("\">")
                        .append(Html.esc(c.name()))
                        .append("</option>");
            }
        }
        return form.append("</select> <button>Map</button></form>").toString();
    }

    private List<DiscoveredTenant> selected(Context ctx, AppCredential credential) {
        List<String> picked = ctx.formParams("tenant");
        return portal.onboarding().discovery().discover(credential.name()).stream()
                .filter(t -> picked.contains(t.tenant().value()))
                .toList();
    }

    private void importSelected(Context ctx) {
        AppCredential credential = credential(ctx);
        ImportResult result = TenantImport.importTenants(
                portal.db().mapper(),
                credential.name(),
                selected(ctx, credential),
                EnumSet.allOf(Dataset.class),
                portal.companies());
        ctx.redirect("/?imported=" + result.imported().size(), HttpStatus.SEE_OTHER);
    }

    private void mapToExisting(Context ctx) {
        AppCredential credential = credential(ctx);
        for (DiscoveredTenant t : selected(ctx, credential)) {
            portal.db()
                    .mapper()
                    .map(t.toMapping(ctx.formParam("company"), credential.name(), EnumSet.allOf(Dataset.class)));
        }
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }
}
