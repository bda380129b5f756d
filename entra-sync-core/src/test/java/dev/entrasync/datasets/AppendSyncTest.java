package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.SyncConfig;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Audit logs and secure scores append from their watermark: an overlap for late events, nothing twice. */
class AppendSyncTest {

    private final DatasetsFixture fx = new DatasetsFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private List<RecordedCall> calls(String path) {
        return fx.httpCalls().stream().filter(c -> c.path().equals(path)).toList();
    }

    @Test
    void auditLogsResumeFromTheWatermarkMinusTheOverlapAndStoreNothingTwice() {
        SimulatedTenant tenant = fx.tenant("Contoso", 40, 5, 6);
        Instant start = fx.sim.time.instant();
        fx.sync(tenant, Set.of(Dataset.AUDIT_LOGS));
        List<EntraAuditEvent> first = fx.records(tenant, Dataset.AUDIT_LOGS);
        Instant newest = first.stream()
                .map(EntraAuditEvent::activityDateTime)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Checkpoint checkpoint = fx.checkpoints
                .load(TenantId.of(tenant.id()), Dataset.AUDIT_LOGS)
                .orElseThrow();
        int served = fx.probe(tenant).list("auditLogs/directoryAudits?$top=999").size();
        fx.sim.cloud.clearCalls();
        fx.sim.time.advance(Duration.ofHours(6));

        DatasetResult second = fx.sync(tenant, Set.of(Dataset.AUDIT_LOGS))
                .dataset(Dataset.AUDIT_LOGS)
                .orElseThrow();

        assertThat(first).hasSize(served);
        assertThat(first.stream().map(EntraAuditEvent::activityDateTime))
                .allSatisfy(t -> assertThat(t).isAfterOrEqualTo(start.minus(Duration.ofDays(30))));
        assertThat(checkpoint.watermark()).isEqualTo(newest);
        assertThat(calls("/v1.0/auditLogs/directoryAudits")).singleElement().satisfies(c -> {
            assertThat(c.queryParam("$filter"))
                    .isEqualTo("activityDateTime ge "
                            + newest.minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(c.queryParam("$top")).isEqualTo("999");
        });
        long inOverlap = first.stream()
                .filter(e -> !e.activityDateTime()
                        .isBefore(newest.minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
                .count();
        assertThat(second.rowsUpserted()).isEqualTo(inOverlap).isPositive();
        assertThat(fx.<EntraAuditEvent>records(tenant, Dataset.AUDIT_LOGS)).isEqualTo(first);
        assertThat(fx.checkpoints.load(TenantId.of(tenant.id()), Dataset.AUDIT_LOGS))
                .contains(checkpoint);
    }

    @Test
    void theFirstRunReachesBackAsFarAsConfigured() {
        fx.config = SyncConfig.custom().firstRunLookback(Duration.ofDays(2)).build();
        SimulatedTenant tenant = fx.tenant("Contoso", 40, 5, 6);

        fx.sync(tenant, Set.of(Dataset.AUDIT_LOGS));

        Instant from = fx.sim.time.instant().minus(Duration.ofDays(2));
        List<EntraAuditEvent> events = fx.records(tenant, Dataset.AUDIT_LOGS);
        assertThat(events)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.activityDateTime()).isAfterOrEqualTo(from));
        assertThat(events).hasSize((int) fx.probe(tenant).list("auditLogs/directoryAudits?$top=999").stream()
                .filter(e -> !Instant.parse(e.get("activityDateTime").asText()).isBefore(from))
                .count());
    }

    @Test
    void secureScoresAskOnlyForTheDaysSinceTheLastSnapshot() {
        SimulatedTenant tenant = fx.tenant("Contoso", 40, 5, 6);
        fx.sync(tenant, Set.of(Dataset.SECURE_SCORES));
        List<EntraRecord> first = fx.records(tenant, Dataset.SECURE_SCORES);
        Instant newest = first.stream()
                .filter(r -> r instanceof EntraSecureScore)
                .map(r -> ((EntraSecureScore) r).createdDateTime())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        fx.sim.cloud.clearCalls();
        fx.sim.time.advance(Duration.ofDays(2));

        DatasetResult second = fx.sync(tenant, Set.of(Dataset.SECURE_SCORES))
                .dataset(Dataset.SECURE_SCORES)
                .orElseThrow();

        assertThat(second.mode()).isEqualTo(DatasetResult.Mode.APPEND);
        long days = Duration.between(newest, fx.sim.time.instant()).toDays() + 1;
        assertThat(calls("/v1.0/security/secureScores"))
                .singleElement()
                .satisfies(c -> assertThat(c.queryParam("$top")).isEqualTo(Long.toString(days)));
        assertThat(fx.<EntraRecord>records(tenant, Dataset.SECURE_SCORES)).isEqualTo(first);
    }
}
