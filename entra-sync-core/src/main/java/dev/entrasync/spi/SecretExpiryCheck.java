package dev.entrasync.spi;

import dev.entrasync.SecretExpiryWarning;
import java.util.List;

/**
 * The secret-expiry check the sync engine runs on every tick of its schedule, so hosts that run an engine need no
 * timer of their own: {@code onboarding.SecretLifecycle} implements it, and a host hands it to the engine with
 * {@code EngineBuilder.secrets(...)}. The engine sends each warning returned to its listeners
 * ({@code SyncListener.secretExpiring}).
 *
 * <p>Called from the engine's scheduler thread, at most once at a time per engine; an implementation shared by
 * several engines must be thread-safe. A check that throws is logged and retried on the next tick.
 */
@FunctionalInterface
public interface SecretExpiryCheck {

    /**
     * Checks every credential's secret expiry.
     *
     * @return the warnings newly due since the last call; empty (never null) when there is nothing new
     */
    List<SecretExpiryWarning> checkExpiries();
}
