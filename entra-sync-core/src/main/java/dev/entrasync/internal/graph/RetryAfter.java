package dev.entrasync.internal.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses {@code Retry-After}: seconds (Graph sends fractions such as 2.128) or an HTTP date. A value that
 * is missing, unparseable or negative is empty: the caller then backs off exponentially, as Microsoft's
 * Graph throttling guidance recommends when no usable {@code Retry-After} is given. How long a parsed
 * value may be is the caller's bound ({@code GraphLimits.maxRetryAfter}), not this parser's.
 */
final class RetryAfter {

    private RetryAfter() {}

    static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            double seconds = Double.parseDouble(value);
            if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) (seconds * 1e9)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
