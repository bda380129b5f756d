package dev.entrasync;

import java.time.Duration;
import java.util.Objects;

/**
 * How datasets are fetched: when a delta dataset does a full round again, and how far audit logs and
 * secure scores reach back. Immutable and thread-safe; build with {@link #builder()} or take
 * {@link #defaults()}.
 *
 * @param deltaMaxAge users, groups and devices do a full round when the last one is older than this,
 *     even if the delta link still works (default 7 days)
 * @param auditOverlap audit logs are read from the last watermark minus this, because events can
 *     arrive late; events seen twice are the same records (default 1 hour)
 * @param firstRunLookback how far back the first run of audit logs and secure scores reads (default
 *     30 days; Entra keeps audit logs 7 days without Entra ID P1, 30 with it)
 */
public record SyncConfig(Duration deltaMaxAge, Duration auditOverlap, Duration firstRunLookback) {

    /** @throws IllegalArgumentException naming the setting that is null, negative or zero */
    public SyncConfig {
        positive(deltaMaxAge, "deltaMaxAge");
        Objects.requireNonNull(auditOverlap, "auditOverlap");
        if (auditOverlap.isNegative()) {
            throw new IllegalArgumentException("auditOverlap: must not be negative, was " + auditOverlap);
        }
        positive(firstRunLookback, "firstRunLookback");
    }

    /** 7 days, 1 hour, 30 days. */
    public static SyncConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + ": must be a positive duration, was " + d);
        }
    }

    /** Builds a {@link SyncConfig}; not thread-safe. */
    public static final class Builder {
        private Duration deltaMaxAge = Duration.ofDays(7);
        private Duration auditOverlap = Duration.ofHours(1);
        private Duration firstRunLookback = Duration.ofDays(30);

        private Builder() {
        }

        /** See {@link SyncConfig#deltaMaxAge()}. */
        public Builder deltaMaxAge(Duration deltaMaxAge) {
            this.deltaMaxAge = deltaMaxAge;
            return this;
        }

        /** See {@link SyncConfig#auditOverlap()}. */
        public Builder auditOverlap(Duration auditOverlap) {
            this.auditOverlap = auditOverlap;
            return this;
        }

        /** See {@link SyncConfig#firstRunLookback()}. */
        public Builder firstRunLookback(Duration firstRunLookback) {
            this.firstRunLookback = firstRunLookback;
            return this;
        }

        /** @throws IllegalArgumentException naming an invalid setting */
        public SyncConfig build() {
            return new SyncConfig(deltaMaxAge, auditOverlap, firstRunLookback);
        }
    }
}
