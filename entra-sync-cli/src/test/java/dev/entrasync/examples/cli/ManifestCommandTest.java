package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.onboarding.PermissionManifest;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ManifestCommandTest {

    @Test
    void printsTheManifestBlockForEveryDataset() {
        CliRunner.Run run = CliRunner.here("manifest");

        assertThat(run.exit()).isZero();
        assertThat(run.out().trim())
                .isEqualTo(PermissionManifest.of(EnumSet.allOf(Dataset.class), false, false)
                        .manifestBlock());
        assertThat(run.out()).doesNotContain("b633e1c5-b582-4048-a93e-9f11b44c7e96");
    }

    @Test
    void addsMailSendOnlyWithMailAndGdapOnlyForAPartner() {
        CliRunner.Run run = CliRunner.here("manifest", "--datasets", "users,audit-logs", "--csp", "--mail");

        assertThat(run.out().trim())
                .isEqualTo(PermissionManifest.of(EnumSet.of(Dataset.USERS, Dataset.AUDIT_LOGS), true, true)
                        .manifestBlock());
        assertThat(run.out())
                .contains("b633e1c5-b582-4048-a93e-9f11b44c7e96")
                .contains("f6e9e124-4586-492f-adc0-c6f96e4823fd");
    }

    @Test
    void namesTheAcceptedDatasetsForAnUnknownOne() {
        CliRunner.Run run = CliRunner.here("manifest", "--datasets", "users,mailboxes");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown dataset 'mailboxes'").contains("audit_logs");
    }
}
