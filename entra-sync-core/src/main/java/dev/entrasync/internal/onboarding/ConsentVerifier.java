package dev.entrasync.internal.onboarding;

import dev.entrasync.AppCredential;
import dev.entrasync.Sleeper;
import dev.entrasync.TokenException;
import dev.entrasync.TokenFailure;
import dev.entrasync.internal.auth.AccessToken;
import dev.entrasync.internal.auth.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms a consent by getting an app-only token for the tenant, retrying with back-off (5 s,
 * doubling, at most 1 min) while Microsoft is still propagating it, until the window closes. Only
 * failures that propagation explains are retried: the app not yet present in the tenant, an
 * unrecognised AADSTS code, or a token endpoint outage. Thread-safe.
 */
public final class ConsentVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentVerifier.class);
    static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    private final TokenService tokens;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration window;

    public ConsentVerifier(TokenService tokens, Clock clock, Sleeper sleeper, Duration window) {
        this.tokens = tokens;
        this.clock = clock;
        this.sleeper = sleeper;
        this.window = window;
    }

    /**
     * A token for the tenant, once the consent is visible. The cached token of the tenant is dropped first:
     * it was issued before this consent and carries the roles granted then, and the cache is the one the
     * engine and mail use too.
     *
     * @throws TokenException the last refusal, when the window closed or the failure is not one propagation explains
     */
    public AccessToken verify(AppCredential credential, String tenant) {
        tokens.invalidate(credential, tenant);
        Instant deadline = clock.instant().plus(window);
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                return tokens.token(credential, tenant);
            } catch (TokenException e) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (!propagationMayExplain(e.failure()) || left.isNegative() || left.isZero()) {
                    throw e;
                }
                Duration pause = wait.compareTo(left) < 0 ? wait : left;
                LOG.info(
                        "Consent for tenant {} with credential '{}' not visible yet ({}); checking again in {}",
                        tenant,
                        credential.name(),
                        e.failure(),
                        pause);
                sleep(pause, e);
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }

    static boolean propagationMayExplain(TokenFailure failure) {
        return failure == TokenFailure.APP_NOT_IN_TENANT
                || failure == TokenFailure.UNKNOWN
                || failure == TokenFailure.SERVICE_UNAVAILABLE;
    }

    private void sleep(Duration pause, TokenException last) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw last;
        }
    }
}
