package dev.entrasync.internal.graph;

import static dev.entrasync.GraphPermission.DIRECTORY_READ_ALL;
import static dev.entrasync.GraphPermission.ORGANIZATION_READ_ALL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.SyncConfig;
import dev.entrasync.model.EntraTenantProfile;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /organization} (permission Organization.Read.All): the tenant's name and verified domains;
 * one request, always a full run.
 */
final class TenantProfileFetcher implements DatasetFetcher {

    /** The {@code $select} list: exactly the fields kept. */
    static final String SELECT = "id,displayName,verifiedDomains";

    static final List<String> PERMISSIONS = PermissionNames.of(ORGANIZATION_READ_ALL, DIRECTORY_READ_ALL);

    @Override
    public Dataset dataset() {
        return Dataset.TENANT_PROFILE;
    }

    @Override
    public Mode plan(Checkpoint previous, SyncConfig config, Instant now) {
        return Mode.FULL;
    }

    @Override
    public Checkpoint fetch(FetchContext context) {
        TenantGraph graph = context.graph();
        GraphPager.forEachPage(
                graph,
                graph.v1("organization?$select=" + SELECT),
                p -> read(p.readValueAsTree()),
                Priority.LOW,
                PERMISSIONS,
                context.stats(),
                page -> context.writer().upsert(page.items()));
        return null;
    }

    static EntraTenantProfile read(JsonNode org) throws IOException {
        String id = Json.text(org, "id");
        if (id == null) {
            throw new IOException("an organization without an id");
        }
        String defaultDomain = null;
        String initialDomain = null;
        List<String> domains = new ArrayList<>();
        for (JsonNode domain : org.path("verifiedDomains")) {
            String name = Json.text(domain, "name");
            if (name == null) {
                continue;
            }
            if (Boolean.TRUE.equals(Json.bool(domain, "isDefault"))) {
                defaultDomain = name;
                domains.add(0, name);
            } else {
                domains.add(name);
            }
            if (Boolean.TRUE.equals(Json.bool(domain, "isInitial"))) {
                initialDomain = name;
            }
        }
        return new EntraTenantProfile(id, Json.text(org, "displayName"), defaultDomain, initialDomain, domains);
    }
}
