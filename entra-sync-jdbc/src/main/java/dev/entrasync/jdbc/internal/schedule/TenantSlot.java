package dev.entrasync.jdbc.internal.schedule;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

/**
 * A tenant's place in the clustered schedule, kept as db-scheduler task data: it runs at
 * {@code epoch + offset + k * interval} for every {@code k}. After a run the next slot is the first one
 * after the run finished (a run that overran skips the slots it covered, so a tenant runs at most once per
 * interval); the first slot is the first one not before the schedule was created.
 *
 * @param interval time between runs, positive
 * @param offset where in each interval the tenant runs, in {@code [0, interval)}
 */
public record TenantSlot(Duration interval, Duration offset) implements ScheduleAndData, Schedule {

    private static final long serialVersionUID = 1L;

    public TenantSlot {
        if (interval == null || interval.toMillis() <= 0) {
            throw new IllegalArgumentException("interval: must be at least 1 ms, was " + interval);
        }
        if (offset == null || offset.isNegative() || offset.compareTo(interval) >= 0) {
            throw new IllegalArgumentException("offset: must be in [0, interval " + interval + "), was " + offset);
        }
    }

    /**
     * A slot whose offset is spread by a hash of the tenant key: stable across restarts and instances, and
     * the same spread as the engine's own schedule (the first 53 bits of the key's SHA-256 as a fraction).
     */
    public static TenantSlot spread(String tenantKey, Duration interval) {
        long hash;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tenantKey.getBytes(StandardCharsets.UTF_8));
            hash = 0;
            for (int i = 0; i < 8; i++) {
                hash = (hash << 8) | (digest[i] & 0xff);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        double fraction = (hash >>> 11) / (double) (1L << 53);
        return new TenantSlot(interval, Duration.ofMillis((long) (fraction * interval.toMillis())));
    }

    /** The first slot at or after {@code at}. */
    public Instant firstAtOrAfter(Instant at) {
        long step = interval.toMillis();
        long since = at.toEpochMilli() - offset.toMillis();
        long k = Math.floorDiv(since + step - 1, step);
        return Instant.ofEpochMilli(k * step + offset.toMillis());
    }

    @Override
    public Instant getInitialExecutionTime(Instant now) {
        return firstAtOrAfter(now);
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete complete) {
        Instant scheduled = complete.getExecution().getExecutionTime();
        Instant done = complete.getTimeDone();
        Instant after = done.isAfter(scheduled) ? done : scheduled;
        return firstAtOrAfter(after.plusMillis(1));
    }

    @Override
    public boolean isDeterministic() {
        return true;
    }

    @Override
    public Schedule getSchedule() {
        return this;
    }

    @Override
    public Object getData() {
        return null;
    }
}
