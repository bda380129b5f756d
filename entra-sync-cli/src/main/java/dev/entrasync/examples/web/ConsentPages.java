package dev.entrasync.examples.web;

import dev.entrasync.AppCredential;
import dev.entrasync.Dataset;
import dev.entrasync.MappingConflictException;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.CompanyBook;
import dev.entrasync.onboarding.ConsentResult;
import dev.entrasync.onboarding.ConsentUrl;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * "Connect a tenant": a credential and the name of a new company, then off to Microsoft's admin-consent page.
 * The company name travels in the consent link's signed state (as its company id, {@code new:NAME}); no company
 * exists until the consent is verified. Microsoft redirects back to {@code /consent/callback}, which proves on the
 * request thread which tenant's administrator consented ({@code ConsentFlow.prove}: the state, the code, the ID
 * token, in seconds), starts the confirmation on a worker ({@link ConsentChecks}: it may wait for Microsoft's
 * propagation) and sends the browser at once to a status page that refreshes itself until the grant is verified
 * with a token, and then shows the outcome. Only a verified grant creates the
 * company and maps the tenant to it: a declined or cancelled consent leaves nothing, and a retry connects the
 * company of that name left unconnected rather than creating a second. "Connect" on a company that is not
 * connected ({@code /connect?company=C-1001}) carries that company's id instead, and connects that company.
 *
 * <p>The callback and the status page need no portal session: the person coming back is usually the customer's
 * administrator. They show only that consent's outcome.
 */
final class ConsentPages {

    static final String CALLBACK = "/consent/callback";
    static final String STATUS = "/consent/status";
    /** The company id of a link for a company still to be created, followed by its name. */
    static final String NEW_COMPANY = "new:";
    /** The longest company name accepted, in characters. */
    static final int MAX_COMPANY_NAME = 100;

    private final Portal portal;
    private final ConsentChecks checks;

    ConsentPages(Portal portal, ConsentChecks checks) {
        this.portal = portal;
        this.checks = checks;
    }

    void register(Javalin app) {
        app.get("/connect", this::form);
        app.post("/connect", this::connect);
        app.get(CALLBACK, this::callback);
        app.get(STATUS + "/{id}", this::status);
    }

    private void form(Context ctx) {
        List<AppCredential> credentials = portal.db().credentials().list();
        if (credentials.isEmpty()) {
            ctx.html(portal.page(
                    ctx, "Connect a tenant", "<p>Add a <a href=\"/credentials\">credential</a> first.</p>"));
            return;
        }
        StringBuilder body = new StringBuilder(
                "<p>Your customer's administrator approves entra-sync's read-only"
                        + " access to their tenant on Microsoft's consent page, then comes back here. The company is created"
                        + " once the consent is verified.</p>"
                        + "<form method=\"post\" action=\"/connect\" id=\"connect\"><label>Credential</label><select name=\"credential\">");
        credentials.forEach(
                c -> body.append("<option>").append(Html.esc(c.name())).append("</option>"));
        body.append("</select>");
        Optional<CompanyBook.Company> existing = portal.companies().find(ctx.queryParam("company"));
        if (existing.isPresent()) {
            body.append("<p id=\"existing-company\">Connects <b>")
                    .append(Html.esc(existing.get().name()))
                    .append("</b> (")
                    .append(Html.esc(existing.get().id()))
                    .append(").</p><input type=\"hidden\" name=\"companyId\" value=\"")
                    .append(Html.esc(existing.get().id()))
                    .append("\">");
        } else {
            body.append(CredentialsPage.field("New company name", "company", "", "text"));
        }
        if (portal.administrators() != null) {
            body.append(
                    "<label>Simulated administrator (simulation only)</label><select name=\"administrator\" id=\"administrator\">");
            portal.administrators()
                    .tenants()
                    .forEach(t -> body.append("<option value=\"")
                            .append(t.id())
                            .append("\">")
                            .append(Html.esc(t.displayName()))
                            .append(" approves</option>"));
            body.append("<option value=\"decline\">an administrator declines</option>"
                    + "<option value=\"cancel\">an administrator cancels</option></select>");
        }
        body.append("<p><button id=\"go-consent\">Continue to Microsoft</button></p></form>");
        ctx.html(portal.page(ctx, "Connect a tenant", body.toString()));
    }

