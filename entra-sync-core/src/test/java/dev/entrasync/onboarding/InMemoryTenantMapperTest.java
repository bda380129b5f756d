package dev.entrasync.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.Dataset;
import dev.entrasync.InMemoryTenantMapper;
import dev.entrasync.MappingConflictException;
import dev.entrasync.SyncedData;
import dev.entrasync.TenantBlock;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryTenantMapperTest {

    private static final TenantId CONTOSO = TenantId.of("11111111-1111-4111-8111-111111111111");
    private static final TenantId FABRIKAM = TenantId.of("22222222-2222-4222-8222-222222222222");

    private static TenantMapping mapping(String company, TenantId tenant) {
        return new TenantMapping(company, tenant, "msp", "Name", null, Set.of(Dataset.USERS), false);
    }

    private static DiscoveredTenant discovered(TenantId tenant, String name) {
        ConsentUrl link = new ConsentUrl(URI.create("https://login.example/x"), "msp", tenant, null, Instant.EPOCH);
        return new DiscoveredTenant(
                tenant,
                name,
                name.toLowerCase() + ".com",
                ConsentStatus.CONSENTED,
                link,
                DiscoveredTenant.Source.GDAP,
                null);
    }

    @Test
    void refusesASecondCompanyForATenantAndASecondTenantForACompany() {
        InMemoryTenantMapper mapper = new InMemoryTenantMapper();
        mapper.map(mapping("c1", CONTOSO));

        assertThatThrownBy(() -> mapper.map(mapping("c2", CONTOSO)))
                .isInstanceOf(MappingConflictException.class)
                .hasMessageContaining("already mapped to company c1")
                .satisfies(e -> assertThat(
                                ((MappingConflictException) e).existing().companyId())
                        .isEqualTo("c1"));
        assertThatThrownBy(() -> mapper.map(mapping("c1", FABRIKAM)))
                .isInstanceOf(MappingConflictException.class)
                .hasMessageContaining("Company c1 is already mapped to tenant " + CONTOSO);
        assertThat(mapper.list()).containsExactly(mapping("c1", CONTOSO));
    }

    @Test
    void updatesDatasetsAndPauseButNotTheTenant() {
        InMemoryTenantMapper mapper = new InMemoryTenantMapper();
        TenantMapping original = mapper.map(mapping("c1", CONTOSO));

        TenantMapping paused = mapper.update(original.withPaused(true).withDatasets(Set.of(Dataset.DEVICES)));

        assertThat(mapper.findByCompany("c1")).contains(paused);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.datasets()).containsExactly(Dataset.DEVICES);
        assertThatThrownBy(() -> mapper.update(mapping("c1", FABRIKAM))).hasMessageStartingWith("tenant:");
        assertThatThrownBy(() -> mapper.update(mapping("c9", FABRIKAM))).hasMessageStartingWith("companyId:");
    }

    @Test
    void deletingWithPurgeRemovesSyncedDataThroughThePurger() {
        List<TenantMapping> purged = new ArrayList<>();
        InMemoryTenantMapper mapper = new InMemoryTenantMapper(purged::add);
        TenantMapping m = mapper.map(mapping("c1", CONTOSO));

        assertThat(mapper.delete("c1", SyncedData.PURGE)).contains(m);

        assertThat(purged).containsExactly(m);
        assertThat(mapper.findByTenant(CONTOSO)).isEmpty();
        assertThat(mapper.delete("c1", SyncedData.PURGE)).isEmpty();
    }

    @Test
    void refusesToPurgeWithoutAPurgerAndKeepsTheMapping() {
        InMemoryTenantMapper mapper = new InMemoryTenantMapper();
        mapper.map(mapping("c1", CONTOSO));

        assertThatThrownBy(() -> mapper.delete("c1", SyncedData.PURGE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Nothing was deleted");

        assertThat(mapper.findByCompany("c1")).isPresent();
    }

    @Test
    void anImportStoppedByTheDirectoryContinuesWhereItStopped() {
        InMemoryTenantMapper mapper = new InMemoryTenantMapper();
        List<DiscoveredTenant> tenants = List.of(discovered(CONTOSO, "Contoso"), discovered(FABRIKAM, "Fabrikam"));
        CompanyDirectory failingOnFabrikam = (name, domain) -> {
            if (name.equals("Fabrikam")) {
                throw new IllegalStateException("host database down");
            }
            return "company-" + name;
        };

        assertThatThrownBy(() ->
                        TenantImport.importTenants(mapper, "msp", tenants, Set.of(Dataset.USERS), failingOnFabrikam))
                .hasMessage("host database down");
        ImportResult resumed =
                TenantImport.importTenants(mapper, "msp", tenants, Set.of(Dataset.USERS), (n, d) -> "company-" + n);

        assertThat(resumed.skipped())
                .extracting(ImportResult.Skipped::companyId)
                .containsExactly("company-Contoso");
        assertThat(resumed.imported()).extracting(TenantMapping::companyId).containsExactly("company-Fabrikam");
        assertThat(resumed.imported().get(0).defaultDomain()).isEqualTo("fabrikam.com");
    }

    @Test
    void mappingsRefuseInvalidFieldsNamingThem() {
        assertThatThrownBy(() -> mapping(" ", CONTOSO)).hasMessageStartingWith("companyId:");
        assertThatThrownBy(() -> mapping("c1", TenantId.of("contoso.com"))).hasMessageStartingWith("tenant:");
        assertThatThrownBy(() -> new TenantMapping("c1", CONTOSO, "msp", null, null, Set.of(), false))
                .hasMessageStartingWith("datasets:");
    }

    @Test
    void changeStoresControlsAndLosesNoConcurrentChange() throws Exception {
        InMemoryTenantMapper mapper = new InMemoryTenantMapper();
        mapper.map(mapping("c1", CONTOSO));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 40; i++) {
            pool.submit(() -> mapper.change(
                    CONTOSO,
                    m -> m.withInterval((m.interval() == null ? Duration.ZERO : m.interval()).plusMinutes(1))));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        TenantBlock block = new TenantBlock(
                dev.entrasync.TokenFailure.SECRET_EXPIRED,
                "AADSTS7000222: expired",
                Instant.parse("2026-12-01T00:00:00Z"),
                "0123456789abcdef0123456789abcdef");
        TenantMapping changed = mapper.change(CONTOSO, m -> m.withExcluded(true).withBlock(block))
                .orElseThrow();

        assertThat(changed.interval()).isEqualTo(Duration.ofMinutes(40));
        assertThat(mapper.findByTenant(CONTOSO)).contains(changed);
        assertThat(changed.excluded()).isTrue();
        assertThat(changed.block()).isEqualTo(block);
        assertThat(mapper.change(FABRIKAM, m -> m.withExcluded(true))).isEmpty();
        assertThatThrownBy(() -> mapper.change(CONTOSO, m -> mapping("c2", CONTOSO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("change: may not move");
        assertThat(mapper.findByTenant(CONTOSO)).contains(changed);
    }

    @Test
    void anIntervalUnderAMinuteIsRefusedNamingTheField() {
        assertThatThrownBy(() -> mapping("c1", CONTOSO).withInterval(Duration.ofSeconds(59)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval: must be at least 1 minute, was PT59S; use null for the engine's interval");
        assertThatThrownBy(() -> new TenantBlock(null, "r", Instant.EPOCH, "d")).hasMessageStartingWith("failure:");
    }
}
