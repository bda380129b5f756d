package dev.entrasync.benchmark;

import dev.entrasync.testing.ScaledTime;
import java.util.List;

/**
 * What one side of a run is asked to do, handed to its JVM as JSON.
 *
 * @param side {@code entra-sync} or {@code naive}
 * @param loginUrl the simulated login server
 * @param graphUrl the simulated Graph server (without {@code /v1.0})
 * @param clientId the side's app registration
 * @param secret its client secret (a throwaway of the simulation)
 * @param tenants the tenant ids to sync, in order
 * @param anchor the simulated time the side reads
 * @param workers tenants entra-sync syncs at once; for the naive loop, copies of the loop run at once
 *     over shares of the fleet (see {@link NaiveSide})
 * @param resync whether entra-sync syncs the fleet a second time, unchanged (delta)
 * @param maxAttempts entra-sync's attempts per request, 0 for the engine's default
 */
record SideSpec(
        String side,
        String loginUrl,
        String graphUrl,
        String clientId,
        String secret,
        List<String> tenants,
        ScaledTime.Anchor anchor,
        int workers,
        boolean resync,
        int maxAttempts) {

    static final String ENTRA_SYNC = "entra-sync";
    static final String NAIVE = "naive";

    SideSpec {
        if (!side.equals(ENTRA_SYNC) && !side.equals(NAIVE)) {
            throw new IllegalArgumentException("side must be " + ENTRA_SYNC + " or " + NAIVE + ", was " + side);
        }
        tenants = List.copyOf(tenants);
    }
}
