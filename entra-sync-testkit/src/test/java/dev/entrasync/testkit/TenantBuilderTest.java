package dev.entrasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantBuilderTest {
    private static final Instant AS_OF = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void sameSeedGivesSameTenant() {
        SimulatedTenant a =
                TenantBuilder.create("Contoso").seed(42).asOf(AS_OF).users(50).build();
        SimulatedTenant b =
                TenantBuilder.create("Contoso").seed(42).asOf(AS_OF).users(50).build();
        SimulatedTenant c =
                TenantBuilder.create("Contoso").seed(43).asOf(AS_OF).users(50).build();

        assertThat(a.id()).isEqualTo(b.id()).isNotEqualTo(c.id());
        assertThat(a.users().list()).isEqualTo(b.users().list());
        assertThat(a.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void generatesRealisticMembersAndGuests() {
        SimulatedTenant tenant = TenantBuilder.create("Contoso")
                .seed(1)
                .users(200)
                .guests(15)
                .customDomain("contoso.com")
                .build();

        List<Map<String, Object>> users = tenant.users().list();

        assertThat(tenant.domains()).containsExactly("contoso.onmicrosoft.com", "contoso.com");
        assertThat(tenant.defaultDomain()).isEqualTo("contoso.com");
        assertThat(users).hasSize(215);
        assertThat(users.stream().filter(u -> "Guest".equals(u.get("userType"))))
                .hasSize(15)
                .allSatisfy(g -> assertThat((String) g.get("userPrincipalName")).endsWith("#EXT#@contoso.com"));
        assertThat(users.stream().filter(u -> "Member".equals(u.get("userType"))))
                .allSatisfy(m -> assertThat((String) m.get("userPrincipalName")).endsWith("@contoso.com"));
        assertThat(users).extracting(u -> u.get("userPrincipalName")).doesNotHaveDuplicates();
        assertThat(users).anySatisfy(u -> assertThat(u.get("accountEnabled")).isEqualTo(false));
        assertThat(users).anySatisfy(u -> assertThat(u.get("passwordPolicies")).isEqualTo("DisablePasswordExpiration"));
        assertThat(users)
                .anySatisfy(u -> assertThat((List<?>) u.get("assignedLicenses")).isNotEmpty());
        assertThat(users)
                .allSatisfy(u -> assertThat(u)
                        .containsKeys(
                                "createdDateTime",
                                "lastPasswordChangeDateTime",
                                "otherMails",
                                "passwordPolicies",
                                "assignedLicenses"));
    }

    /**
     * A smoke bound, not a benchmark: on an idle 2-core machine the 10,000-user tenant (users and
     * MFA rows) generates in about 0.2 s once warm; the bound is loose because CI machines are
     * shared.
     */
    @Test
    void tenThousandUsersWithOneGuestPerTwenty() {
        SimulatedTenant big = TenantBuilder.create("Big")
                .seed(9)
                .users(10_000)
                .devices(0)
                .groups(0)
                .build();

        assertThat(big.users().size()).isEqualTo(10_500);
        assertThat(big.users().list().stream().filter(u -> "Guest".equals(u.get("userType"))))
                .hasSize(500);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> TenantBuilder.create("!!!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenantBuilder.create("A").users(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mutationsAreCheckedAgainstGraphSchema() {
        SimulatedTenant tenant = TenantBuilder.create("Contoso").users(3).build();
        String id = (String) tenant.users().list().get(0).get("id");

        tenant.users().update(id, Map.of("jobTitle", "CEO"));

        assertThat(tenant.users().get(id)).containsEntry("jobTitle", "CEO");
        assertThatThrownBy(() -> tenant.users().update(id, Map.of("shoeSize", 44)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shoeSize");
    }
}
