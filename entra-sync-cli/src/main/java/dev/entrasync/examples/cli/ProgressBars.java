package dev.entrasync.examples.cli;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One progress bar per running job: it steps once per finished dataset and shows the dataset being fetched
 * with its rows so far. Driven by the engine's {@link SyncListener} events, from its worker threads. On a
 * terminal the bars go to standard error (standard output stays for the summary).
 */
final class ProgressBars implements SyncListener, AutoCloseable {

    private final Map<String, ProgressBar> bars = new ConcurrentHashMap<>();
    private final Function<SyncJob, String> label;
    private final Supplier<ProgressBarConsumer> consumers;

    /**
     * @param label the name to show for a job's tenant
     * @param consumers where each new bar is drawn, or null for the terminal's standard error
     */
    ProgressBars(Function<SyncJob, String> label, Supplier<ProgressBarConsumer> consumers) {
        this.label = label;
        this.consumers = consumers;
    }

    /** Bars on standard error when it is a terminal and bars are wanted; else a listener that draws nothing. */
    static SyncListener forTerminal(boolean wanted, Function<SyncJob, String> label) {
        return wanted && System.console() != null ? new ProgressBars(label, null) : new SyncListener() {};
    }

    @Override
    public void jobStarted(SyncJob job) {
        bars.computeIfAbsent(job.id(), id -> {
            ProgressBarBuilder builder = new ProgressBarBuilder()
                    .setTaskName(String.format("%-14.14s", label.apply(job)))
                    .setInitialMax(job.datasets().size())
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" datasets", 1)
                    .setUpdateIntervalMillis(100)
                    .setMaxRenderedLength(100);
            return (consumers == null ? builder : builder.setConsumer(consumers.get())).build();
        });
    }

    @Override
    public void datasetProgress(SyncJob job, Dataset dataset, long rowsSoFar, long pages) {
        ProgressBar bar = bars.get(job.id());
        if (bar != null) {
            bar.setExtraMessage(dataset.key() + " " + rowsSoFar + " rows");
        }
    }

    @Override
    public void datasetFinished(SyncJob job, DatasetResult result) {
        ProgressBar bar = bars.get(job.id());
        if (bar != null) {
            bar.setExtraMessage(result.dataset().key() + " "
                    + (result.status() == DatasetResult.Status.FAILED ? "failed" : result.rowsUpserted() + " rows"));
            bar.step();
        }
    }

    @Override
    public void jobFinished(SyncJob job) {
        ProgressBar bar = bars.remove(job.id());
        if (bar != null) {
            bar.setExtraMessage(job.status().toString());
            bar.close();
        }
    }

    @Override
    public void close() {
        bars.values().forEach(ProgressBar::close);
        bars.clear();
    }
}