    private void connect(Context ctx) {
        String credential = ctx.formParam("credential");
        if (credential == null || credential.isBlank()) {
            throw new IllegalArgumentException(
                    "Choose the credential to connect with (add one on the Credentials page first).");
        }
        String existingId = ctx.formParam("companyId");
        String companyId;
        if (existingId != null && !existingId.isBlank()) {
            CompanyBook.Company company = portal.companies()
                    .find(existingId)
                    .orElseThrow(() -> new IllegalArgumentException("There is no company " + existingId + "."));
            if (portal.db().mapper().findByCompany(company.id()).isPresent()) {
                throw new IllegalArgumentException(company.name() + " is already connected to a tenant.");
            }
            companyId = company.id();
        } else {
            companyId = NEW_COMPANY + companyName(ctx.formParam("company"));
        }
        ConsentUrl link = portal.onboarding().consent().forAnyTenant(credential, companyId);
        redirectToConsent(ctx, link, ctx.formParam("administrator"));
    }

    /**
     * The trimmed company name.
     *
     * @throws IllegalArgumentException naming the field, for a blank name, one past {@value #MAX_COMPANY_NAME}
     *     characters, or one with control, line-break or invisible formatting characters
     */
    static String companyName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Name the new company first: the company name is empty.");
        }
        String trimmed = name.trim();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_COMPANY_NAME) {
            throw new IllegalArgumentException("The company name is too long: at most " + MAX_COMPANY_NAME
                    + " characters, this one has " + length + ".");
        }
        trimmed.codePoints()
                .filter(c -> Character.getType(c) == Character.CONTROL
                        || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                        || Character.getType(c) == Character.SURROGATE)
                .findFirst()
                .ifPresent(c -> {
                    throw new IllegalArgumentException(String.format(
                            Locale.ROOT,
                            "The company name must not contain control, line-break or invisible formatting"
                                    + " characters; it contains U+%04X.",
                            c));
                });
        return trimmed;
    }

    /** Sends the browser to Microsoft's consent page (in simulation, after queuing what its administrator does). */
    void redirectToConsent(Context ctx, ConsentUrl link, String simulatedAnswer) {
        if (portal.administrators() != null && simulatedAnswer != null) {
            portal.administrators().next(simulatedAnswer);
        }
        ctx.redirect(link.uri().toString());
    }

    private void callback(Context ctx) {
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((key, values) -> query.put(key, values.isEmpty() ? null : values.get(0)));
        // The slot is taken before anything is consumed, so a refusal below leaves the link usable. The proof (state,
        // code, ID token) is made here, on the request thread, in seconds: an authorization code lasts about 10 minutes
        // and must not wait in the queue behind checks that wait for Microsoft's propagation. Only that wait runs on
        // the worker, which takes the proof as soon as this thread has it.
        CompletableFuture<ConsentResult> proof = new CompletableFuture<>();
        Optional<String> id = checks.start(() -> outcome(proof.join()));
        if (id.isPresent()) {
            try {
                proof.complete(portal.onboarding().consent().prove(query));
            } catch (RuntimeException e) {
                proof.completeExceptionally(e);
            }
        }
        if (id.isEmpty()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "60")
                    .html(Html.publicPage(
                            "Try again in a minute",
                            Html.message(
                                    "Too many consents are being checked right now; try again in a minute by reloading this"
                                            + " page. Nothing was recorded, and the consent link still works.",
                                    true),
                            false));
            return;
        }
        ctx.redirect(STATUS + "/" + id.get(), HttpStatus.SEE_OTHER);
    }

    private void status(Context ctx) {
        Optional<Optional<ConsentChecks.Outcome>> check = checks.find(ctx.pathParam("id"));
        if (check.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND)
                    .html(Html.publicPage(
                            "No such consent check",
                            Html.message(
                                    "This consent"
                                            + " check is unknown or over (outcomes are kept "
                                            + ConsentChecks.KEPT_FOR.toMinutes()
                                            + " minutes). Open a new consent link if consent is still needed.",
                                    true),
                            false));
        } else if (check.get().isEmpty()) {
            ctx.html(Html.publicPage(
                    "Checking the consent…",
                    "<p id=\"checking\">Checking with Microsoft that the consent"
                            + " took effect. This can take up to 15 minutes while Microsoft propagates it; this page refreshes"
                            + " itself.</p>",
                    true));
        } else {
            ctx.html(
                    Html.publicPage(check.get().get().title(), check.get().get().body(), false));
        }
    }

    /**
     * Runs on a {@link ConsentChecks} worker: confirms a proven consent (waiting for Microsoft's propagation) and,
     * only when granted, creates and maps the company.
     */
    private ConsentChecks.Outcome outcome(ConsentResult proof) {
        ConsentResult result = proof instanceof ConsentResult.Proven proven
                ? portal.onboarding().consent().verify(proven.credentialName(), proven.tenant(), proven.companyId())
                : proof;
        if (!(result instanceof ConsentResult.Granted granted)) {
            return new ConsentChecks.Outcome("Consent not completed", Html.message(result.message(), true));
        }
        StringBuilder body = new StringBuilder(
                        "<p class=\"ok\" id=\"verified\">Verified: an app-only token was issued" + " for tenant ")
                .append(Html.esc(granted.tenant()))
                .append(".</p>")
                .append("<p>Permissions granted: ")
                .append(Html.esc(String.join(", ", granted.permissions())))
                .append("</p>");
        String companyId = granted.consent().companyId();
        if (companyId != null && companyId.startsWith(NEW_COMPANY)) {
            body.append(connectNewCompany(companyId.substring(NEW_COMPANY.length()), granted));
        } else if (companyId != null) {
            body.append(connectExistingCompany(companyId, granted));
        }
        return new ConsentChecks.Outcome("Tenant connected", body.toString());
    }

    private String connectNewCompany(String name, ConsentResult.Granted granted) {
        synchronized (portal.companies()) {
            Optional<TenantMapping> existing = portal.db().mapper().findByTenant(granted.tenant());
            if (existing.isPresent()) {
                return "<p id=\"already-connected\">This tenant is already connected to "
                        + Html.esc(portal.companies().name(existing.get().companyId()))
                        + "; no company was created.</p>";
            }
            // A retry after a declined or cancelled consent, or a second link for the same name, connects the
            // company left unconnected rather than creating a second one of that name.
            String companyId = portal.companies().list().stream()
                    .filter(c -> c.name().equalsIgnoreCase(name))
                    .filter(c -> portal.db().mapper().findByCompany(c.id()).isEmpty())
                    .map(CompanyBook.Company::id)
                    .findFirst()
                    .orElseGet(() -> portal.companies().create(name, null));
            return map(companyId, name, granted);
        }
    }

    private String connectExistingCompany(String companyId, ConsentResult.Granted granted) {
        synchronized (portal.companies()) {
            Optional<TenantMapping> existing = portal.db().mapper().findByTenant(granted.tenant());
            if (existing.isPresent()) {
                return "<p id=\"already-connected\">This tenant is already connected to "
                        + Html.esc(portal.companies().name(existing.get().companyId())) + ".</p>";
            }
            if (portal.companies().find(companyId).isEmpty()) {
                return Html.message("The company this consent was for no longer exists; nothing was connected.", true);
            }
            return map(companyId, portal.companies().name(companyId), granted);
        }
    }

    private String map(String companyId, String name, ConsentResult.Granted granted) {
        try {
            portal.db()
                    .mapper()
                    .map(new TenantMapping(
                            companyId,
                            granted.tenant(),
                            granted.consent().credentialName(),
                            name,
                            null,
                            EnumSet.allOf(Dataset.class),
                            false));
        } catch (MappingConflictException e) {
            return Html.message(e.getMessage(), true);
        }
        return "<p id=\"connected\">" + Html.esc(name) + " is connected.</p>";
    }
}
