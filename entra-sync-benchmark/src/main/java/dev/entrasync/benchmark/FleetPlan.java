package dev.entrasync.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The tenants of a benchmark fleet, drawn from a long-tailed distribution, the same for the same
 * count and seed: 0.3 % large (5,000 to 50,000 users, at least one when the fleet has 100 or
 * more tenants), 2.7 % medium (300 to 5,000) and the rest small (10 to 300), each size
 * log-uniform in its range, in a shuffled order (large tenants are not all first or last).
 */
final class FleetPlan {

    static final double LARGE_SHARE = 0.003;
    static final double MEDIUM_SHARE = 0.027;

    private FleetPlan() {}

    /** {@code count} tenants drawn with {@code seed}. */
    static List<TenantPlan> generate(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("a fleet needs at least one tenant, was " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int large = (int) Math.round(count * LARGE_SHARE);
        if (large == 0 && count >= 100) {
            large = 1;
        }
        int medium = (int) Math.round(count * MEDIUM_SHARE);
        List<Integer> sizes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sizes.add(
                    i < large
                            ? logUniform(random, 5_000, 50_000)
                            : i < large + medium ? logUniform(random, 300, 5_000) : logUniform(random, 10, 300));
        }
        Collections.shuffle(sizes, new Random(seed));
        List<TenantPlan> plans = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            plans.add(TenantPlan.sized(String.format("Tenant %04d", i), seed * 100_003 + i, sizes.get(i)));
        }
        return plans;
    }

    /** One tenant of exactly {@code users} users. */
    static TenantPlan single(int users, long seed) {
        return TenantPlan.sized("Large Tenant", seed, users);
    }

    private static int logUniform(SplittableRandom random, int from, int to) {
        double log = Math.log(from) + random.nextDouble() * (Math.log(to) - Math.log(from));
        return (int) Math.round(Math.exp(log));
    }
}
