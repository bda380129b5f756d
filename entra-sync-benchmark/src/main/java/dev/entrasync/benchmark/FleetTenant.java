package dev.entrasync.benchmark;

/**
 * A generated tenant of the fleet as the report needs it.
 *
 * @param id the tenant GUID
 * @param name its display name
 * @param users users (members and guests)
 * @param lowerBound the fewest requests that read it ({@link LowerBound})
 */
record FleetTenant(String id, String name, int users, long lowerBound) {}
