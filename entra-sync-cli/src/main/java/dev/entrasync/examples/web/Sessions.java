package dev.entrasync.examples.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The administrators' sessions, in memory: an unguessable id (256 random bits) for the cookie, a CSRF token
 * (another 256 bits) for the forms, and an idle expiry by the injected clock. Sessions exist only after a
 * successful login, so their number is bounded by logins. Thread-safe.
 */
final class Sessions {

    /** One signed-in administrator. */
    static final class Session {
        private final String id;
        private final String csrfToken;
        private volatile Instant lastSeen;

        private Session(String id, String csrfToken, Instant lastSeen) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.lastSeen = lastSeen;
        }

        String id() {
            return id;
        }

        String csrfToken() {
            return csrfToken;
        }
    }

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idleTimeout;

    Sessions(Clock clock, Duration idleTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    /** A new session (after a login; never reuses an id the browser sent, so a planted id is worthless). */
    Session create() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
        Session session = new Session(randomToken(), randomToken(), now);
        sessions.put(session.id, session);
        return session;
    }

    /** The live session with this id, its idle timer restarted; empty for an unknown, ended or idle-expired id. */
    Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        Instant now = clock.instant();
        if (session == null || expired(session, now)) {
            if (session != null) {
                sessions.remove(id, session);
            }
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    /** Ends the session (log out). */
    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(session.lastSeen.plus(idleTimeout));
    }

    String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return ENCODE.encodeToString(bytes);
    }
}
