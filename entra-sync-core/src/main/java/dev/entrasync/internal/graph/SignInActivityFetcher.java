package dev.entrasync.internal.graph;

import static dev.entrasync.GraphPermission.AUDIT_LOG_READ_ALL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.LicenseRequiredException;
import dev.entrasync.SyncConfig;
import dev.entrasync.model.EntraSignInActivity;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * {@code /users?$select=id,userPrincipalName,signInActivity} (permissions User.Read.All and AuditLog.Read.All,
 * licence Microsoft Entra ID P1): every user's last interactive, non-interactive and successful sign-in, 500 users to
 * a page, a full run each time.
 *
 * <p>The facts this relies on, from Microsoft's documentation:
 *
 * <ul>
 *   <li>{@code signInActivity} is returned only when {@code $select}-ed, and "when you specify
 *       {@code $select=signInActivity} or {@code $filter=signInActivity} while listing users, the maximum page size is
 *       500" (999 otherwise): https://learn.microsoft.com/graph/api/user-list (the limit was 120 before mid-2025, see
 *       microsoftgraph/microsoft-graph-docs-contrib pull request 9591; a smaller page than asked for is still read
 *       correctly, only with more requests).
 *   <li>It needs AuditLog.Read.All and Entra ID P1 or P2 ("Details for this property require a Microsoft Entra ID
 *       P1 or P2 license and the AuditLog.Read.All permission", the user resource's {@code signInActivity}:
 *       https://learn.microsoft.com/graph/api/resources/user). A tenant without P1 answers 403
 *       {@code Authentication_RequestFromNonPremiumTenantOrB2CTenant}, "Neither tenant is B2C or tenant doesn't have
 *       premium license" (seen in Microsoft Q&amp;A and SDK issues rather than on a reference page: ../shared/GRAPH.md
 *       §1.1), which {@link GraphErrors} turns into a {@link LicenseRequiredException}.
 *   <li>{@code /users/delta} does not document {@code signInActivity} among what it returns or tracks
 *       (https://learn.microsoft.com/graph/api/user-delta; the users' delta query guide,
 *       https://learn.microsoft.com/graph/delta-query-users, does not name it either), and a sign-in is not a change of
 *       the directory object, so it cannot ride on the users dataset's delta rounds.
 *   <li>{@code lastSuccessfulSignInDateTime} exists from 1 December 2023 and is not back-filled; interactive sign-ins
 *       go back to April 2020, non-interactive ones to May 2020; a user with none has no {@code signInActivity}:
 *       https://learn.microsoft.com/graph/api/resources/signinactivity.
 * </ul>
 *
 * <p>Why a dataset of its own, keyed by user id, and not columns of {@code users}: the users dataset is read by delta
 * (a few requests a day for any tenant size), and selecting {@code signInActivity} there is impossible (not a delta
 * property) and on its full rounds would cut the page from 999 users to 500 and make the whole users dataset fail in
 * every tenant without P1; kept apart, sign-in times (which change all day) cost ⌈users/500⌉ requests once a sync,
 * fail or degrade on their own, and join {@code users} on the user id.
 *
 * <p>Without P1 the dataset delivers no record and warns that sign-in activity is unknown: a user is never reported
 * as "never signed in" for want of a licence.
 */
final class SignInActivityFetcher implements DatasetFetcher {

    /** The {@code $select} list: exactly the fields kept. */
    static final String SELECT = "id,userPrincipalName,signInActivity";

    /** Microsoft's largest page when {@code signInActivity} is selected (see the class comment). */
    static final int PAGE_SIZE = 500;

    /**
     * AuditLog.Read.All is what {@code signInActivity} adds to listing users; User.Read.All (or Directory.Read.All),
     * which lists them, is checked by the preflight and needed by the users dataset anyway.
     */
    static final List<String> PERMISSIONS = PermissionNames.of(AUDIT_LOG_READ_ALL);

    @Override
    public Dataset dataset() {
        return Dataset.SIGN_IN_ACTIVITY;
    }

    @Override
    public Mode plan(Checkpoint previous, SyncConfig config, Instant now) {
        return Mode.FULL;
    }

    @Override
    public Checkpoint fetch(FetchContext context) {
        TenantGraph graph = context.graph();
        try {
            GraphPager.forEachPage(
                    graph,
                    graph.v1("users?$select=" + SELECT + "&$top=" + PAGE_SIZE),
                    SignInActivityFetcher::read,
                    Priority.LOW,
                    PERMISSIONS,
                    context.stats(),
                    page -> context.writer().upsert(page.items()));
        } catch (LicenseRequiredException e) {
            context.warn(unlicensed(graph.tenant(), e.license()));
        }
        return null;
    }

    /** The warning of a tenant without P1: unknown, never "never signed in". */
    static String unlicensed(String tenant, String license) {
        return "Sign-in activity is unknown for every user (not \"never signed in\"): tenant " + tenant + " has no "
                + license + ", which Graph's signInActivity needs, so no sign-in times were stored. Fix: license the"
                + " tenant for " + license + " or P2 (or a suite that includes it, such as Microsoft 365 Business"
                + " Premium); the other datasets are synced meanwhile.";
    }

    static EntraSignInActivity read(JsonParser p) throws IOException {
        String id = null;
        String upn = null;
        Instant interactive = null;
        Instant nonInteractive = null;
        Instant successful = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = Json.text(p);
                case "userPrincipalName" -> upn = Json.text(p);
                case "signInActivity" -> {
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            switch (name) {
                                case "lastSignInDateTime" -> interactive = Json.instant(p);
                                case "lastNonInteractiveSignInDateTime" -> nonInteractive = Json.instant(p);
                                case "lastSuccessfulSignInDateTime" -> successful = Json.instant(p);
                                default -> p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "a user without an id");
        }
        return new EntraSignInActivity(id, upn, interactive, nonInteractive, successful);
    }
}
