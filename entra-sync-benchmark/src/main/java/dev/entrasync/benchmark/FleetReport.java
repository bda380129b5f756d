package dev.entrasync.benchmark;

import java.util.List;

/**
 * The side-by-side run's figures.
 *
 * @param options what was run
 * @param tenants tenants in the fleet
 * @param users users in the fleet
 * @param largestTenant users in the largest tenant
 * @param lowerBound the fleet's lower bound, requests
 * @param sides one report per side
 * @param naiveOverEntraSync the naive loop's wall time / entra-sync's; null unless both ran
 */
record FleetReport(FleetRun.Options options, int tenants, long users, int largestTenant, long lowerBound,
                   List<SideReport> sides, Double naiveOverEntraSync) {

    static FleetReport of(FleetRun.Options options, SimulatedFleet fleet, List<SideReport> sides) {
        SideReport entra = side(sides, SideSpec.ENTRA_SYNC);
        SideReport naive = side(sides, SideSpec.NAIVE);
        Double ratio = entra != null && naive != null ? naive.wallSeconds() / entra.wallSeconds() : null;
        int largest = fleet.tenants().stream().mapToInt(FleetTenant::users).max().orElse(0);
        return new FleetReport(options, fleet.tenants().size(), fleet.users(), largest, fleet.lowerBound(),
                sides, ratio);
    }

    private static SideReport side(List<SideReport> sides, String name) {
        return sides.stream().filter(s -> s.side().equals(name)).findFirst().orElse(null);
    }
}
