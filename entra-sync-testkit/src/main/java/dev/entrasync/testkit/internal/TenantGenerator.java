package dev.entrasync.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds a {@link TenantData} from a {@link TenantSpec}, deterministically from its seed. */
public final class TenantGenerator {
  private TenantGenerator() {}

  /** Generates the tenant the spec describes. */
  public static TenantData generate(TenantSpec spec) {
    SplittableRandom random = new SplittableRandom(spec.seed() * 31 + spec.name().hashCode());
    String id = Ids.guid(random);
    String initial = NameData.nickname(spec.name()) + ".onmicrosoft.com";
    List<Map<String, Object>> domains = new ArrayList<>();
    domains.add(domain(initial, spec.customDomain() == null, true));
    if (spec.customDomain() != null) {
      domains.add(domain(spec.customDomain(), true, false));
    }
    TenantData tenant = new TenantData(id, spec.name(), domains, spec.premium(),
        Gen.iso(spec.asOf().minusSeconds(86_400L * (400 + random.nextInt(2000)))));
    Gen gen = new Gen(random, spec, tenant);
    createStores(tenant);

    List<SkuCatalog.Sku> main = pickMainSkus(gen);
    SkuCatalog.Sku addOn = spec.premium() ? SkuCatalog.EMS : null;
    UserGenerator users = new UserGenerator(gen, tenant.defaultDomain(), main, addOn);
    EntityStore userStore = tenant.store("users");
    for (int i = 0; i < spec.users(); i++) {
      userStore.put(users.member());
    }
    for (int i = 0; i < spec.guests(); i++) {
      userStore.put(users.guest());
    }
    tenant.store("organization").put(organization(tenant, main));
    return tenant;
  }

  /** Creates the empty collections every tenant has. */
  static void createStores(TenantData tenant) {
    tenant.store("users", "user");
    tenant.store("devices", "device");
    tenant.store("groups", "group");
    tenant.store("servicePrincipals", "servicePrincipal");
    tenant.store("subscribedSkus", "subscribedSku");
    tenant.store("directoryRoles", "directoryRole");
    tenant.store("organization", "organization");
  }

  private static Map<String, Object> organization(TenantData tenant, List<SkuCatalog.Sku> skus) {
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

  private static List<SkuCatalog.Sku> pickMainSkus(Gen gen) {
    List<SkuCatalog.Sku> pool = gen.spec.premium() ? SkuCatalog.PREMIUM_MAIN : SkuCatalog.BASIC_MAIN;
    int first = gen.random.nextInt(pool.size());
    List<SkuCatalog.Sku> main = new ArrayList<>();
    main.add(pool.get(first));
    if (gen.chance(0.5)) {
      main.add(pool.get((first + 1) % pool.size()));
    }
    return main;
  }

  private static Map<String, Object> domain(String name, boolean isDefault, boolean isInitial) {
    Map<String, Object> domain = new LinkedHashMap<>();
    domain.put("capabilities", isInitial ? "Email, OfficeCommunicationsOnline" : "Email");
    domain.put("isDefault", isDefault);
    domain.put("isInitial", isInitial);
    domain.put("name", name);
    domain.put("type", "Managed");
    return domain;
  }
}
