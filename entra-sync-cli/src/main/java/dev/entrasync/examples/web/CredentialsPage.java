package dev.entrasync.examples.web;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.examples.support.DemoCloud;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Credentials: the app registrations entra-sync signs in as, each with when its secret expires; add one. */
final class CredentialsPage {

    private final Portal portal;

    CredentialsPage(Portal portal) {
        this.portal = portal;
    }

    void register(Javalin app) {
        app.get("/credentials", ctx -> show(ctx, null));
        app.post("/credentials", this::add);
    }

    private void show(Context ctx, String error) {
        List<List<String>> rows = new ArrayList<>();
        for (AppCredential c : portal.db().credentials().list()) {
            rows.add(List.of(
                    c.name(),
                    c.cloud().name(),
                    c.clientId(),
                    c.homeTenant().value(),
                    c.cspPartner() ? "yes" : "no",
                    c.daysUntilSecretExpires(Clock.systemUTC())
                            .map(d -> d < 0 ? "expired" : "in " + d + " days")
                            .orElse("unknown")));
        }
        DemoCloud sim = portal.simulation();
        String body = (error == null ? "" : Html.message(error, true))
                + (rows.isEmpty()
                        ? "<p>No credential yet.</p>"
                        : Html.table(
                                List.of("Name", "Cloud", "Client id", "Home tenant", "CSP partner", "Secret expires"),
                                rows,
                                -1))
                + "<h2>Add a credential</h2><form method=\"post\" action=\"/credentials\" id=\"add-credential\">"
                + field("Name", "name", "northwind", "text")
                + "<label>Cloud</label><select name=\"cloud\">" + option("custom", sim != null)
                + option("global", sim == null)
                + option("usgov", false) + option("usgov-dod", false) + option("china", false) + "</select>"
                + field(
                        "Login URL (custom cloud)",
                        "loginUrl",
                        sim == null ? "" : sim.cloud().loginUrl(),
                        "text")
                + field(
                        "Graph URL (custom cloud)",
                        "graphUrl",
                        sim == null ? "" : sim.cloud().graphUrl(),
                        "text")
                + field(
                        "Home tenant (your own tenant)",
                        "homeTenant",
                        sim == null ? "" : sim.partner().id(),
                        "text")
                + field("Application (client) id", "clientId", sim == null ? "" : DemoCloud.CLIENT_ID, "text")
                + field("Client secret value", "secret", "", "password")
                + field(
                        "Secret expires (YYYY-MM-DD)",
                        "expires",
                        LocalDate.now(ZoneOffset.UTC).plusDays(180).toString(),
                        "text")
                + "<label><input type=\"checkbox\" name=\"csp\" value=\"true\" checked class=\"check\"> CSP partner"
                + " (discover GDAP customers)</label><p><button id=\"save-credential\">Save credential</button></p></form>";
        ctx.html(portal.page(ctx, "Credentials", body));
    }

    private void add(Context ctx) {
        try {
            String cloudName = ctx.formParam("cloud");
            Cloud cloud = "custom".equals(cloudName)
                    ? Cloud.custom(ctx.formParam("loginUrl"), ctx.formParam("graphUrl"))
                    : Cloud.of(cloudName == null ? "global" : cloudName);
            String expires = ctx.formParam("expires");
            AppCredential credential = AppCredential.builder()
                    .name(ctx.formParam("name"))
                    .cloud(cloud)
                    .homeTenant(ctx.formParam("homeTenant"))
                    .clientId(ctx.formParam("clientId"))
                    .secret(ctx.formParam("secret"))
                    .cspPartner("true".equals(ctx.formParam("csp")))
                    .secretExpiresAt(
                            expires == null || expires.isBlank()
                                    ? null
                                    : LocalDate.parse(expires.trim())
                                            .atStartOfDay(ZoneOffset.UTC)
                                            .toInstant())
                    .build();
            portal.db().credentials().save(credential);
            ctx.redirect("/credentials", HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, "Not saved: " + e.getMessage());
        }
    }

    static String field(String label, String name, String value, String type) {
        return "<label for=\"" + name + "\">" + Html.esc(label) + "</label><input id=\"" + name + "\" name=\"" + name
                + "\" type=\"" + type + "\" value=\"" + Html.esc(value) + "\">";
    }

    private static String option(String value, boolean selected) {
        return "<option" + (selected ? " selected" : "") + ">" + value + "</option>";
    }
}
