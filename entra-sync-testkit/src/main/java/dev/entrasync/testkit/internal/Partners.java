package dev.entrasync.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns a tenant into a CSP partner: GDAP customer list, DAP contracts, partner tenant type. */
public final class Partners {
    private Partners() {}

    /** Adds {@code customers} to the partner's GDAP customers and contracts. */
    public static void fill(TenantData partner, List<TenantData> customers) {
        Map<String, Object> org =
                new LinkedHashMap<>(partner.store("organization").all().get(0));
        org.put("partnerTenantType", "ResellerPartnerDelegatedAdmin");
        partner.store("organization").put(org);
        for (TenantData customer : customers) {
            Map<String, Object> gdap = new LinkedHashMap<>();
            gdap.put("id", customer.id());
            gdap.put("displayName", customer.displayName());
            gdap.put("tenantId", customer.id());
            partner.store("delegatedAdminCustomers").put(gdap);
            Map<String, Object> contract = new LinkedHashMap<>();
            contract.put(
                    "id",
                    UUID.nameUUIDFromBytes((partner.id() + customer.id()).getBytes())
                            .toString());
            contract.put("deletedDateTime", null);
            contract.put("contractType", "ResellerPartner");
            contract.put("customerId", customer.id());
            contract.put("defaultDomainName", customer.defaultDomain());
            contract.put("displayName", customer.displayName());
            partner.store("contracts").put(contract);
        }
        partner.addCustomerTenantIds(customers.stream().map(TenantData::id).toList());
    }
}
