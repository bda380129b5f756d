package dev.entrasync.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordPatchTest {

    private static final Instant CREATED = Instant.parse("2024-01-02T03:04:05Z");

    private static EntraUser stored() {
        return new EntraUser(
                "u1",
                "ada@contoso.com",
                "Ada",
                true,
                "Member",
                CREATED,
                null,
                List.of("ada@example.org"),
                null,
                List.of(new AssignedLicense("sku", "Microsoft 365 E3")),
                List.of("Global Administrator"),
                new MfaStatus(MfaStatus.State.REGISTERED, true, List.of("microsoftAuthenticatorPush"), "push"));
    }

    @Test
    void appliesOnlyTheNamedFields() {
        EntraUser partial =
                new EntraUser("u1", null, "Ada Lovelace", false, null, null, null, null, null, null, null, null);
        RecordPatch<EntraUser> patch = RecordPatch.upsert(partial, Set.of("displayName", "accountEnabled"));

        EntraUser merged = patch.applyTo(stored());

        assertThat(merged.displayName()).isEqualTo("Ada Lovelace");
        assertThat(merged.accountEnabled()).isFalse();
        assertThat(merged.userPrincipalName()).isEqualTo("ada@contoso.com");
        assertThat(merged.createdDateTime()).isEqualTo(CREATED);
        assertThat(merged.otherMails()).containsExactly("ada@example.org");
        assertThat(merged.directoryRoles()).containsExactly("Global Administrator");
        assertThat(merged.mfa().state()).isEqualTo(MfaStatus.State.REGISTERED);
    }

    @Test
    void appliesANamedFieldThatIsNowNull() {
        EntraUser partial = new EntraUser("u1", null, null, null, null, null, null, null, null, null, null, null);

        EntraUser merged = RecordPatch.upsert(partial, Set.of("displayName")).applyTo(stored());

        assertThat(merged.displayName()).isNull();
        assertThat(merged.userPrincipalName()).isEqualTo("ada@contoso.com");
    }

    @Test
    void insertsOrDropsAnAbsentObjectAsTold() {
        EntraUser values =
                new EntraUser("u2", "new@contoso.com", null, null, null, null, null, null, null, null, null, null);

        assertThat(RecordPatch.upsert(values, Set.of("userPrincipalName")).applyTo(null))
                .isSameAs(values);
        assertThat(RecordPatch.update(values, Set.of("userPrincipalName")).applyTo(null))
                .isNull();
    }

    @Test
    void ignoresIdAndRejectsUnknownFields() {
        EntraUser values = stored();

        assertThat(RecordPatch.upsert(values, Set.of("id", "mfa")).fields()).containsExactly("mfa");
        assertThatThrownBy(() -> RecordPatch.upsert(values, Set.of("lastSignIn")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lastSignIn' is not a component of EntraUser");
    }

    @Test
    void refusesToMergeAnotherObject() {
        EntraUser other = new EntraUser("u9", null, null, null, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> RecordPatch.upsert(stored(), Set.of("mfa")).applyTo(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected EntraUser u1, got EntraUser u9");
    }
}
