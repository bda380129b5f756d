package dev.entrasync.testkit.internal;

import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifier helpers: deterministic version-4-shaped GUIDs from a seeded random source. */
public final class Ids {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {}

    /** Returns a random-looking GUID drawn from {@code random} (deterministic for a given seed). */
    public static String guid(SplittableRandom random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** Returns whether {@code value} is shaped like a GUID. */
    public static boolean isGuid(String value) {
        return value != null && GUID.matcher(value).matches();
    }

    /** Returns a fresh random GUID (not deterministic). */
    public static String random() {
        return UUID.randomUUID().toString();
    }
}
