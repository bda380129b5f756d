package dev.entrasync.internal.onboarding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.entrasync.GraphException;
import dev.entrasync.GraphPermission;
import dev.entrasync.internal.auth.TenantIds;
import dev.entrasync.internal.graph.GraphPager;
import dev.entrasync.internal.graph.ItemReader;
import dev.entrasync.internal.graph.Json;
import dev.entrasync.internal.graph.Priority;
import dev.entrasync.internal.graph.RequestStats;
import dev.entrasync.internal.graph.TenantGraph;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CSP partner's customers, read in the partner's own tenant: GDAP
 * ({@code /tenantRelationships/delegatedAdminCustomers}, DelegatedAdminRelationship.Read.All, pages
 * of 300), and when that fails or lists nobody, the legacy DAP {@code /contracts}
 * (Directory.Read.All).
 */
public final class PartnerCustomers {

    /** One customer. {@code displayName} and {@code defaultDomain} may be null. */
    public record Customer(String tenantId, String displayName, String defaultDomain, boolean fromGdap) {}

    private static final Logger LOG = LoggerFactory.getLogger(PartnerCustomers.class);
    static final String GDAP = "tenantRelationships/delegatedAdminCustomers?$select=id,tenantId,displayName&$top=300";
    static final String CONTRACTS = "contracts?$select=customerId,displayName,defaultDomainName";

    private PartnerCustomers() {}

    /**
     * The partner's customers, GDAP first, contracts as the fallback.
     *
     * @throws GraphException when both lists fail; its message names both failures and the fix
     */
    public static List<Customer> list(TenantGraph partner, Priority priority, RequestStats stats) {
        GraphException gdapFailure = null;
        try {
            List<Customer> gdap = read(
                    partner,
                    GDAP,
                    PartnerCustomers::gdap,
                    GraphPermission.DELEGATED_ADMIN_RELATIONSHIP_READ_ALL,
                    priority,
                    stats);
            if (!gdap.isEmpty()) {
                return gdap;
            }
            LOG.info("Partner tenant {} lists no GDAP customers; trying the legacy contracts list", partner.tenant());
        } catch (GraphException e) {
            gdapFailure = e;
            LOG.info(
                    "Partner tenant {}: GDAP customers unavailable ({}); trying the legacy contracts list",
                    partner.tenant(),
                    e.getMessage());
        }
        try {
            return read(
                    partner,
                    CONTRACTS,
                    PartnerCustomers::contract,
                    GraphPermission.DIRECTORY_READ_ALL,
                    priority,
                    stats);
        } catch (GraphException e) {
            if (gdapFailure == null) {
                throw e;
            }
            throw new GraphException(
                    "Could not list the CSP partner's customers in tenant " + partner.tenant()
                            + ". GDAP: " + gdapFailure.getMessage() + " Contracts (legacy DAP): " + e.getMessage()
                            + " Fix: add DelegatedAdminRelationship.Read.All (Microsoft Graph, Application) to the app"
                            + " registration and grant admin consent in the partner tenant.",
                    gdapFailure.status(),
                    gdapFailure.errorCode().orElse(null),
                    TenantIds.orNull(partner.tenant()),
                    gdapFailure.requestPath().orElse(null),
                    gdapFailure.isTransient() && e.isTransient(),
                    gdapFailure);
        }
    }

    private static List<Customer> read(
            TenantGraph partner,
            String relative,
            ItemReader<Customer> reader,
            GraphPermission permission,
            Priority priority,
            RequestStats stats) {
        List<Customer> out = new ArrayList<>();
        GraphPager.forEachPage(
                partner,
                partner.v1(relative),
                reader,
                priority,
                List.of(permission.value()),
                stats,
                page -> page.items().stream().filter(c -> c.tenantId() != null).forEach(out::add));
        return out;
    }

    private static Customer gdap(JsonParser p) throws IOException {
        String id = null;
        String tenantId = null;
        String name = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = Json.text(p);
                case "tenantId" -> tenantId = Json.text(p);
                case "displayName" -> name = Json.text(p);
                default -> p.skipChildren();
            }
        }
        return new Customer(tenantId != null ? tenantId : id, name, null, true);
    }

    private static Customer contract(JsonParser p) throws IOException {
        String tenantId = null;
        String name = null;
        String domain = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "customerId" -> tenantId = Json.text(p);
                case "displayName" -> name = Json.text(p);
                case "defaultDomainName" -> domain = Json.text(p);
                default -> p.skipChildren();
            }
        }
        return new Customer(tenantId, name, domain, false);
    }
}
