package dev.entrasync.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.GraphLimits;
import dev.entrasync.SyncConfig;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraUser;
import dev.entrasync.testing.RecordingSink;
import dev.entrasync.testkit.Faults;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run that fails halfway (after its first page reached the sink) leaves the sink exactly as the
 * previous successful run left it and the checkpoint where it was; the next run then succeeds.
 */
class FailedRunTest {

    private static final int ATTEMPTS = GraphLimits.ofDefaults().maxAttempts();
    private static final Set<Dataset> USERS = Set.of(Dataset.USERS);

    /** Stands for the process stopping: nothing in entra-sync catches it. */
    private static final class ProcessStopped extends Error {
        private static final long serialVersionUID = 1L;
    }

    private final DatasetsFixture fx = new DatasetsFixture();
    private SimulatedTenant tenant;
    private List<EntraRecord> before;
    private Optional<Checkpoint> checkpoint;

    @BeforeEach
    void aPreviousSuccessfulRun() {
        tenant = fx.tenant("Contoso", 2500, 10, 6);
        fx.sync(tenant, USERS);
        tenant.users().update((String) tenant.users().list().get(5).get("id"), Map.of("displayName", "Changed"));
        tenant.users().delete((String) tenant.users().list().get(6).get("id"));
        before = fx.records(tenant, Dataset.USERS);
        checkpoint = fx.checkpoints.load(TenantId.of(tenant.id()), Dataset.USERS);
        assertThat(checkpoint).isPresent();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private DatasetResult failHalfway(Consumer<Faults> fault) {
        RecordingSink sink = new RecordingSink(fx.sim.sink)
                .afterFirstWrite(
                        Dataset.USERS, () -> fault.accept(fx.sim.cloud.faults().forPath("/v1.0/users")));
        return fx.sync(tenant, USERS, sink).dataset(Dataset.USERS).orElseThrow();
    }

    private void assertNothingChanged() {
        assertThat(fx.records(tenant, Dataset.USERS)).isEqualTo(before);
        assertThat(fx.checkpoints.load(TenantId.of(tenant.id()), Dataset.USERS)).isEqualTo(checkpoint);
    }

    private void assertTheNextRunCatchesUp() {
        DatasetResult next = fx.sync(tenant, USERS).dataset(Dataset.USERS).orElseThrow();
        assertThat(next.status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        assertThat(fx.<EntraUser>records(tenant, Dataset.USERS))
                .hasSize(2499)
                .anySatisfy(u -> assertThat(u.displayName()).isEqualTo("Changed"));
    }

    @Test
    void aFullRoundWithAMalformedPageFailsAtOnceAndKeepsThePreviousData() {
        fx.config = SyncConfig.custom().deltaMaxAge(Duration.ofMinutes(1)).build();
        fx.sim.time.advance(Duration.ofMinutes(5));

        DatasetResult users = failHalfway(Faults::malformedNext);

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.mode()).isEqualTo(DatasetResult.Mode.FULL);
        assertThat(users.error()).contains("malformed").contains("not sent again");
        assertThat(users.fix()).contains("next sync retries");
        assertNothingChanged();
        assertTheNextRunCatchesUp();
    }

    @Test
    void aFullRoundWhosePageStaysCutOffKeepsThePreviousData() {
        fx.config = SyncConfig.custom().deltaMaxAge(Duration.ofMinutes(1)).build();
        fx.sim.time.advance(Duration.ofMinutes(5));

        DatasetResult users = failHalfway(f -> {
            for (int i = 0; i < ATTEMPTS; i++) {
                f.cutOffNext();
            }
        });

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.mode()).isEqualTo(DatasetResult.Mode.FULL);
        assertThat(users.error()).contains("Gave up").contains("cut off");
        assertThat(users.fix()).contains("next sync retries");
        assertNothingChanged();
        assertTheNextRunCatchesUp();
    }

    @Test
    void aDeltaRoundWhoseServerErrorOutlastsTheRetriesKeepsThePreviousData() {
        fx.sim.cloud.deltaPageSize(1);

        DatasetResult users = failHalfway(f -> f.failNext(ATTEMPTS, 500));

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.mode()).isEqualTo(DatasetResult.Mode.DELTA);
        assertThat(users.error()).contains("Gave up").contains("500");
        assertNothingChanged();
        assertTheNextRunCatchesUp();
    }

    @Test
    void aProcessThatStopsMidRunLeavesTheSinkAndTheCheckpointAsTheyWere() {
        fx.sim.cloud.deltaPageSize(1);
        RecordingSink dying = new RecordingSink(fx.sim.sink).afterFirstWrite(Dataset.USERS, () -> {
            throw new ProcessStopped();
        });

        Throwable stopped = catchThrowable(() -> fx.sync(tenant, USERS, dying));

        assertThat(stopped).isInstanceOf(ProcessStopped.class);
        assertNothingChanged();
        assertTheNextRunCatchesUp();
    }

    @Test
    void aFailedDatasetReportsNothingStoredAndSaysApartWhatWasRead() {
        fx.config = SyncConfig.custom().deltaMaxAge(Duration.ofMinutes(1)).build();
        fx.sim.time.advance(Duration.ofMinutes(5));

        DatasetResult users = failHalfway(Faults::malformedNext);

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.rowsUpserted()).isZero();
        assertThat(users.rowsRemoved()).isZero();
        assertThat(users.warnings())
                .singleElement()
                .asString()
                .matches("[1-9]\\d* rows were read before the failure; none were kept.*");
        assertThat(users.error()).contains(tenant.id()).contains("/v1.0/users");
        assertNothingChanged();
    }

    @Test
    void aDeltaRoundEndingWithoutADeltaLinkKeepsTheSavedLinkAndSaysTheNextRunReadsTheChangesFromIt() {
        fx.sim.cloud.faults().forPath("/v1.0/users/delta").withoutDeltaLinkNext(1);

        DatasetResult users = fx.sync(tenant, USERS).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.mode()).isEqualTo(DatasetResult.Mode.DELTA);
        assertThat(users.error())
                .contains("without an @odata.deltaLink")
                .contains("in tenant " + tenant.id())
                .contains("the saved delta link was kept, so the next run reads these changes again from it")
                .doesNotContain("full round");
        assertNothingChanged();
        DatasetResult next = fx.sync(tenant, USERS).dataset(Dataset.USERS).orElseThrow();
        assertThat(next.mode()).isEqualTo(DatasetResult.Mode.DELTA);
        assertTheNextRunCatchesUp();
    }

    @Test
    void aSinkFailureNamesTheTenantAndItsType() {
        RecordingSink failing = new RecordingSink(fx.sim.sink).afterFirstWrite(Dataset.USERS, () -> {
            throw new IllegalStateException("disk full");
        });
        fx.sim.cloud.deltaPageSize(1);

        DatasetResult users =
                fx.sync(tenant, USERS, failing).dataset(Dataset.USERS).orElseThrow();

        assertThat(users.status()).isEqualTo(DatasetResult.Status.FAILED);
        assertThat(users.error())
                .startsWith("disk full")
                .contains("tenant " + tenant.id())
                .contains("java.lang.IllegalStateException");
        assertNothingChanged();
    }
}
