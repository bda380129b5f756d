package dev.entrasync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock and a sleeper in one: sleeping records the wait and advances the clock instantly. Thread-safe. */
public final class FakeTime extends Clock implements Sleeper {

    private Instant now;
    private final List<Duration> slept = new ArrayList<>();

    public FakeTime(Instant start) {
        this.now = start;
    }

    public FakeTime() {
        this(Instant.parse("2026-11-22T08:00:00Z"));
    }

    @Override
    public synchronized void sleep(Duration duration) {
        if (!duration.isNegative() && !duration.isZero()) {
            slept.add(duration);
            now = now.plus(duration);
        }
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    public synchronized List<Duration> slept() {
        return List.copyOf(slept);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
