package dev.entrasync.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LowerBoundTest {

    @Test
    void anEmptyTenantStillAsksEachCollectionOnce() {
        assertThat(LowerBound.of(Map.of())).isEqualTo(10);
    }

    @Test
    void collectionsCountWholePagesAndBatchesOfTwenty() {
        Map<String, Integer> sizes = Map.of(
                "users",
                2_500,
                "userRegistrationDetails",
                2_500,
                "directoryRoles",
                21,
                "subscribedSkus",
                3,
                "devices",
                999,
                "groups",
                1_000,
                "directoryAudits",
                1_001,
                "secureScores",
                30,
                "secureScoreControlProfiles",
                12,
                "organization",
                1);

        // users 3 + report 3 + roles 1 + members 2 + SKUs 1 + devices 1 + groups 2 + counts 50 + audits 2
        // + scores 1 + profiles 1 + organization 1
        assertThat(LowerBound.of(sizes)).isEqualTo(68);
    }
}
