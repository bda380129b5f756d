package dev.entrasync.internal.graph;

import static dev.entrasync.GraphPermission.POLICY_READ_ALL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.GraphException;
import dev.entrasync.LicenseRequiredException;
import dev.entrasync.SyncConfig;
import dev.entrasync.model.ConditionalAccessGrant;
import dev.entrasync.model.ConditionalAccessSession;
import dev.entrasync.model.EntraConditionalAccessPolicy;
import dev.entrasync.model.EntraSecurityDefaults;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /identity/conditionalAccess/policies} and {@code /policies/identitySecurityDefaultsEnforcementPolicy}
 * (permission Policy.Read.All for both: https://learn.microsoft.com/graph/api/conditionalaccessroot-list-policies,
 * https://learn.microsoft.com/graph/api/identitysecuritydefaultsenforcementpolicy-get), both in one {@code $batch}:
 * one request for a tenant (a tenant holds at most 195 policies, and Graph pages them itself; a next link, should one
 * come, is followed). Both support {@code $select}, so only the fields kept are asked for. The list documents no
 * {@code $top} maximum, so none is sent. Always a full run: there is no delta for either.
 *
 * <p>Conditional Access needs Microsoft Entra ID P1. A tenant without it has no Conditional Access: when Graph refuses
 * the policies with its licence error (403 {@code Authentication_RequestFromNonPremiumTenantOrB2CTenant}, the code
 * Graph uses for P1-gated Entra data; Microsoft's list-policies page documents no licence error of its own) the
 * dataset warns "no Conditional Access" and still stores the security defaults, which every tenant has. A missing
 * Policy.Read.All fails the dataset as any missing permission does.
 */
final class ConditionalAccessFetcher implements DatasetFetcher {

    /** The policies' {@code $select} list: exactly the fields kept (the lists and controls are inside these). */
    static final String POLICY_SELECT =
            "id,displayName,state,createdDateTime,modifiedDateTime,conditions,grantControls,sessionControls";

    /** The security defaults' {@code $select} list. */
    static final String DEFAULTS_SELECT = "id,displayName,isEnabled";

    static final String POLICIES = "/identity/conditionalAccess/policies?$select=" + POLICY_SELECT;
    static final String DEFAULTS = "/policies/identitySecurityDefaultsEnforcementPolicy?$select=" + DEFAULTS_SELECT;

    static final List<String> PERMISSIONS = PermissionNames.of(POLICY_READ_ALL);

    @Override
    public Dataset dataset() {
        return Dataset.CONDITIONAL_ACCESS;
    }

    @Override
    public Mode plan(Checkpoint previous, SyncConfig config, Instant now) {
        return Mode.FULL;
    }

    @Override
    public Checkpoint fetch(FetchContext context) {
        TenantGraph graph = context.graph();
        Map<String, GraphBatch.Answer> answers = GraphBatch.sendEach(
                graph, GraphBatch.items(List.of(POLICIES, DEFAULTS), Map.of()), PERMISSIONS, context.stats());
        GraphBatch.Answer defaults = answers.get("2");
        if (defaults.refusal() != null) {
            throw defaults.refusal();
        }
        GraphBatch.Answer policies = answers.get("1");
        if (policies.refusal() instanceof LicenseRequiredException e) {
            context.warn(unlicensed(graph.tenant(), e.license()));
        } else if (policies.refusal() != null) {
            throw policies.refusal();
        } else {
            if (policies.body() == null || !policies.body().path("value").isArray()) {
                throw malformed(graph.tenant(), POLICIES, "'value' is not an array");
            }
            List<EntraConditionalAccessPolicy> read = new ArrayList<>();
            for (JsonNode policy : policies.body().path("value")) {
                read.add(policy(policy, graph.tenant()));
            }
            context.writer().upsert(read);
            String next = Json.text(policies.body(), "@odata.nextLink");
            if (next != null) {
                GraphPager.forEachPage(
                        graph,
                        GraphPager.link(graph, next, "@odata.nextLink", "/v1.0" + POLICIES),
                        p -> policy(p.readValueAsTree(), graph.tenant()),
                        Priority.LOW,
                        PERMISSIONS,
                        context.stats(),
                        page -> context.writer().upsert(page.items()));
            }
        }
        context.writer().upsert(List.of(securityDefaults(defaults.body(), graph.tenant())));
        return null;
    }

    /** The warning of a tenant without P1: no Conditional Access, security defaults still read. */
    static String unlicensed(String tenant, String license) {
        return "Tenant " + tenant + " has no Conditional Access: it has no " + license + ", which Conditional Access"
                + " needs, so no policies were stored (security defaults were read and stored). Fix: nothing to fix in"
                + " entra-sync; to protect sign-ins with Conditional Access, license the tenant for " + license
                + " or P2 (or a suite that includes it, such as Microsoft 365 Business Premium), otherwise keep"
                + " security defaults on.";
    }

    static EntraSecurityDefaults securityDefaults(JsonNode body, String tenant) {
        String id = body == null ? null : Json.text(body, "id");
        if (id == null) {
            throw malformed(tenant, DEFAULTS, "an identitySecurityDefaultsEnforcementPolicy without an id");
        }
        return new EntraSecurityDefaults(id, Json.text(body, "displayName"), Json.bool(body, "isEnabled"));
    }

    static EntraConditionalAccessPolicy policy(JsonNode p, String tenant) {
        String id = Json.text(p, "id");
        if (id == null || !p.isObject()) {
            throw malformed(tenant, POLICIES, "a conditionalAccessPolicy without an id");
        }
        try {
            JsonNode users = p.path("conditions").path("users");
            JsonNode apps = p.path("conditions").path("applications");
            return new EntraConditionalAccessPolicy(
                    id,
                    Json.text(p, "displayName"),
                    Json.text(p, "state"),
                    Json.instant(p, "createdDateTime"),
                    Json.instant(p, "modifiedDateTime"),
                    Json.strings(users, "includeUsers"),
                    Json.strings(users, "excludeUsers"),
                    Json.strings(users, "includeGroups"),
                    Json.strings(users, "excludeGroups"),
                    Json.strings(users, "includeRoles"),
                    Json.strings(users, "excludeRoles"),
                    Json.strings(apps, "includeApplications"),
                    Json.strings(apps, "excludeApplications"),
                    Json.strings(apps, "includeUserActions"),
                    Json.strings(p.path("conditions"), "clientAppTypes"),
                    grant(p.path("grantControls")),
                    session(p.path("sessionControls")));
        } catch (IOException e) {
            throw malformed(tenant, POLICIES, "policy " + id + ": " + e.getMessage());
        }
    }

    private static ConditionalAccessGrant grant(JsonNode g) {
        if (!g.isObject()) {
            return ConditionalAccessGrant.NONE;
        }
        JsonNode strength = g.path("authenticationStrength");
        return new ConditionalAccessGrant(
                Json.text(g, "operator"),
                Json.strings(g, "builtInControls"),
                strength.isObject() ? Json.text(strength, "id") : null,
                strength.isObject() ? Json.text(strength, "displayName") : null);
    }

    private static ConditionalAccessSession session(JsonNode s) {
        if (!s.isObject()) {
            return ConditionalAccessSession.NONE;
        }
        JsonNode frequency = enabled(s.path("signInFrequency"));
        JsonNode browser = enabled(s.path("persistentBrowser"));
        JsonNode cloudApps = enabled(s.path("cloudAppSecurity"));
        JsonNode restrictions = enabled(s.path("applicationEnforcedRestrictions"));
        return new ConditionalAccessSession(
                frequency == null ? null : Json.integer(frequency, "value"),
                frequency == null ? null : Json.text(frequency, "type"),
                frequency == null ? null : Json.text(frequency, "frequencyInterval"),
                browser == null ? null : Json.text(browser, "mode"),
                cloudApps == null ? null : Json.text(cloudApps, "cloudAppSecurityType"),
                restrictions == null ? null : Boolean.TRUE,
                Json.bool(s, "disableResilienceDefaults"));
    }

    /** A session control that is set and enabled, or null. */
    private static JsonNode enabled(JsonNode control) {
        return control.isObject() && Boolean.TRUE.equals(Json.bool(control, "isEnabled")) ? control : null;
    }

    private static GraphException malformed(String tenant, String path, String what) {
        return GraphErrors.malformed(tenant, "/v1.0" + path, what);
    }
}
