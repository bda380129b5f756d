package dev.entrasync.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole benchmark on a tiny fleet, every run and both sides, so the build compiles and
 * exercises it. Figures are checked for consistency, never for speed.
 */
class BenchmarkMainTest {

    @Test
    void aTinyFleetRunsEverySideAndWritesConsistentFigures(@TempDir Path dir) {
        Path json = dir.resolve("benchmark.json");
        String[] args = {
            "--runs",
            "fleet,large,throttled",
            "--tenants",
            "3",
            "--seed",
            "7",
            "--latency-ms",
            "1",
            "--latency-per-object-us",
            "0",
            "--naive-time-scale",
            "5",
            "--naive-slices",
            "2",
            "--large-users",
            "400",
            "--throttled-tenants",
            "3",
            "--throttled-time-scale",
            "5",
            "--throttled-max-attempts",
            "20",
            "--out",
            json.toString(),
            "--work-dir",
            dir.resolve("work").toString()
        };

        int exit = new CommandLine(new BenchmarkMain(args)).execute(args);

        assertThat(exit).isZero();
        BenchmarkReport report = Json.read(json, BenchmarkReport.class);
        FleetReport fleet = report.fleet();
        assertThat(fleet.tenants()).isEqualTo(3);
        assertThat(fleet.sides()).extracting(SideReport::side).containsExactly("entra-sync", "naive");
        SideReport entraSync = fleet.sides().get(0);
        SideReport naive = fleet.sides().get(1);
        assertThat(List.of(entraSync, naive)).allSatisfy(side -> {
            assertThat(side.failedTenants())
                    .as("failed tenants of %s: %s", side.side(), side.failures())
                    .isZero();
            assertThat(side.requests()).isGreaterThanOrEqualTo(fleet.lowerBound());
            assertThat(side.rowsByDataset().get("users")).isEqualTo(fleet.users());
        });
        assertThat(entraSync.serverRequests())
                .isEqualTo(entraSync.requests() + entraSync.resync().requests());
        assertThat(naive.serverRequests()).isEqualTo(naive.requests());
        assertThat(naive.requests()).isGreaterThan(fleet.users());
        for (String dataset : List.of("devices", "groups", "licenses", "roles", "secure_scores", "tenant_profile")) {
            assertThat(naive.rowsByDataset().get(dataset))
                    .as(dataset)
                    .isEqualTo(entraSync.rowsByDataset().get(dataset));
        }
        assertThat(naive.accounting().slices()).isEqualTo(2);
        assertThat(fleet.naiveOverEntraSync()).isPositive();

        LargeTenantReport large = report.largeTenant();
        assertThat(large.failedTenants()).isZero();
        assertThat(large.rowsByDataset().get("users")).isEqualTo(400);
        assertThat(large.heapLimit()).isEqualTo("256m");

        ThrottledReport throttled = report.throttled();
        assertThat(throttled.maxAttempts()).isEqualTo(20);
        assertThat(throttled.failedTenants()).as("%s", throttled.failures()).isZero();
        assertThat(throttled.throttled()).isPositive().isEqualTo(throttled.serverThrottled());
        assertThat(throttled.rowsWrong()).as("%s", throttled.examples()).isZero();
        assertThat(throttled.rowsCompared()).isPositive().isEqualTo(throttled.succeededRowsCompared());
        assertThat(throttled.failedDatasets()).isZero();
        assertThat(throttled.simulationRowsWrong())
                .as("%s", throttled.examples())
                .isZero();
        assertThat(entraSync.requestsByDataset())
                .containsOnlyKeys(entraSync.resync().requestsByDataset().keySet());
        assertThat(ReportTable.render(report))
                .contains("naive / entra-sync wall time", "requests by dataset", "Large tenant", "Throttled");
    }
}
