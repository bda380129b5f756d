package dev.entrasync.internal.graph;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations in messages: {@code 86400 s}, {@code 2.5 s}, {@code 5 min}, {@code 250 ms}. */
final class Waits {

    private Waits() {}

    static String describe(Duration d) {
        long millis = d.toMillis();
        if (millis >= 60_000 && millis % 60_000 == 0 && millis < 3_600_000) {
            return millis / 60_000 + " min";
        }
        if (millis >= 1_000) {
            return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
        }
        return millis + " ms";
    }
}
