package dev.entrasync.internal.graph;

import dev.entrasync.Checkpoint;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.SyncConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything one dataset run of one tenant needs: Graph, where to count requests and put records,
 * the previous checkpoint, the mode planned for it, the settings, the run's start time and the
 * tenant's shared indexes. Collects warnings (parts reported as unknown). One thread.
 */
public final class FetchContext {

    private final TenantGraph graph;
    private final RequestStats stats;
    private final RecordWriter writer;
    private final Checkpoint previous;
    private final Mode mode;
    private final SyncConfig config;
    private final Instant startedAt;
    private final TenantIndexes indexes;
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param previous the saved checkpoint, or null
     */
    public FetchContext(
            TenantGraph graph,
            RequestStats stats,
            RecordWriter writer,
            Checkpoint previous,
            Mode mode,
            SyncConfig config,
            Instant startedAt,
            TenantIndexes indexes) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.previous = previous;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.config = Objects.requireNonNull(config, "config");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.indexes = Objects.requireNonNull(indexes, "indexes");
    }

    public TenantGraph graph() {
        return graph;
    }

    public RequestStats stats() {
        return stats;
    }

    public RecordWriter writer() {
        return writer;
    }

    /** The saved checkpoint, or null on a first run. */
    public Checkpoint previous() {
        return previous;
    }

    public Mode mode() {
        return mode;
    }

    public SyncConfig config() {
        return config;
    }

    /** When the tenant's run started (the clock's instant). */
    public Instant startedAt() {
        return startedAt;
    }

    public TenantIndexes indexes() {
        return indexes;
    }

    /** Records a part of the dataset that could only be reported as unknown, with its reason and fix. */
    public void warn(String warning) {
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
