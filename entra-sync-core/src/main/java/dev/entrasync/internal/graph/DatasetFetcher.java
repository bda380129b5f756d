package dev.entrasync.internal.graph;

import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.SyncConfig;
import java.time.Instant;

/** Reads one dataset of one tenant from Graph into a {@link RecordWriter}. Implementations are stateless and thread-safe. */
public interface DatasetFetcher {

    /** The dataset it reads. */
    Dataset dataset();

    /**
     * How this run will fetch, given what the last completed run saved.
     *
     * @param previous the saved checkpoint, or null
     */
    Mode plan(Checkpoint previous, SyncConfig config, Instant now);

    /**
     * Reads the dataset in {@link FetchContext#mode()} and writes it.
     *
     * @return the checkpoint to save once the sink completed, or null to keep the previous one
     * @throws DeltaTokenExpiredException when the saved delta link was rejected (the engine redoes the run as a full round)
     * @throws dev.entrasync.GraphException typed, when Graph refused or failed
     */
    Checkpoint fetch(FetchContext context);
}
