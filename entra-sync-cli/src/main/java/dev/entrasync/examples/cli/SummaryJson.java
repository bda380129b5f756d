package dev.entrasync.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.entrasync.DatasetResult;
import dev.entrasync.SyncJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sync --summary-json FILE}: a JSON array with one object per tenant — {@code tenant}, {@code status}
 * (the job's, or {@code NOT_SYNCED} when no token could be had), {@code reason}, and {@code datasets} keyed by
 * dataset with {@code status}, {@code mode}, {@code rows}, {@code removed}, {@code requests},
 * {@code throttledResponses}, {@code unavailableResponses} (503s), {@code reason} and {@code warnings}.
 */
final class SummaryJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {}

    /** One tenant's object. */
    record Entry(String tenant, String status, String reason, Map<String, Map<String, Object>> datasets) {

        static Entry of(SyncJob job) {
            Map<String, Map<String, Object>> datasets = new LinkedHashMap<>();
            for (DatasetResult r : job.results()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("status", r.status().name());
                d.put("mode", r.mode().name());
                d.put("rows", r.rowsUpserted());
                d.put("removed", r.rowsRemoved());
                d.put("requests", r.requests());
                d.put("throttledResponses", r.throttledResponses());
                d.put("unavailableResponses", r.unavailableResponses());
                d.put("reason", r.error());
                d.put("warnings", r.warnings());
                datasets.put(r.dataset().key(), d);
            }
            return new Entry(job.tenant().value(), job.status().name(), job.reason(), datasets);
        }

        static Entry unreachable(String tenant, String reason) {
            return new Entry(tenant, "NOT_SYNCED", reason, Map.of());
        }
    }

    static void write(Path file, List<Entry> entries) throws IOException {
        JSON.writeValue(file.toFile(), entries);
    }
}
