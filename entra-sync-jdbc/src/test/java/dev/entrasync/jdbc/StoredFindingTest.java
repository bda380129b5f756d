package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.entrasync.TenantId;
import dev.entrasync.findings.Finding;
import dev.entrasync.findings.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StoredFinding#mostUrgentFirst()}: each key of the order is tested with two findings that differ in that key
 * and whose every later key says the opposite, so dropping or reordering any key fails a test here.
 */
class StoredFindingTest {

    private static final TenantId LOW_TENANT = TenantId.of("00000000-0000-4000-8000-000000000001");
    private static final TenantId HIGH_TENANT = TenantId.of("ffffffff-ffff-4fff-bfff-fffffffffff1");
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Comparator<StoredFinding> ORDER = StoredFinding.mostUrgentFirst();

    private static StoredFinding finding(TenantId tenant, String rule, Severity severity, boolean open, boolean muted) {
        return new StoredFinding(
                tenant,
                new Finding(rule, severity, "Title of " + rule, "Detail", "Fix", List.of()),
                T0,
                T0.plusSeconds(60),
                open ? null : T0.plusSeconds(120),
                null,
                muted);
    }

    private static void assertFirst(StoredFinding first, StoredFinding second) {
        assertThat(ORDER.compare(first, second)).isNegative();
        assertThat(ORDER.compare(second, first)).isPositive();
    }

    @Test
    void openFindingsComeBeforeResolvedOnes() {
        StoredFinding open = finding(HIGH_TENANT, "z-rule", Severity.INFO, true, true);
        StoredFinding resolved = finding(LOW_TENANT, "a-rule", Severity.CRITICAL, false, false);

        assertFirst(open, resolved);
    }

    @Test
    void unmutedFindingsComeBeforeMutedOnes() {
        StoredFinding unmuted = finding(HIGH_TENANT, "z-rule", Severity.INFO, true, false);
        StoredFinding muted = finding(LOW_TENANT, "a-rule", Severity.CRITICAL, true, true);

        assertFirst(unmuted, muted);
    }

    @Test
    void moreSevereFindingsComeBeforeLessSevereOnes() {
        StoredFinding high = finding(HIGH_TENANT, "z-rule", Severity.HIGH, true, false);
        StoredFinding low = finding(LOW_TENANT, "a-rule", Severity.LOW, true, false);

        assertFirst(high, low);
    }

    @Test
    void findingsOfOneSeverityAreOrderedByRuleId() {
        StoredFinding a = finding(HIGH_TENANT, "a-rule", Severity.MEDIUM, true, false);
        StoredFinding b = finding(LOW_TENANT, "b-rule", Severity.MEDIUM, true, false);

        assertFirst(a, b);
    }

    @Test
    void findingsOfOneRuleAreOrderedByTenantId() {
        StoredFinding low = finding(LOW_TENANT, "a-rule", Severity.MEDIUM, true, false);
        StoredFinding high = finding(HIGH_TENANT, "a-rule", Severity.MEDIUM, true, false);

        assertFirst(low, high);
    }

    @Test
    void acknowledgementAndDatesPlayNoPart() {
        StoredFinding plain = finding(LOW_TENANT, "a-rule", Severity.MEDIUM, true, false);
        StoredFinding acknowledged = new StoredFinding(
                LOW_TENANT, plain.finding(), T0.minusSeconds(3600), T0.plusSeconds(7200), null, T0, false);

        assertThat(ORDER.compare(plain, acknowledged)).isZero();
        assertThat(ORDER.compare(acknowledged, plain)).isZero();
    }

    @Test
    void sortsAShuffledListIntoTheDocumentedOrder() {
        List<StoredFinding> expected = List.of(
                finding(LOW_TENANT, "b-rule", Severity.CRITICAL, true, false),
                finding(LOW_TENANT, "a-rule", Severity.HIGH, true, false),
                finding(HIGH_TENANT, "a-rule", Severity.HIGH, true, false),
                finding(LOW_TENANT, "c-rule", Severity.HIGH, true, false),
                finding(LOW_TENANT, "d-rule", Severity.INFO, true, false),
                finding(LOW_TENANT, "e-rule", Severity.CRITICAL, true, true),
                finding(LOW_TENANT, "f-rule", Severity.LOW, true, true),
                finding(LOW_TENANT, "g-rule", Severity.CRITICAL, false, false),
                finding(LOW_TENANT, "h-rule", Severity.CRITICAL, false, true));
        List<StoredFinding> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));

        shuffled.sort(ORDER);

        assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @Test
    void refusesNullElements() {
        StoredFinding f = finding(LOW_TENANT, "a-rule", Severity.MEDIUM, true, false);

        assertThatNullPointerException().isThrownBy(() -> ORDER.compare(f, null));
        assertThatNullPointerException().isThrownBy(() -> ORDER.compare(null, f));
    }
}
