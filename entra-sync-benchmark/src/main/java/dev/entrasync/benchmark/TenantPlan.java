package dev.entrasync.benchmark;

/**
 * One tenant of a benchmark fleet, before it is generated.
 *
 * @param name display name (unique in the fleet)
 * @param seed the testkit generator's seed
 * @param users users, one in 21 a guest; devices and groups follow the testkit's proportions (one
 *     device per two members, one group per ten)
 * @param auditEventsPerDay directory audit events per day over 30 days of retention
 */
record TenantPlan(String name, long seed, int users, int auditEventsPerDay) {

    TenantPlan {
        if (users < 1) {
            throw new IllegalArgumentException("a tenant needs at least one user, " + name + " had " + users);
        }
        if (auditEventsPerDay < 0) {
            throw new IllegalArgumentException("auditEventsPerDay must be >= 0, was " + auditEventsPerDay);
        }
    }

    /** A tenant whose audit volume follows its size: one event a day per 20 users, 1 to 500. */
    static TenantPlan sized(String name, long seed, int users) {
        return new TenantPlan(name, seed, users, Math.max(1, Math.min(500, users / 20)));
    }

    int guests() {
        return users / 21;
    }

    int members() {
        return users - guests();
    }
}
