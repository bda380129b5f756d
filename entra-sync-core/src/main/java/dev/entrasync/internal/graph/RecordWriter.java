package dev.entrasync.internal.graph;

import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.RecordPatch;
import java.util.Collection;
import java.util.List;

/** Where a fetcher puts what it read: the engine's wrapper around the dataset's sink session. Empty lists are ignored. */
public interface RecordWriter {

    /** Whole records. */
    void upsert(List<? extends EntraRecord> records);

    /** Partial records (delta items, derived-field refreshes). */
    void merge(List<? extends RecordPatch<?>> patches);

    /** Removed object ids. */
    void remove(Collection<String> ids);
}
