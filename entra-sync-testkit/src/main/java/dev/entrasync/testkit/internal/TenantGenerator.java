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
        SplittableRandom random =
                new SplittableRandom(spec.seed() * 31 + spec.name().hashCode());
        String generatedId = Ids.guid(random);
        String id = spec.tenantId() != null ? spec.tenantId() : generatedId;
        String initial = NameData.nickname(spec.name()) + ".onmicrosoft.com";
        List<Map<String, Object>> domains = new ArrayList<>();
        domains.add(domain(initial, spec.customDomain() == null, true));
        if (spec.customDomain() != null) {
            domains.add(domain(spec.customDomain(), true, false));
        }
        TenantData tenant = new TenantData(
                id,
                spec.name(),
                domains,
                spec.premium(),
                Gen.iso(spec.asOf().minusSeconds(86_400L * (400 + random.nextInt(2000)))));
        Gen gen = new Gen(random, spec, tenant);
        createStores(tenant);

        List<SkuCatalog.Sku> main = pickMainSkus(gen);
        SkuCatalog.Sku addOn = spec.premium() ? SkuCatalog.EMS : null;
        UserGenerator userGen = new UserGenerator(gen, tenant.defaultDomain(), main, addOn);
        List<Map<String, Object>> members = new ArrayList<>(spec.users());
        List<Map<String, Object>> users = new ArrayList<>(spec.users() + spec.guests());
        for (int i = 0; i < spec.users(); i++) {
            members.add(userGen.member());
        }
        users.addAll(members);
        for (int i = 0; i < spec.guests(); i++) {
            users.add(userGen.guest());
        }
        users.forEach(tenant.store("users")::put);

        DeviceGenerator deviceGen = new DeviceGenerator(gen);
        List<Map<String, Object>> devices = new ArrayList<>();
        for (int i = 0; i < spec.devices(); i++) {
            devices.add(tenant.store("devices").put(deviceGen.device()));
        }

        GroupGenerator groupGen = new GroupGenerator(gen, tenant.defaultDomain(), initial);
        List<Map<String, Object>> groups = new ArrayList<>();
        String roleGroupId = null;
        for (int i = 0; i < spec.groups(); i++) {
            GroupGenerator.Kind kind = i == 0 ? GroupGenerator.Kind.ROLE_ASSIGNABLE : groupGen.pickKind();
            String name = i == 0
                    ? "Helpdesk Admins"
                    : kind == GroupGenerator.Kind.DYNAMIC
                            ? NameData.pick(random, NameData.DEPARTMENTS)
                            : NameData.pick(random, NameData.TEAMS);
            groups.add(tenant.store("groups").put(groupGen.group(kind, name)));
            if (i == 0) {
                roleGroupId = (String) groups.get(0).get("id");
            }
        }

        DirectoryGenerator directory = new DirectoryGenerator(gen);
        List<String> spIds = directory.servicePrincipals();
        directory.groupMembers(users, groups, devices);
        if (spec.generateRoles()) {
            directory.roles(members, roleGroupId, spIds);
        }

        ReportGenerator reports = new ReportGenerator(gen);
        java.util.Set<String> admins = tenant.adminUserIds();
        for (Map<String, Object> user : users) {
            tenant.store("userRegistrationDetails").put(reports.row(user, admins.contains((String) user.get("id"))));
        }
        for (SkuCatalog.Sku sku : tenantSkus(main, addOn)) {
            tenant.store("subscribedSkus").put(subscribedSku(gen, sku, users.size()));
        }
        new AuditGenerator(gen)
                .events(
                        spec.auditDays(),
                        spec.auditEventsPerDay(),
                        members,
                        tenant.store("servicePrincipals").all())
                .forEach(tenant.store("directoryAudits")::put);
        RoleAuditEvents.describeGenerated(tenant);
        ScoreGenerator scores = new ScoreGenerator(gen);
        scores.profiles().forEach(tenant.store("secureScoreControlProfiles")::put);
        long licensed = members.stream()
                .filter(u -> !((List<?>) u.get("assignedLicenses")).isEmpty())
                .count();
        scores.scores(spec.secureScoreDays(), members.size(), (int) licensed)
                .forEach(tenant.store("secureScores")::put);
        tenant.store("organization").put(Organizations.of(tenant, main));
        PolicyGenerator policies = new PolicyGenerator(gen);
        String breakGlass = members.isEmpty() ? null : (String) members.get(0).get("id");
        policies.policies(breakGlass, roleGroupId).forEach(tenant.store("conditionalAccessPolicies")::put);
        tenant.store("identitySecurityDefaultsEnforcementPolicy").put(policies.securityDefaults());
        // from a random source of their own, so that adding them left every other generated object as it was
        Gen apps = new Gen(new SplittableRandom(spec.seed() * 31 + spec.name().hashCode() + 17), spec, tenant);
        new AppGenerator(apps).generate();
        new ManagedDeviceGenerator(apps).generate(devices, members);
        tenant.intune(spec.premium());
        return tenant;
    }

    /** Creates the empty collections every tenant has. */
    static void createStores(TenantData tenant) {
        for (String[] store : new String[][] {
            {"users", "user"},
            {"devices", "device"},
            {"groups", "group"},
            {"servicePrincipals", "servicePrincipal"},
            {"subscribedSkus", "subscribedSku"},
            {"directoryRoles", "directoryRole"},
            {"organization", "organization"},
            {"userRegistrationDetails", "userRegistrationDetails"},
            {"delegatedAdminCustomers", "delegatedAdminCustomer"},
            {"contracts", "contract"},
            {"conditionalAccessPolicies", "conditionalAccessPolicy"},
            {"identitySecurityDefaultsEnforcementPolicy", "identitySecurityDefaultsEnforcementPolicy"},
            {"applications", "application"},
            {"appRoleAssignments", "appRoleAssignment"},
            {"managedDevices", "managedDevice"}
        }) {
            tenant.store(store[0], store[1]);
        }
        tenant.putStore(
                "directoryAudits",
                new EntityStore("directoryAudit", e -> descending((String) e.get("activityDateTime")) + e.get("id")));
        tenant.putStore(
                "secureScores",
                new EntityStore("secureScore", e -> descending((String) e.get("createdDateTime")) + e.get("id")));
        tenant.putStore(
                "secureScoreControlProfiles",
                new EntityStore(
                        "secureScoreControlProfile",
                        e -> String.format("%06d", ((Number) e.get("rank")).intValue()) + e.get("id")));
    }

    /** A sort key that orders ISO instants newest first. */
    static String descending(String isoInstant) {
        long seconds = java.time.Instant.parse(isoInstant).getEpochSecond();
        return String.format("%019d", Long.MAX_VALUE - seconds);
    }

    private static List<SkuCatalog.Sku> tenantSkus(List<SkuCatalog.Sku> main, SkuCatalog.Sku addOn) {
        List<SkuCatalog.Sku> skus = new ArrayList<>(main);
        if (addOn != null) {
            skus.add(addOn);
        }
        skus.add(SkuCatalog.FLOW_FREE);
        return skus;
    }

    private static Map<String, Object> subscribedSku(Gen gen, SkuCatalog.Sku sku, int users) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", gen.tenant.id() + "_" + sku.skuId());
        entity.put("accountId", gen.tenant.id());
        entity.put("accountName", gen.spec.name());
        entity.put("appliesTo", "User");
        entity.put("capabilityStatus", "Enabled");
        entity.put("consumedUnits", 0);
        Map<String, Object> prepaid = new LinkedHashMap<>();
        prepaid.put("enabled", sku == SkuCatalog.FLOW_FREE ? 10_000 : users + 5 + gen.random.nextInt(20));
        prepaid.put("lockedOut", 0);
        prepaid.put("suspended", 0);
        prepaid.put("warning", gen.chance(0.1) ? 5 : 0);
        entity.put("prepaidUnits", prepaid);
        entity.put("servicePlans", sku.servicePlans());
        entity.put("skuId", sku.skuId());
        entity.put("skuPartNumber", sku.partNumber());
        entity.put("subscriptionIds", List.of(gen.guid()));
        return entity;
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
