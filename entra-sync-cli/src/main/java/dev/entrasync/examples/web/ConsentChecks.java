package dev.entrasync.examples.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consent verifications off the request threads. Completing a consent may wait the whole propagation window
 * (15 minutes) for Microsoft; each callback's check runs on a small fixed pool instead, under an unguessable
 * id (256 random bits) that its status page polls. At most {@code limit} checks are pending (queued or
 * running); past that {@link #start} refuses at once and nothing runs. A finished outcome is kept for
 * {@link #KEPT_FOR} (at most {@code 20 × limit} of them), then forgotten. Thread-safe.
 */
final class ConsentChecks implements AutoCloseable {

    /** What the status page shows: still checking, or the finished page's title and body. */
    record Outcome(String title, String body) {}

    static final Duration KEPT_FOR = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(ConsentChecks.class);
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private static final class Check {
        private final Instant started;
        private volatile Outcome outcome;

        private Check(Instant started) {
            this.started = started;
        }
    }

    private final ExecutorService workers;
    private final int limit;
    private final Clock clock;
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    ConsentChecks(int workers, int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        AtomicInteger thread = new AtomicInteger();
        // the queue needs no bound of its own: at most `limit` checks are ever submitted and not finished
        this.workers =
                new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "portal-consent-check-" + thread.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Runs {@code check} on a worker and returns its id, or empty (running nothing) when {@code limit} checks
     * are already pending.
     */
    Optional<String> start(Supplier<Outcome> check) {
        if (pending.incrementAndGet() > limit) {
            pending.decrementAndGet();
            return Optional.empty();
        }
        String id = newId();
        Check entry = new Check(clock.instant());
        synchronized (checks) {
            forgetOld();
            checks.put(id, entry);
        }
        try {
            workers.execute(() -> {
                try {
                    entry.outcome = check.get();
                } catch (RuntimeException e) {
                    LOG.error("A consent check failed unexpectedly", e);
                    entry.outcome = new Outcome(
                            "Consent not completed",
                            Html.message(
                                    "The consent could not be"
                                            + " checked because of an error in the portal; nothing was recorded. Open a new consent link.",
                                    true));
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RuntimeException e) { // rejected: the portal is closing
            pending.decrementAndGet();
            synchronized (checks) {
                checks.remove(id);
            }
            throw e;
        }
        return Optional.of(id);
    }

    /** Empty for an unknown or forgotten id; otherwise the check's outcome, itself empty while the check runs. */
    Optional<Optional<Outcome>> find(String id) {
        synchronized (checks) {
            Check check = checks.get(id);
            return check == null ? Optional.empty() : Optional.of(Optional.ofNullable(check.outcome));
        }
    }

    /** How many checks are queued or running. */
    int pending() {
        return pending.get();
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(KEPT_FOR);
        int excess = checks.size() - 20 * limit;
        for (Iterator<Check> it = checks.values().iterator(); it.hasNext(); ) {
            Check check = it.next();
            if (check.outcome != null && (excess > 0 || check.started.isBefore(cutoff))) {
                it.remove();
                excess--;
            }
        }
    }

    private String newId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return ENCODE.encodeToString(bytes);
    }

    /** Stops the workers, interrupting checks that still wait (they end as not verified; nothing is recorded). */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
