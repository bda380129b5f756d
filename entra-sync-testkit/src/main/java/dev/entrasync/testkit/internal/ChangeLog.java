package dev.entrasync.testkit.internal;

import java.util.ArrayList;
import java.util.List;

/** A tenant's append-only change log with sequence numbers. Thread-safe (synchronized). */
public final class ChangeLog {
    private final List<Change> changes = new ArrayList<>();
    private long seq;

    /** Returns the sequence number of the latest change, 0 when none. */
    public synchronized long current() {
        return seq;
    }

    /** Appends a change and returns it with its sequence number. */
    public synchronized Change append(
            String collection,
            String id,
            Change.Kind kind,
            java.util.Set<String> properties,
            String memberId,
            String memberType) {
        Change change = new Change(++seq, collection, id, kind, java.util.Set.copyOf(properties), memberId, memberType);
        changes.add(change);
        return change;
    }

    /** Returns the changes of {@code collection} with {@code after < seq <= upTo}, in order. */
    public synchronized List<Change> between(String collection, long after, long upTo) {
        List<Change> out = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0 && changes.get(i).seq() > after; i--) {
            Change c = changes.get(i);
            if (c.seq() <= upTo && c.collection().equals(collection)) {
                out.add(c);
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }
}
