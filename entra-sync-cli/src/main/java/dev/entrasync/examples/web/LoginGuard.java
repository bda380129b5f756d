package dev.entrasync.examples.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks the administrator's password and pauses logins after repeated failures. The password is compared
 * as SHA-256 digests with {@link MessageDigest#isEqual} (constant time, and the length of the password does
 * not show either). After {@value #FREE_ATTEMPTS} wrong passwords in a row, logins pause for one minute; each
 * further wrong password after a pause doubles it, up to 15 minutes; a correct password resets the count.
 * While paused even the right password is refused, so guessing costs at least a minute per try. There is one
 * counter for the whole portal (behind a proxy every client has the same address), so someone guessing can
 * keep the administrator out: a real host adds per-account or per-client limits and alerts. Thread-safe.
 */
final class LoginGuard {

    /** What came of a login attempt. {@code pausedUntil} is set only for {@link Outcome#PAUSED}. */
    record Attempt(Outcome outcome, Instant pausedUntil) {}

    /** Accepted, wrong, or refused unchecked because logins are paused. */
    enum Outcome {
        ACCEPTED,
        WRONG,
        PAUSED
    }

    static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);

    private final byte[] expected;
    private final Clock clock;
    private int failures;
    private Duration nextPause = FIRST_PAUSE;
    private Instant pausedUntil = Instant.MIN;

    LoginGuard(String password, Clock clock) {
        this.expected = digest(password);
        this.clock = clock;
    }

    synchronized Attempt attempt(String password) {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return new Attempt(Outcome.PAUSED, pausedUntil);
        }
        if (password != null && MessageDigest.isEqual(expected, digest(password))) {
            failures = 0;
            nextPause = FIRST_PAUSE;
            return new Attempt(Outcome.ACCEPTED, null);
        }
        failures++;
        if (failures >= FREE_ATTEMPTS) {
            pausedUntil = now.plus(nextPause);
            Duration doubled = nextPause.multipliedBy(2);
            nextPause = doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
            return new Attempt(Outcome.PAUSED, pausedUntil);
        }
        return new Attempt(Outcome.WRONG, null);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
