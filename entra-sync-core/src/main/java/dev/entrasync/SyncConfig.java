package dev.entrasync;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sync engine runs: how many tenants it syncs at once, how often each tenant is synced and how often
 * the schedule looks for due tenants, when a delta dataset does a full round again, and how far audit logs and
 * secure scores reach back. Given to {@code EntraSync.EngineBuilder.config(SyncConfig)}.
 *
 * <p>Immutable and thread-safe. Take {@link #ofDefaults()}, build your own with {@link #custom()}, or start from
 * another with {@link #from(SyncConfig)}:
 * <pre>{@code
 * SyncConfig config = SyncConfig.custom().workers(16).interval(Duration.ofHours(12)).build();
 * }</pre>
 * Every builder setter refuses a value out of range at once ({@link IllegalArgumentException} naming the field
 * and the value, null included).
 */
public final class SyncConfig {

    private static final SyncConfig DEFAULTS = new Builder().build();

    private final int workers;
    private final Duration interval;
    private final Duration tick;
    private final Duration deltaMaxAge;
    private final Duration auditOverlap;
    private final Duration firstRunLookback;

    private SyncConfig(Builder b) {
        this.workers = b.workers;
        this.interval = b.interval;
        this.tick = b.tick;
        this.deltaMaxAge = b.deltaMaxAge;
        this.auditOverlap = b.auditOverlap;
        this.firstRunLookback = b.firstRunLookback;
    }

    /**
     * 8 workers, every tenant every 24 hours, a 30 s tick, 7 days, 1 hour, 30 days.
     *
     * @return the shared default configuration; never null
     */
    public static SyncConfig ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A new builder starting from {@link #ofDefaults()}.
     *
     * @return a new builder holding the default settings; never null
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * A new builder starting from every setting of {@code base}.
     *
     * @param base the configuration to copy every setting from; never null
     * @return a new builder holding the settings of {@code base}; never null
     * @throws NullPointerException if {@code base} is null
     */
    public static Builder from(SyncConfig base) {
        return new Builder(Objects.requireNonNull(base, "base"));
    }

    /**
     * Tenants synced at once by the built-in scheduler's own threads (default 8). Not used when the host gives the
     * engine an executor ({@code EntraSync.EngineBuilder.executor}), whose threads bound it then, or a scheduler
     * ({@code EntraSync.EngineBuilder.scheduler}), which runs jobs on its own threads (the JDBC cluster
     * scheduler's {@code threads}).
     *
     * @return the number of tenants the built-in scheduler syncs at once; at least 1
     */
    public int workers() {
        return workers;
    }

    /**
     * How often each tenant is synced unless its mapping sets its own interval (default 24 hours).
     *
     * @return the default sync interval of a tenant; at least 1 minute
     */
    public Duration interval() {
        return interval;
    }

    /**
     * How often the engine's built-in scheduler looks for due tenants (default 30 seconds); a scheduler given to
     * {@code EntraSync.EngineBuilder.scheduler} keeps its own pace.
     *
     * @return the built-in scheduler's tick; positive
     */
    public Duration tick() {
        return tick;
    }

    /**
     * Users, groups and devices do a full round when the last one is older than this, even if the delta link
     * still works (default 7 days).
     *
     * @return the age after which a delta dataset does a full round again; positive
     */
    public Duration deltaMaxAge() {
        return deltaMaxAge;
    }

    /**
     * Audit logs are read from the last watermark minus this, because events can arrive late; events seen twice
     * are the same records (default 1 hour).
     *
     * @return how far before the last watermark audit logs are read again; zero or positive
     */
    public Duration auditOverlap() {
        return auditOverlap;
    }

    /**
     * How far back the first run of audit logs and secure scores reads (default 30 days; Entra keeps audit logs
     * 7 days without Entra ID P1, 30 with it).
     *
     * @return how far back the first run of audit logs and secure scores reads; positive
     */
    public Duration firstRunLookback() {
        return firstRunLookback;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyncConfig other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Every setting, for logs and support. */
    @Override
    public String toString() {
        return "SyncConfig{workers=" + workers + ", interval=" + interval + ", tick=" + tick + ", deltaMaxAge="
                + deltaMaxAge + ", auditOverlap=" + auditOverlap + ", firstRunLookback=" + firstRunLookback + "}";
    }

    /**
     * Builds a {@link SyncConfig}; from {@link SyncConfig#custom()} or {@link SyncConfig#from(SyncConfig)}. Not
     * thread-safe. Each setter throws {@link IllegalArgumentException} naming the field and the value when the
     * value is out of range (null included).
     */
    public static final class Builder {
        private int workers = 8;
        private Duration interval = Duration.ofHours(24);
        private Duration tick = Duration.ofSeconds(30);
        private Duration deltaMaxAge = Duration.ofDays(7);
        private Duration auditOverlap = Duration.ofHours(1);
        private Duration firstRunLookback = Duration.ofDays(30);

        private Builder() {}

        private Builder(SyncConfig base) {
            this.workers = base.workers;
            this.interval = base.interval;
            this.tick = base.tick;
            this.deltaMaxAge = base.deltaMaxAge;
            this.auditOverlap = base.auditOverlap;
            this.firstRunLookback = base.firstRunLookback;
        }

        /**
         * See {@link SyncConfig#workers()}; at least 1.
         *
         * @param workers the number of tenants the built-in scheduler syncs at once; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code workers} is below 1
         */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, was " + workers);
            }
            this.workers = workers;
            return this;
        }

        /**
         * See {@link SyncConfig#interval()}; at least 1 minute.
         *
         * @param interval how often each tenant is synced by default; not null, at least 1 minute
         * @return this builder
         * @throws IllegalArgumentException if {@code interval} is null or shorter than 1 minute
         */
        public Builder interval(Duration interval) {
            if (interval == null || interval.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("interval must be at least 1 minute, was " + interval);
            }
            this.interval = interval;
            return this;
        }

        /**
         * See {@link SyncConfig#tick()}; positive.
         *
         * @param tick how often the built-in scheduler looks for due tenants; not null, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code tick} is null, zero or negative
         */
        public Builder tick(Duration tick) {
            this.tick = GraphLimits.Builder.positive("tick", tick);
            return this;
        }

        /**
         * See {@link SyncConfig#deltaMaxAge()}; positive.
         *
         * @param deltaMaxAge the age after which a delta dataset does a full round again; not null, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code deltaMaxAge} is null, zero or negative
         */
        public Builder deltaMaxAge(Duration deltaMaxAge) {
            this.deltaMaxAge = GraphLimits.Builder.positive("deltaMaxAge", deltaMaxAge);
            return this;
        }

        /**
         * See {@link SyncConfig#auditOverlap()}; not negative.
         *
         * @param auditOverlap how far before the last watermark audit logs are read again; not null, zero or positive
         * @return this builder
         * @throws IllegalArgumentException if {@code auditOverlap} is null or negative
         */
        public Builder auditOverlap(Duration auditOverlap) {
            this.auditOverlap = GraphLimits.Builder.notNegative("auditOverlap", auditOverlap);
            return this;
        }

        /**
         * See {@link SyncConfig#firstRunLookback()}; positive.
         *
         * @param firstRunLookback how far back the first run of audit logs and secure scores reads; not null, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code firstRunLookback} is null, zero or negative
         */
        public Builder firstRunLookback(Duration firstRunLookback) {
            this.firstRunLookback = GraphLimits.Builder.positive("firstRunLookback", firstRunLookback);
            return this;
        }

        /**
         * The configuration.
         *
         * @return the new, immutable configuration; never null
         */
        public SyncConfig build() {
            return new SyncConfig(this);
        }
    }
}
