package dev.entrasync.testkit.internal;

import java.util.Set;

/**
 * One entry of a tenant's change log, read by delta queries.
 *
 * @param seq the sequence number, increasing from 1 per tenant
 * @param collection the collection, e.g. {@code users}
 * @param id the changed object's id
 * @param kind what happened
 * @param properties the changed property names (for {@link Kind#UPDATED}), else empty
 * @param memberType the member's {@code @odata.type} (for member changes), else null
 */
public record Change(
        long seq, String collection, String id, Kind kind, Set<String> properties, String memberId, String memberType) {

    /** What a change did. */
    public enum Kind {
        ADDED,
        UPDATED,
        DELETED,
        SOFT_DELETED,
        MEMBER_ADDED,
        MEMBER_REMOVED
    }
}
