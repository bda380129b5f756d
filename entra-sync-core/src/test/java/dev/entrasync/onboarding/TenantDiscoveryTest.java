package dev.entrasync.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.Dataset;
import dev.entrasync.GraphException;
import dev.entrasync.InMemoryTenantMapper;
import dev.entrasync.MappingConflictException;
import dev.entrasync.SyncedData;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tenant discovery for plain and CSP partner credentials, and importing and mapping what it found. */
class TenantDiscoveryTest {

    private OnboardingFixture sim;

    @AfterEach
    void close() {
        sim.close();
    }

    /** A partner with 50 GDAP customers; all but the last three consented. */
    private List<SimulatedTenant> partnerWithFiftyCustomers() {
        sim = new OnboardingFixture(true);
        sim.home.consent(sim.app, Permissions.DELEGATED_ADMIN_RELATIONSHIP_READ_ALL);
        List<SimulatedTenant> customers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            SimulatedTenant customer = sim.cloud.addTenant(TenantBuilder.create("Customer " + i)
                    .seed(i)
                    .users(1)
                    .customDomain("customer" + i + ".example.com")
                    .build());
            sim.home.addGdapCustomer(customer);
            if (i < 47) {
                customer.consent(sim.app, Permissions.ORGANIZATION_READ_ALL, Permissions.USER_READ_ALL);
            }
            customers.add(customer);
        }
        return customers;
    }

    @Test
    void findsTheFiftyGdapCustomersOfACspPartnerWithTheirConsentStatus() {
        List<SimulatedTenant> customers = partnerWithFiftyCustomers();

        List<DiscoveredTenant> found = sim.onboarding.discovery().discover("msp");

        assertThat(found).hasSize(50);
        assertThat(found)
                .extracting(t -> t.tenant().value())
                .containsExactlyInAnyOrderElementsOf(
                        customers.stream().map(SimulatedTenant::id).toList());
        DiscoveredTenant first = found.stream()
                .filter(t -> t.tenant().value().equals(customers.get(0).id()))
                .findFirst()
                .orElseThrow();
        assertThat(first.displayName()).isEqualTo("Customer 0");
        assertThat(first.defaultDomain()).isEqualTo("customer0.example.com");
        assertThat(first.consentStatus()).isEqualTo(ConsentStatus.CONSENTED);
        assertThat(first.source()).isEqualTo(DiscoveredTenant.Source.GDAP);
        assertThat(first.consentUrl().uri().getPath())
                .isEqualTo("/" + customers.get(0).id() + "/oauth2/v2.0/authorize");
        assertThat(found.stream().filter(t -> t.consentStatus() == ConsentStatus.NOT_CONSENTED))
                .hasSize(3)
                .allSatisfy(t -> {
                    assertThat(t.displayName()).startsWith("Customer 4");
                    assertThat(t.defaultDomain()).isNull();
                });
        List<RecordedCall> graph = sim.cloud.graphCalls();
        assertThat(graph).hasSize(1 + 47);
        assertThat(graph.get(0).path()).isEqualTo("/v1.0/tenantRelationships/delegatedAdminCustomers");
        assertThat(graph.subList(1, graph.size()))
                .allSatisfy(c -> assertThat(c.path()).isEqualTo("/v1.0/organization"));
        assertThat(sim.cloud.tokenCalls()).hasSize(1 + 50);
    }

    @Test
    void importsFiftyCustomersAsNewCompaniesThenMapsDeletesAndRefusesASecondMapping() {
        partnerWithFiftyCustomers();
        List<DiscoveredTenant> found = sim.onboarding.discovery().discover("msp");
        List<String> created = new ArrayList<>();
        CompanyDirectory directory = (name, domain) -> {
            created.add(name + " <" + domain + ">");
            return "company-" + created.size();
        };
        InMemoryTenantMapper mapper = new InMemoryTenantMapper();

        ImportResult imported = TenantImport.importTenants(mapper, "msp", found, Set.of(Dataset.USERS), directory);

        assertThat(imported.imported()).hasSize(50);
        assertThat(imported.skipped()).isEmpty();
        assertThat(created).hasSize(50).contains("Customer 0 <customer0.example.com>", "Customer 49 <null>");
        assertThat(mapper.list()).hasSize(50).allSatisfy(m -> {
            assertThat(m.credentialName()).isEqualTo("msp");
            assertThat(m.datasets()).containsExactly(Dataset.USERS);
            assertThat(m.paused()).isFalse();
        });

        DiscoveredTenant seventh = found.get(7);
        assertThatThrownBy(() -> mapper.map(seventh.toMapping("host-company-99", "msp", Set.of(Dataset.USERS))))
                .isInstanceOf(MappingConflictException.class)
                .hasMessageContaining("Tenant " + seventh.tenant() + " is already mapped to company company-8");

        assertThat(mapper.delete("company-8", SyncedData.KEEP))
                .get()
                .extracting(TenantMapping::tenant)
                .isEqualTo(seventh.tenant());
        TenantMapping existing = mapper.map(seventh.toMapping("host-company-99", "msp", Set.of(Dataset.DEVICES)));

        assertThat(mapper.findByTenant(seventh.tenant())).contains(existing);
        assertThat(mapper.list()).hasSize(50);
        ImportResult again = TenantImport.importTenants(mapper, "msp", found, Set.of(Dataset.USERS), directory);
        assertThat(again.imported()).isEmpty();
        assertThat(again.skipped()).hasSize(50);
        assertThat(created).hasSize(50);
    }

    @Test
    void fallsBackToLegacyContractsWhenGdapIsNotPermitted() {
        sim = new OnboardingFixture(true);
        sim.home.consent(sim.app, Permissions.DIRECTORY_READ_ALL);
        SimulatedTenant northwind = sim.cloud.addTenant(TenantBuilder.create("Northwind")
                .seed(3)
                .users(1)
                .customDomain("northwind.com")
                .build());
        sim.home.addGdapCustomer(northwind);
        sim.home.addContract(northwind);

        List<DiscoveredTenant> found = sim.onboarding.discovery().discover("msp");

        assertThat(found).singleElement().satisfies(t -> {
            assertThat(t.source()).isEqualTo(DiscoveredTenant.Source.CONTRACT);
            assertThat(t.consentStatus()).isEqualTo(ConsentStatus.NOT_CONSENTED);
            assertThat(t.displayName()).isEqualTo("Northwind");
            assertThat(t.defaultDomain()).isEqualTo("northwind.com");
        });
        assertThat(sim.cloud.graphCalls())
                .extracting(RecordedCall::path, RecordedCall::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/v1.0/tenantRelationships/delegatedAdminCustomers", 403),
                        org.assertj.core.groups.Tuple.tuple("/v1.0/contracts", 200));
    }

    @Test
    void namesThePermissionToAddWhenNeitherCustomerListCanBeRead() {
        sim = new OnboardingFixture(true);
        sim.home.consent(sim.app, Permissions.USER_READ_ALL);

        assertThatThrownBy(() -> sim.onboarding.discovery().discover("msp"))
                .isInstanceOf(GraphException.class)
                .hasMessageContaining("Could not list the CSP partner's customers")
                .hasMessageContaining("Fix: add DelegatedAdminRelationship.Read.All");
    }

    @Test
    void listsTheConsentedTenantsOfAPlainCredentialWithTheirNamesAndDomains() {
        sim = new OnboardingFixture(false);
        SimulatedTenant contoso = sim.cloud.addTenant(TenantBuilder.create("Contoso")
                .seed(5)
                .users(1)
                .customDomain("contoso.com")
                .build());
        SimulatedTenant gone = sim.tenant("Revoked Ltd");
        contoso.consent(sim.app, Permissions.ORGANIZATION_READ_ALL);
        for (SimulatedTenant t : List.of(contoso, gone)) {
            sim.consents.save(new ConsentRecord("msp", TenantId.of(t.id()), null, Set.of(), Instant.EPOCH));
        }

        List<DiscoveredTenant> found = sim.onboarding.discovery().discover("msp");

        assertThat(found).hasSize(2);
        DiscoveredTenant ok = found.stream()
                .filter(t -> t.tenant().value().equals(contoso.id()))
                .findFirst()
                .orElseThrow();
        assertThat(ok.displayName()).isEqualTo("Contoso");
        assertThat(ok.defaultDomain()).isEqualTo("contoso.com");
        assertThat(ok.consentStatus()).isEqualTo(ConsentStatus.CONSENTED);
        assertThat(ok.source()).isEqualTo(DiscoveredTenant.Source.CONSENT);
        DiscoveredTenant revoked = found.stream()
                .filter(t -> t.tenant().value().equals(gone.id()))
                .findFirst()
                .orElseThrow();
        assertThat(revoked.consentStatus()).isEqualTo(ConsentStatus.NOT_CONSENTED);
        assertThat(revoked.name()).isEqualTo(gone.id());
        assertThat(sim.cloud.graphCalls()).hasSize(1);
    }
}
