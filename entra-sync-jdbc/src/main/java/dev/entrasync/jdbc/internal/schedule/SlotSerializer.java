package dev.entrasync.jdbc.internal.schedule;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * db-scheduler's task data as plain text instead of Java serialization: a {@link TenantSlot} is stored as
 * {@code slot:<interval ms>:<offset ms>}; tasks without data store nothing. Nothing read from the database
 * is ever deserialized as a Java object.
 */
public final class SlotSerializer implements Serializer {

    private static final String PREFIX = "slot:";

    @Override
    public byte[] serialize(Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof TenantSlot slot) {
            return (PREFIX + slot.interval().toMillis() + ":" + slot.offset().toMillis()).getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("entra-sync's scheduler stores only tenant slots, not "
                + data.getClass().getName());
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] parts = text.split(":");
        if (type != TenantSlot.class || parts.length != 3 || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("unreadable task data for " + type.getName() + ": '" + text + "'");
        }
        return type.cast(new TenantSlot(Duration.ofMillis(Long.parseLong(parts[1])),
                Duration.ofMillis(Long.parseLong(parts[2]))));
    }
}
