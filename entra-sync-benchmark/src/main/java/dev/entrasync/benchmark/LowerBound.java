package dev.entrasync.benchmark;

import java.util.Map;

/**
 * The fewest Graph requests that can read a tenant's datasets: for each collection ⌈n / largest
 * page⌉ (at least one request, an empty collection has to be asked too), with the per-object
 * lists packed 20 to a {@code $batch}. Per tenant:
 * users ⌈u/999⌉ + MFA registration report ⌈u/999⌉ + directory roles 1 + their member lists
 * ⌈r/20⌉ + subscribed SKUs 1 + devices ⌈d/999⌉ + groups ⌈g/999⌉ + group member counts ⌈g/20⌉ +
 * directory audits ⌈a/1000⌉ + secure scores 1 + control profiles ⌈p/999⌉ + organization 1.
 * Delta links are not part of it: they buy the next run, not this one. (entra-sync gets a collection's
 * delta link free when the collection fits Graph's first delta page, and pays two requests more than
 * this bound for it otherwise: that first page and a {@code $deltaToken=latest} link.)
 */
final class LowerBound {

    private LowerBound() {}

    /** The lower bound of a tenant whose collections hold these many objects (see {@code SimulatedTenant.sizes()}). */
    static long of(Map<String, Integer> sizes) {
        int users = sizes.getOrDefault("users", 0);
        int roles = sizes.getOrDefault("directoryRoles", 0);
        int groups = sizes.getOrDefault("groups", 0);
        return pages(users, 999)
                + pages(sizes.getOrDefault("userRegistrationDetails", 0), 999)
                + 1
                + ceil(roles, 20)
                + pages(sizes.getOrDefault("subscribedSkus", 0), 999)
                + pages(sizes.getOrDefault("devices", 0), 999)
                + pages(groups, 999)
                + ceil(groups, 20)
                + pages(sizes.getOrDefault("directoryAudits", 0), 1000)
                + pages(sizes.getOrDefault("secureScores", 0), 999)
                + pages(sizes.getOrDefault("secureScoreControlProfiles", 0), 999)
                + 1;
    }

    /** Requests to list {@code n} objects at {@code page} a page: at least one. */
    static long pages(long n, int page) {
        return Math.max(1, ceil(n, page));
    }

    private static long ceil(long n, int d) {
        return (n + d - 1) / d;
    }
}
