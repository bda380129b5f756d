package dev.entrasync.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/** Renders a {@link BenchmarkReport} as the plain-text tables the run prints (and BENCHMARKS.md quotes). */
final class ReportTable {

    private ReportTable() {}

    static String render(BenchmarkReport report) {
        StringBuilder out = new StringBuilder();
        Machine m = report.machine();
        out.append(String.format(
                Locale.ROOT,
                "Machine: %d cores, %,d MiB, %s, %s; load average %.1f at start, %.1f"
                        + " on average during the run, %.1f at most%n%n",
                m.cores(),
                m.memoryMiB(),
                m.java(),
                m.os(),
                m.loadAverage(),
                report.load().mean(),
                report.load().max()));
        if (report.probe() != null) {
            probe(out, report.probe());
        }
        if (report.fleet() != null) {
            fleet(out, report.fleet());
        }
        if (report.largeTenant() != null) {
            large(out, report.largeTenant());
        }
        if (report.throttled() != null) {
            throttled(out, report.throttled());
        }
        return out.toString();
    }

    private static void probe(StringBuilder out, List<SimulatorProbe.Probe> probes) {
        out.append("Simulated Graph alone (trivial OkHttp client, no latency): requests/s\n");
        out.append(String.format(Locale.ROOT, "  %-72s %8s %10s%n", "request", "in flight", "requests/s"));
        for (SimulatorProbe.Probe p : probes) {
            out.append(String.format(
                    Locale.ROOT, "  %-72s %8d %,10.0f%n", p.request(), p.concurrency(), p.requestsPerSecond()));
        }
        out.append('\n');
    }

