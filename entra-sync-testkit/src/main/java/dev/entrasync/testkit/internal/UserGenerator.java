package dev.entrasync.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Generates members and guests with realistic Graph {@code user} properties. */
final class UserGenerator {
    private final Gen gen;
    private final String domain;
    private final List<SkuCatalog.Sku> mainSkus;
    private final SkuCatalog.Sku addOn;
    private final Set<String> nicknames = new HashSet<>();

    UserGenerator(Gen gen, String domain, List<SkuCatalog.Sku> mainSkus, SkuCatalog.Sku addOn) {
        this.gen = gen;
        this.domain = domain;
        this.mainSkus = mainSkus;
        this.addOn = addOn;
    }

    /** Returns a member user. */
    Map<String, Object> member() {
        String given = NameData.pick(gen.random, NameData.GIVEN);
        String surname = NameData.pick(gen.random, NameData.SURNAMES);
        String nick = uniqueNickname(NameData.nickname(given) + "." + NameData.nickname(surname));
        String upn = nick + "@" + domain;
        boolean licensed = gen.chance(0.85);
        Map<String, Object> user = base(given, surname, given + " " + surname, upn);
        user.put("jobTitle", NameData.pick(gen.random, NameData.TITLES));
        user.put("mail", licensed ? upn : null);
        user.put("mobilePhone", gen.chance(0.4) ? phone("+1 425 555 ") : null);
        user.put("officeLocation", NameData.pick(gen.random, NameData.OFFICES));
        user.put("preferredLanguage", gen.chance(0.8) ? NameData.pick(gen.random, NameData.LANGUAGES) : null);
        user.put("accountEnabled", gen.chance(0.93));
        user.put("department", NameData.pick(gen.random, NameData.DEPARTMENTS));
        user.put("mailNickname", nick);
        user.put("userType", "Member");
        user.put("otherMails", gen.chance(0.1) ? List.of(nick + "@outlook.com") : List.of());
        user.put("passwordPolicies", passwordPolicies());
        user.put("usageLocation", licensed ? "US" : null);
        user.put("onPremisesSyncEnabled", gen.chance(0.3) ? Boolean.TRUE : null);
        user.put("assignedLicenses", licensed ? licenses() : List.of());
        user.put("proxyAddresses", licensed ? List.of("SMTP:" + upn) : List.of());
        user.put("signInActivity", signInActivity());
        return user;
    }

    /** Returns a guest invited from another organization. */
    Map<String, Object> guest() {
        String given = NameData.pick(gen.random, NameData.GIVEN);
        String surname = NameData.pick(gen.random, NameData.SURNAMES);
        String home = NameData.pick(gen.random, NameData.GUEST_DOMAINS);
        String external = uniqueNickname(NameData.nickname(given) + "." + NameData.nickname(surname)) + "@" + home;
        String upn = external.replace('@', '_') + "#EXT#@" + domain;
        Map<String, Object> user = base(given, surname, given + " " + surname + " (" + home + ")", upn);
        user.put("jobTitle", null);
        user.put("mail", external);
        user.put("mobilePhone", null);
        user.put("officeLocation", null);
        user.put("preferredLanguage", null);
        user.put("accountEnabled", gen.chance(0.97));
        user.put("mailNickname", external.replace('@', '_') + "#EXT#");
        user.put("userType", "Guest");
        user.put("creationType", "Invitation");
        user.put("externalUserState", gen.chance(0.8) ? "Accepted" : "PendingAcceptance");
        user.put("otherMails", List.of(external));
        user.put("passwordPolicies", null);
        user.put("assignedLicenses", List.of());
        user.put("proxyAddresses", List.of("SMTP:" + external));
        user.put("signInActivity", gen.chance(0.6) ? signInActivity() : null);
        return user;
    }

    private Map<String, Object> base(String given, String surname, String displayName, String upn) {
        Map<String, Object> user = new LinkedHashMap<>();
        Instant created = gen.daysAgo(5 * 365);
        user.put("id", gen.guid());
        user.put("businessPhones", gen.chance(0.6) ? List.of(phone("+1 412 555 ")) : List.of());
        user.put("displayName", displayName);
        user.put("givenName", given);
        user.put("surname", surname);
        user.put("userPrincipalName", upn);
        user.put("createdDateTime", Gen.iso(created));
        Instant changed = created.plusSeconds(
                (long) (gen.random.nextDouble() * (gen.asOf.getEpochSecond() - created.getEpochSecond())));
        user.put("lastPasswordChangeDateTime", Gen.iso(changed));
        return user;
    }

    private String uniqueNickname(String nick) {
        String candidate = nick;
        for (int i = 2; !nicknames.add(candidate); i++) {
            candidate = nick + i;
        }
        return candidate;
    }

    private Object passwordPolicies() {
        double roll = gen.random.nextDouble();
        if (roll < 0.7) {
            return null;
        }
        return roll < 0.95 ? "DisablePasswordExpiration" : "DisablePasswordExpiration, DisableStrongPassword";
    }

    private List<Map<String, Object>> licenses() {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(license(mainSkus.get(gen.random.nextInt(mainSkus.size()))));
        if (addOn != null && gen.chance(0.1)) {
            out.add(license(addOn));
        }
        if (gen.chance(0.2)) {
            out.add(license(SkuCatalog.FLOW_FREE));
        }
        return out;
    }

    private static Map<String, Object> license(SkuCatalog.Sku sku) {
        Map<String, Object> license = new LinkedHashMap<>();
        license.put("disabledPlans", List.of());
        license.put("skuId", sku.skuId());
        return license;
    }

    private Map<String, Object> signInActivity() {
        Map<String, Object> activity = new LinkedHashMap<>();
        String interactive = Gen.iso(gen.daysAgo(60));
        activity.put("lastSignInDateTime", interactive);
        activity.put("lastSignInRequestId", gen.guid());
        activity.put("lastNonInteractiveSignInDateTime", Gen.iso(gen.daysAgo(7)));
        activity.put("lastNonInteractiveSignInRequestId", gen.guid());
        activity.put("lastSuccessfulSignInDateTime", interactive);
        activity.put("lastSuccessfulSignInRequestId", gen.guid());
        return activity;
    }

    private String phone(String prefix) {
        return prefix + String.format("%04d", gen.random.nextInt(10_000));
    }
}
