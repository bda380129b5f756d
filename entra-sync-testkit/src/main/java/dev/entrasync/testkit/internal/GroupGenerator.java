package dev.entrasync.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Generates groups of every flavour Graph has: Microsoft 365 ({@code Unified}), security,
 * mail-enabled security, distribution, dynamic and role-assignable.
 */
final class GroupGenerator {
    /** The flavours, in the order {@link #group(Kind, String)} understands. */
    enum Kind {
        UNIFIED,
        SECURITY,
        MAIL_SECURITY,
        DISTRIBUTION,
        DYNAMIC,
        ROLE_ASSIGNABLE
    }

    private final Gen gen;
    private final String domain;
    private final String initialDomain;
    private int serial;

    GroupGenerator(Gen gen, String domain, String initialDomain) {
        this.gen = gen;
        this.domain = domain;
        this.initialDomain = initialDomain;
    }

    Kind pickKind() {
        double roll = gen.random.nextDouble();
        return roll < 0.4
                ? Kind.UNIFIED
                : roll < 0.7
                        ? Kind.SECURITY
                        : roll < 0.8 ? Kind.MAIL_SECURITY : roll < 0.9 ? Kind.DISTRIBUTION : Kind.DYNAMIC;
    }

    Map<String, Object> group(Kind kind, String name) {
        String id = gen.guid();
        String nick = NameData.nickname(name) + (++serial);
        boolean mail = kind == Kind.UNIFIED || kind == Kind.MAIL_SECURITY || kind == Kind.DISTRIBUTION;
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("id", id);
        group.put("deletedDateTime", null);
        group.put("classification", null);
        group.put("createdDateTime", Gen.iso(gen.daysAgo(4 * 365)));
        group.put("description", kind == Kind.DYNAMIC ? "Everyone in " + name : name + " team");
        group.put("displayName", name);
        group.put("expirationDateTime", null);
        group.put(
                "groupTypes",
                kind == Kind.UNIFIED
                        ? List.of("Unified")
                        : kind == Kind.DYNAMIC ? List.of("DynamicMembership") : List.of());
        group.put("isAssignableToRole", kind == Kind.ROLE_ASSIGNABLE ? Boolean.TRUE : null);
        group.put("mail", mail ? nick + "@" + domain : null);
        group.put("mailEnabled", mail);
        group.put(
                "mailNickname",
                mail ? nick : UUID.nameUUIDFromBytes(id.getBytes()).toString().substring(0, 10));
        group.put("membershipRule", kind == Kind.DYNAMIC ? "(user.department -eq \"" + name + "\")" : null);
        group.put("membershipRuleProcessingState", kind == Kind.DYNAMIC ? "On" : null);
        group.put("onPremisesSyncEnabled", kind == Kind.SECURITY && gen.chance(0.3) ? Boolean.TRUE : null);
        group.put("preferredDataLocation", null);
        group.put(
                "proxyAddresses",
                mail ? List.of("SMTP:" + nick + "@" + domain, "smtp:" + nick + "@" + initialDomain) : List.of());
        group.put("renewedDateTime", group.get("createdDateTime"));
        group.put(
                "resourceBehaviorOptions",
                kind == Kind.UNIFIED && gen.chance(0.5) ? List.of("WelcomeEmailDisabled") : List.of());
        group.put("resourceProvisioningOptions", kind == Kind.UNIFIED && gen.chance(0.6) ? List.of("Team") : List.of());
        group.put("securityEnabled", kind != Kind.UNIFIED && kind != Kind.DISTRIBUTION);
        group.put("securityIdentifier", securityIdentifier(id));
        group.put("theme", null);
        group.put("visibility", kind == Kind.UNIFIED ? (gen.chance(0.7) ? "Private" : "Public") : null);
        return group;
    }

    /** Graph's {@code S-1-12-1-a-b-c-d} form of a cloud object id. */
    static String securityIdentifier(String id) {
        UUID uuid = UUID.fromString(id);
        byte[] bytes = java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
        // The GUID's first three fields are little-endian in the SID's 32-bit words.
        byte[] le = {
            bytes[3], bytes[2], bytes[1], bytes[0], bytes[5], bytes[4], bytes[7], bytes[6], bytes[8], bytes[9],
            bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        };
        java.nio.ByteBuffer words = java.nio.ByteBuffer.wrap(le).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        StringBuilder sid = new StringBuilder("S-1-12-1");
        for (int i = 0; i < 4; i++) {
            sid.append('-').append(Integer.toUnsignedString(words.getInt()));
        }
        return sid.toString();
    }
}