    private static void fleet(StringBuilder out, FleetReport f) {
        FleetRun.Options o = f.options();
        out.append(String.format(
                Locale.ROOT,
                "Fleet: %,d tenants, %,d users (largest %,d), lower bound %,d requests;"
                        + " latency %s ms + %s µs per object; Graph throttling %s; seed %d%n",
                f.tenants(),
                f.users(),
                f.largestTenant(),
                f.lowerBound(),
                num(o.latency().toNanos() / 1e6),
                num(o.latencyPerObject().toNanos() / 1e3),
                o.throttling() ? "on" : "off",
                o.seed()));
        for (FleetReport.Band band : f.bands()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  tenants of %,d%s users: %,d with %,d users%n",
                    band.from(),
                    band.to() == Integer.MAX_VALUE ? " or more" : " to " + String.format(Locale.ROOT, "%,d", band.to()),
                    band.tenants(),
                    band.users()));
        }
        List<SideReport> sides = f.sides();
        row(out, "", sides, SideReport::side);
        row(out, "wall time (simulated)", sides, s -> String.format(Locale.ROOT, "%,.1f s", s.wallSeconds()));
        row(
                out,
                "  time scale / real seconds",
                sides,
                s -> num(s.timeScale()) + " / " + String.format(Locale.ROOT, "%,.1f", s.realSeconds()));
        if (sides.stream().anyMatch(s -> s.accounting() != null)) {
            row(
                    out,
                    "  simulated latency",
                    sides,
                    s -> s.accounting() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT, "%,.1f s", s.accounting().latencySeconds()));
            row(
                    out,
                    "  retry sleeps",
                    sides,
                    s -> s.accounting() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT, "%,.1f s", s.accounting().retrySleepSeconds()));
            row(
                    out,
                    "  client and simulator (real)",
                    sides,
                    s -> s.accounting() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT, "%,.1f s", s.accounting().overheadSeconds()));
            row(
                    out,
                    "  loops at once / elapsed",
                    sides,
                    s -> s.accounting() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "%d / %,.1f s",
                                    s.accounting().slices(),
                                    s.accounting().elapsedSeconds()));
        }
        row(
                out,
                "requests sent (server counted)",
                sides,
                s -> String.format(Locale.ROOT, "%,d (%,d)", s.requests(), s.serverRequests()));
        row(
                out,
                "requests per tenant (lower bound)",
                sides,
                s -> String.format(Locale.ROOT, "%.1f (%.1f)", s.requestsPerTenant(), s.lowerBoundPerTenant()));
        row(out, "requests / lower bound", sides, s -> String.format(Locale.ROOT, "%.3f", s.overLowerBound()));
        row(out, "429s received", sides, s -> String.format(Locale.ROOT, "%,d", s.throttled()));
        row(out, "failed tenants", sides, s -> Integer.toString(s.failedTenants()));
        row(
                out,
                "peak heap",
                sides,
                s -> String.format(Locale.ROOT, "%,.0f MiB (-Xmx%s)", s.peakHeapMiB(), s.heapLimit()));
        TreeSet<String> datasets = new TreeSet<>();
        sides.forEach(s -> datasets.addAll(s.rowsByDataset().keySet()));
        for (String dataset : datasets) {
            row(
                    out,
                    "rows: " + dataset,
                    sides,
                    s -> String.format(Locale.ROOT, "%,d", s.rowsByDataset().getOrDefault(dataset, 0L)));
        }
        for (SideReport s : sides) {
            if (s.resync() != null) {
                SideReport.Resync r = s.resync();
                out.append(String.format(
                        Locale.ROOT,
                        "%s unchanged re-sync: %,.1f s, %,d requests (full sync / re-sync"
                                + " = %.2f), %d failed tenants%n",
                        s.side(),
                        r.wallSeconds(),
                        r.requests(),
                        r.fullOverResync(),
                        r.failedTenants()));
                out.append(String.format(
                        Locale.ROOT, "  %-20s %12s %12s%n", "requests by dataset", "full sync", "re-sync"));
                for (String dataset : new TreeSet<>(s.requestsByDataset().keySet())) {
                    out.append(String.format(
                            Locale.ROOT,
                            "  %-20s %,12d %,12d%n",
                            dataset,
                            s.requestsByDataset().get(dataset),
                            r.requestsByDataset().getOrDefault(dataset, 0L)));
                }
            }
            for (String failure : s.failures()) {
                out.append("  ")
                        .append(s.side())
                        .append(" failure: ")
                        .append(failure)
                        .append('\n');
            }
        }
        if (f.naiveOverEntraSync() != null) {
            out.append(String.format(Locale.ROOT, "naive / entra-sync wall time: %.1fx%n", f.naiveOverEntraSync()));
        }
        out.append('\n');
    }

    private static void large(StringBuilder out, LargeTenantReport l) {
        out.append(String.format(
                Locale.ROOT,
                "Large tenant: %,d users, entra-sync with -Xmx%s: peak heap %,.0f MiB,"
                        + " %s; %,.1f s simulated (time scale %s), %,d requests (lower bound %,d), %,d 429s%n",
                l.users(),
                l.heapLimit(),
                l.peakHeapMiB(),
                l.failedTenants() == 0 ? "completed" : "FAILED " + l.failures(),
                l.wallSeconds(),
                num(l.timeScale()),
                l.requests(),
                l.lowerBound(),
                l.throttled()));
        out.append("  rows: ").append(l.rowsByDataset()).append("\n\n");
    }

    private static void throttled(StringBuilder out, ThrottledReport t) {
        out.append(String.format(
                Locale.ROOT,
                "Throttled: %,d tenants, %,d users, %.0f %% of answers turned into 429"
                        + " (Retry-After %s s), %d attempts per failure and %d per run of 429s: %,d 429s received"
                        + " (%,d sent), %,d requests, %d failed tenants; %,.1f s simulated (reference run %,.1f s;"
                        + " time scale %s)%n",
                t.tenants(),
                t.users(),
                t.fraction() * 100,
                num(t.retryAfterSeconds()),
                t.maxAttempts(),
                t.throttledAttempts(),
                t.throttled(),
                t.serverThrottled(),
                t.requests(),
                t.failedTenants(),
                t.wallSeconds(),
                t.referenceWallSeconds(),
                num(t.timeScale())));
        out.append(String.format(
                Locale.ROOT,
                "  rows equal to the reference run: %,d of %,d (in the datasets that"
                        + " succeeded: %,d of %,d; %d datasets failed); users, devices and groups equal to the simulated"
                        + " tenants: %,d of %,d%n",
                t.rowsCompared() - t.rowsWrong(),
                t.rowsCompared(),
                t.succeededRowsCompared() - t.succeededRowsWrong(),
                t.succeededRowsCompared(),
                t.failedDatasets(),
                t.simulationRowsCompared() - t.simulationRowsWrong(),
                t.simulationRowsCompared()));
        for (String example : t.examples()) {
            out.append("  difference: ").append(example).append('\n');
        }
        for (String failure : t.failures()) {
            out.append("  failure: ").append(failure).append('\n');
        }
        out.append('\n');
    }

    private static void row(
            StringBuilder out, String label, List<SideReport> sides, Function<SideReport, String> cell) {
        List<String> cells = new ArrayList<>();
        sides.forEach(s -> cells.add(cell.apply(s)));
        out.append(String.format(Locale.ROOT, "  %-36s", label));
        cells.forEach(c -> out.append(String.format(Locale.ROOT, " %24s", c)));
        out.append('\n');
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
