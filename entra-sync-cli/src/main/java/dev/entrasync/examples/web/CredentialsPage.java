package dev.entrasync.examples.web;

import dev.entrasync.AppCredential;
import dev.entrasync.ClientCertificate;
import dev.entrasync.Cloud;
import dev.entrasync.examples.support.DemoCloud;
import dev.entrasync.onboarding.PreflightReport;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Credentials: the app registrations entra-sync signs in as, each with when its secret expires; add one. */
final class CredentialsPage {

    private static final Pattern FIELD_MESSAGE = Pattern.compile("^([a-zA-Z]+): (.*)$", Pattern.DOTALL);

    private final Portal portal;

    CredentialsPage(Portal portal) {
        this.portal = portal;
    }

    void register(Javalin app) {
        app.get("/credentials", ctx -> show(ctx, null));
        app.post("/credentials", this::add);
    }

    private void show(Context ctx, String error) {
        show(ctx, error == null ? null : Html.message(error, true), null);
    }

    private void show(Context ctx, String errorHtml, String checkHtml) {
        String error = errorHtml;
        List<List<String>> rows = new ArrayList<>();
        for (AppCredential c : portal.db().credentials().list()) {
            rows.add(List.of(
                    c.name(),
                    c.cloud().name(),
                    c.clientId(),
                    c.homeTenant().value(),
                    c.cspPartner() ? "yes" : "no",
                    c.describeCredential(),
                    c.daysUntilCredentialExpires(Clock.systemUTC())
                            .map(d -> d < 0 ? "expired" : "in " + d + " days")
                            .orElse(
                                    c.kind() == AppCredential.Kind.ASSERTION
                                            ? "never (fetched per request)"
                                            : "unknown")));
        }
        DemoCloud sim = portal.simulation();
        String body = (error == null ? "" : error) + (checkHtml == null ? "" : checkHtml)
                + (rows.isEmpty()
                        ? "<p>No credential yet.</p>"
                        : Html.table(
                                List.of(
                                        "Name",
                                        "Cloud",
                                        "Client id",
                                        "Home tenant",
                                        "CSP partner",
                                        "Signs in with",
                                        "Expires"),
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
                + "<label for=\"certificatePem\">Or, instead of a secret, a certificate: paste its PEM (unencrypted"
                + " PKCS#8 private key and certificate chain; the public certificate must be uploaded to the app"
                + " registration)</label><textarea id=\"certificatePem\" name=\"certificatePem\" rows=\"4\""
                + " autocomplete=\"off\"></textarea>"
                + "<label><input type=\"checkbox\" name=\"csp\" value=\"true\" checked class=\"check\"> CSP partner"
                + " (discover GDAP customers)</label><p><button id=\"save-credential\">Save credential</button></p></form>";
        ctx.html(portal.page(ctx, "Credentials", body));
    }

    private void add(Context ctx) {
        try {
            required(ctx.formParam("name"), "Give the credential a name, e.g. northwind.");
            required(
                    ctx.formParam("homeTenant"),
                    "Enter your home tenant: the id (a GUID) of the tenant the app is" + " registered in.");
            required(
                    ctx.formParam("clientId"),
                    "Enter the application (client) id from the app registration's" + " Overview page.");
            String pem = ctx.formParam("certificatePem");
            boolean certificate = pem != null && !pem.isBlank();
            String secretValue = ctx.formParam("secret");
            if (certificate && secretValue != null && !secretValue.isBlank()) {
                throw new IllegalArgumentException(
                        "Enter either the client secret's value or a certificate, not both.");
            }
            if (!certificate) {
                required(
                        secretValue,
                        "Enter the client secret's value (shown once when the secret is created; not its secret"
                                + " id), or paste a certificate.");
            }
            String cloudName = ctx.formParam("cloud");
            Cloud cloud = "custom".equals(cloudName)
                    ? Cloud.custom(ctx.formParam("loginUrl"), ctx.formParam("graphUrl"))
                    : Cloud.of(cloudName == null ? "global" : cloudName);
            String expires = ctx.formParam("expires");
            AppCredential.Builder builder = AppCredential.builder()
                    .name(ctx.formParam("name"))
                    .cloud(cloud)
                    .homeTenant(ctx.formParam("homeTenant"))
                    .clientId(ctx.formParam("clientId"))
                    .cspPartner("true".equals(ctx.formParam("csp")));
            if (certificate) {
                // the certificate's expiry is its notAfter; the secret-expiry field does not apply
                builder.certificate(ClientCertificate.fromPem(pem));
            } else {
                builder.secret(secretValue)
                        .secretExpiresAt(
                                expires == null || expires.isBlank()
                                        ? null
                                        : LocalDate.parse(expires.trim())
                                                .atStartOfDay(ZoneOffset.UTC)
                                                .toInstant());
            }
            AppCredential credential = builder.build();
            portal.db().credentials().save(credential);
            show(ctx, null, checked(credential));
        } catch (DateTimeParseException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, "Not saved: the secret's expiry date must be written as year-month-day, e.g. 2027-06-30.");
        } catch (IllegalArgumentException | NullPointerException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, "Not saved: " + sentence(e.getMessage()));
        }
    }

    /**
     * Asks Microsoft for an app-only token for the credential's home tenant and says what came back: a token, or
     * the refusal in words with what to do.
     */
    private String checked(AppCredential credential) {
        PreflightReport report =
                portal.onboarding().preflight().check(credential.name(), credential.homeTenant(), Set.of());
        if (report.tokenIssued()) {
            return Html.message(
                            "Saved " + credential.name() + " and checked it: Microsoft issued a token for your home"
                                    + " tenant " + credential.homeTenant() + ".",
                            false)
                    .replace("id=\"message\"", "id=\"credential-check\"");
        }
        StringBuilder text = new StringBuilder("Saved " + credential.name() + ", but Microsoft refused a token for your"
                + " home tenant " + credential.homeTenant() + ":");
        report.problems().forEach(p -> text.append(' ').append(p.words()).append(p.fix() == null ? "" : " " + p.fix()));
        return Html.message(text.toString(), true).replace("id=\"message\"", "id=\"credential-check\"");
    }

    private static void required(String value, String sentence) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(sentence);
        }
    }

    /**
     * A library message ({@code clientSecret: must not be empty}) as a sentence ({@code The client secret must not
     * be empty.}); a message that is already a sentence is kept.
     */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "Something in the form is not valid.";
        }
        Matcher field = FIELD_MESSAGE.matcher(message.trim());
        String text = message.trim();
        if (field.matches()) {
            String words = field.group(1).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
            words = words.replaceAll("\\burl\\b", "URL").replaceAll("\\bid\\b", "ID");
            String rest = field.group(2);
            text = rest.startsWith("must ") ? "The " + words + " " + rest : "The " + words + " is not valid: " + rest;
        }
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    static String field(String label, String name, String value, String type) {
        return "<label for=\"" + name + "\">" + Html.esc(label) + "</label><input id=\"" + name + "\" name=\"" + name
                + "\" type=\"" + type + "\" value=\"" + Html.esc(value) + "\">";
    }

    private static String option(String value, boolean selected) {
        return "<option" + (selected ? " selected" : "") + ">" + value + "</option>";
    }
}
