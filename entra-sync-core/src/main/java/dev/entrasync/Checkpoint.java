package dev.entrasync;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Where the next run of one tenant's dataset resumes, saved by entra-sync in the
 * {@link CheckpointStore} after the dataset's sink session completed.
 *
 * @param deltaLink the Graph {@code @odata.deltaLink} to send next (users, groups, devices), or null
 *     when the next run must be a full round. It is an opaque URL; it carries no secret, but it lets
 *     anyone holding a token for the tenant read changes, so store it like the data
 * @param watermark the newest item time already delivered (audit logs, secure scores), or null
 * @param fullRoundAt when the last full round completed (delta datasets force a new one after
 *     {@link SyncConfig#deltaMaxAge()}), or null
 * @param trackedIds object ids the run derived extra fields for, so the next delta run can reset those
 *     that no longer qualify (users: the holders of a directory role); small (tens to hundreds), never null
 */
public record Checkpoint(String deltaLink, Instant watermark, Instant fullRoundAt, Set<String> trackedIds) {

    /**
     * Copies {@code trackedIds} into an unmodifiable set, null read as empty.
     *
     * @param deltaLink the Graph {@code @odata.deltaLink} to send next; null when the next run must be a full round
     * @param watermark the newest item time already delivered; may be null
     * @param fullRoundAt when the last full round completed; may be null
     * @param trackedIds object ids the run derived extra fields for; null is read as empty
     */
    public Checkpoint {
        trackedIds = trackedIds == null ? Set.of() : Set.copyOf(trackedIds);
    }

    /**
     * A checkpoint that only records a delta link and when the full round happened.
     *
     * @param deltaLink the Graph {@code @odata.deltaLink} to send next; never null
     * @param fullRoundAt when the last full round completed; may be null
     * @return a new checkpoint without watermark or tracked ids; never null
     * @throws NullPointerException if {@code deltaLink} is null
     */
    public static Checkpoint delta(String deltaLink, Instant fullRoundAt) {
        return new Checkpoint(Objects.requireNonNull(deltaLink, "deltaLink"), null, fullRoundAt, Set.of());
    }

    /**
     * A checkpoint that only records a watermark.
     *
     * @param watermark the newest item time already delivered; never null
     * @return a new checkpoint without delta link, full-round time or tracked ids; never null
     * @throws NullPointerException if {@code watermark} is null
     */
    public static Checkpoint watermark(Instant watermark) {
        return new Checkpoint(null, Objects.requireNonNull(watermark, "watermark"), null, Set.of());
    }

    /** Shows the delta link's presence, never its token. */
    @Override
    public String toString() {
        return "Checkpoint[deltaLink=" + (deltaLink == null ? "none" : "present") + ", watermark=" + watermark
                + ", fullRoundAt=" + fullRoundAt + ", trackedIds=" + trackedIds.size() + "]";
    }
}
