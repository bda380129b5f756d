package dev.entrasync.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FleetPlanTest {

    @Test
    void theSameCountAndSeedGiveTheSameFleet() {
        assertThat(FleetPlan.generate(500, 3))
                .isEqualTo(FleetPlan.generate(500, 3))
                .isNotEqualTo(FleetPlan.generate(500, 4));
    }

    @Test
    void aThousandTenantsAreMostlySmallWithAFewLargeOnes() {
        List<TenantPlan> fleet = FleetPlan.generate(1000, 42);

        assertThat(fleet).hasSize(1000).extracting(TenantPlan::name).doesNotHaveDuplicates();
        assertThat(fleet.stream().filter(t -> t.users() >= 10 && t.users() <= 300))
                .hasSize(970);
        assertThat(fleet.stream().filter(t -> t.users() > 300 && t.users() < 5_000))
                .hasSize(27);
        assertThat(fleet.stream().filter(t -> t.users() >= 5_000 && t.users() <= 50_000))
                .hasSize(3);
    }

    @Test
    void aHundredTenantsHaveOneLargeOne() {
        assertThat(FleetPlan.generate(100, 1).stream().filter(t -> t.users() >= 5_000))
                .hasSize(1);
    }

    @Test
    void auditVolumeFollowsSizeWithinBounds() {
        assertThat(TenantPlan.sized("a", 1, 10).auditEventsPerDay()).isEqualTo(1);
        assertThat(TenantPlan.sized("b", 1, 2_000).auditEventsPerDay()).isEqualTo(100);
        assertThat(TenantPlan.sized("c", 1, 50_000).auditEventsPerDay()).isEqualTo(500);
    }

    @Test
    void oneUserInTwentyOneIsAGuest() {
        TenantPlan plan = FleetPlan.single(50_000, 1);

        assertThat(plan.members() + plan.guests()).isEqualTo(50_000);
        assertThat(plan.guests()).isEqualTo(2_380);
    }

    @Test
    void refusesAnEmptyFleet() {
        assertThatThrownBy(() -> FleetPlan.generate(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one tenant");
    }
}
