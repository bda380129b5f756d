package dev.entrasync.jdbc;

import dev.entrasync.model.EntraRecord;
import java.util.List;

/**
 * One page of a tenant's current records, as {@link JdbcQueries#page} reads it: the records and how many match
 * in all, so a screen can show "41–60 of 1260" and link the other pages.
 *
 * @param records the page's records, at most {@code limit}
 * @param total how many current records match the search in all
 * @param offset how many matching records come before this page
 * @param limit the page size asked for
 * @param <R> the record type
 */
public record RecordPage<R extends EntraRecord>(List<R> records, long total, int offset, int limit) {

    /**
     * Keeps an unmodifiable copy of the records.
     *
     * @param records the page's records, at most {@code limit}; never null
     * @param total how many current records match the search in all
     * @param offset how many matching records come before this page
     * @param limit the page size asked for
     */
    public RecordPage {
        records = List.copyOf(records);
    }
}
