package dev.entrasync.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a tenant's {@code organization} object from its profile and subscriptions. */
final class Organizations {
    private Organizations() {}

    static Map<String, Object> of(TenantData tenant, List<SkuCatalog.Sku> skus) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("id", tenant.id());
        org.put("deletedDateTime", null);
        org.put("businessPhones", List.of("+1 425 555 0100"));
        org.put("city", "Redmond");
        org.put("country", null);
        org.put("countryLetterCode", "US");
        org.put("createdDateTime", tenant.createdDateTime());
        org.put("defaultUsageLocation", null);
        org.put("displayName", tenant.displayName());
        org.put("marketingNotificationEmails", List.of());
        org.put("onPremisesLastSyncDateTime", null);
        org.put("onPremisesSyncEnabled", null);
        org.put("partnerTenantType", null);
        org.put("postalCode", "98052");
        org.put("preferredLanguage", "en");
        org.put("securityComplianceNotificationMails", List.of());
        org.put("securityComplianceNotificationPhones", List.of());
        org.put("state", "WA");
        org.put("street", "1 Microsoft Way");
        org.put("technicalNotificationMails", List.of("admin@" + tenant.defaultDomain()));
        org.put("tenantType", "AAD");
        List<Map<String, Object>> plans = new ArrayList<>();
        for (SkuCatalog.Sku sku : skus) {
            for (Map<String, Object> plan : sku.servicePlans()) {
                Map<String, Object> assigned = new LinkedHashMap<>();
                assigned.put("assignedDateTime", tenant.createdDateTime());
                assigned.put("capabilityStatus", "Enabled");
                assigned.put("service", plan.get("servicePlanName"));
                assigned.put("servicePlanId", plan.get("servicePlanId"));
                plans.add(assigned);
            }
        }
        org.put("assignedPlans", plans);
        org.put("provisionedPlans", List.of());
        org.put("verifiedDomains", tenant.verifiedDomains());
        return org;
    }
}
