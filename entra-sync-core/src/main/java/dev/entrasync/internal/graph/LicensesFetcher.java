package dev.entrasync.internal.graph;

import static dev.entrasync.GraphPermission.DIRECTORY_READ_ALL;
import static dev.entrasync.GraphPermission.LICENSE_ASSIGNMENT_READ_ALL;
import static dev.entrasync.GraphPermission.ORGANIZATION_READ_ALL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.LicenseCatalog;
import dev.entrasync.SyncConfig;
import dev.entrasync.model.EntraLicense;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /subscribedSkus} (permission LicenseAssignment.Read.All): the tenant's licences with unit
 * counts, named from the {@link LicenseCatalog}; one request, always a full run. The same list names
 * users' assigned licences.
 */
final class LicensesFetcher implements DatasetFetcher {

    /** The {@code $select} list: exactly the fields kept. */
    static final String SELECT = "skuId,skuPartNumber,capabilityStatus,consumedUnits,prepaidUnits";

    static final List<String> PERMISSIONS =
            PermissionNames.of(LICENSE_ASSIGNMENT_READ_ALL, ORGANIZATION_READ_ALL, DIRECTORY_READ_ALL);

    @Override
    public Dataset dataset() {
        return Dataset.LICENSES;
    }

    @Override
    public Mode plan(Checkpoint previous, SyncConfig config, Instant now) {
        return Mode.FULL;
    }

    @Override
    public Checkpoint fetch(FetchContext context) {
        context.writer().upsert(context.indexes().licenses(context.stats()));
        return null;
    }

    /** Reads every subscribed SKU. */
    static List<EntraLicense> load(TenantGraph graph, LicenseCatalog catalog, RequestStats stats) {
        List<EntraLicense> out = new ArrayList<>();
        GraphPager.forEachPage(
                graph,
                graph.v1("subscribedSkus?$select=" + SELECT),
                p -> read(p.readValueAsTree(), catalog),
                Priority.LOW,
                PERMISSIONS,
                stats,
                page -> out.addAll(page.items()));
        return out;
    }

    private static EntraLicense read(JsonNode sku, LicenseCatalog catalog) throws IOException {
        String skuId = Json.text(sku, "skuId");
        String part = Json.text(sku, "skuPartNumber");
        if (skuId == null || part == null) {
            throw new IOException("a subscribedSku without skuId or skuPartNumber");
        }
        JsonNode units = sku.path("prepaidUnits");
        return new EntraLicense(
                skuId,
                part,
                catalog.nameFor(skuId, part),
                Json.text(sku, "capabilityStatus"),
                units.path("enabled").asInt(),
                sku.path("consumedUnits").asInt(),
                units.path("warning").asInt(),
                units.path("suspended").asInt(),
                units.path("lockedOut").asInt());
    }
}
