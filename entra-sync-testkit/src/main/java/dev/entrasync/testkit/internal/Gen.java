package dev.entrasync.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/** Shared state of one tenant generation: the seeded random source, "now" and the tenant. */
final class Gen {
    final SplittableRandom random;
    final Instant asOf;
    final TenantData tenant;
    final TenantSpec spec;

    Gen(SplittableRandom random, TenantSpec spec, TenantData tenant) {
        this.random = random;
        this.asOf = spec.asOf();
        this.spec = spec;
        this.tenant = tenant;
    }

    String guid() {
        return Ids.guid(random);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Returns an instant between {@code maxAgeDays} days before "now" and "now", whole seconds. */
    Instant daysAgo(double maxAgeDays) {
        long seconds = (long) (random.nextDouble() * maxAgeDays * 86_400);
        return asOf.minus(Duration.ofSeconds(seconds));
    }

    /** Formats an instant as Graph does ({@code 2024-01-31T10:20:30Z}). */
    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
