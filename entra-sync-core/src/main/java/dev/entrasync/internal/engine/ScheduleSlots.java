package dev.entrasync.internal.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

/**
 * Where each tenant's scheduled runs fall: every {@code interval}, at a stable per-tenant offset
 * derived from a hash of the tenant id, so a fleet is spread over the interval instead of starting
 * all at once, and a tenant keeps its time of day across restarts. Slot {@code k} of a tenant starts
 * at {@code epoch + k * interval + offset}.
 */
final class ScheduleSlots {

    private ScheduleSlots() {}

    private static final java.util.concurrent.ConcurrentHashMap<String, Double> FRACTIONS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The tenant's offset within the interval, in [0, interval). */
    static Duration offset(String tenantId, Duration interval) {
        double fraction = FRACTIONS.computeIfAbsent(tenantId, ScheduleSlots::fraction);
        return Duration.ofMillis((long) (fraction * interval.toMillis()));
    }

    private static double fraction(String tenantId) {
        long hash;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tenantId.getBytes(StandardCharsets.UTF_8));
            hash = 0;
            for (int i = 0; i < 8; i++) {
                hash = (hash << 8) | (digest[i] & 0xff);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        return (hash >>> 11) / (double) (1L << 53);
    }

    /** The number of the slot that contains {@code at}. */
    static long slot(String tenantId, Duration interval, Instant at) {
        long sinceOffset = at.toEpochMilli() - offset(tenantId, interval).toMillis();
        return Math.floorDiv(sinceOffset, interval.toMillis());
    }

    /** When slot {@code k} starts. */
    static Instant slotStart(String tenantId, Duration interval, long k) {
        return Instant.ofEpochMilli(
                k * interval.toMillis() + offset(tenantId, interval).toMillis());
    }
}
