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
 * @param bands tenants and users by size: up to 300 users, 301 to 4,999, 5,000 and more
 * @param sides one report per side
 * @param naiveOverEntraSync the naive loop's wall time / entra-sync's; null unless both ran
 */
record FleetReport(
        FleetRun.Options options,
        int tenants,
        long users,
        int largestTenant,
        long lowerBound,
        List<Band> bands,
        List<SideReport> sides,
        Double naiveOverEntraSync) {

    /** The tenants whose user count lies in {@code [from, to]}, and their users. */
    record Band(int from, int to, int tenants, long users) {
        static Band of(List<FleetTenant> all, int from, int to) {
            List<FleetTenant> in = all.stream()
                    .filter(t -> t.users() >= from && t.users() <= to)
                    .toList();
            return new Band(
                    from,
                    to,
                    in.size(),
                    in.stream().mapToLong(FleetTenant::users).sum());
        }
    }

    static FleetReport of(FleetRun.Options options, SimulatedFleet fleet, List<SideReport> sides) {
        SideReport entra = side(sides, SideSpec.ENTRA_SYNC);
        SideReport naive = side(sides, SideSpec.NAIVE);
        Double ratio = entra != null && naive != null ? naive.wallSeconds() / entra.wallSeconds() : null;
        int largest =
                fleet.tenants().stream().mapToInt(FleetTenant::users).max().orElse(0);
        List<Band> bands = List.of(
                Band.of(fleet.tenants(), 0, 300),
                Band.of(fleet.tenants(), 301, 4_999),
                Band.of(fleet.tenants(), 5_000, Integer.MAX_VALUE));
        return new FleetReport(
                options, fleet.tenants().size(), fleet.users(), largest, fleet.lowerBound(), bands, sides, ratio);
    }

    private static SideReport side(List<SideReport> sides, String name) {
        return sides.stream().filter(s -> s.side().equals(name)).findFirst().orElse(null);
    }
}
