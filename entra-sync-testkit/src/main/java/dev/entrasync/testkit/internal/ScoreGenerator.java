package dev.entrasync.testkit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Generates Microsoft Secure Score: control profiles and one daily score per day. */
final class ScoreGenerator {
    private record Control(
            String id,
            String title,
            String category,
            double maxScore,
            String tier,
            String cost,
            String impact,
            String actionType,
            List<String> threats) {}

    private static final List<Control> CONTROLS = List.of(
            new Control(
                    "AdminMFAV2",
                    "Ensure multifactor authentication is enabled for all users in" + " administrative roles",
                    "Identity",
                    10,
                    "Core",
                    "Low",
                    "Low",
                    "Config",
                    List.of("Account breach", "Elevation of privilege")),
            new Control(
                    "MFARegistrationV2",
                    "Ensure multifactor authentication is enabled for all" + " users",
                    "Identity",
                    9,
                    "Core",
                    "Moderate",
                    "Moderate",
                    "Config",
                    List.of("Account breach", "Password cracking")),
            new Control(
                    "BlockLegacyAuthentication",
                    "Enable Conditional Access policies to block" + " legacy authentication",
                    "Identity",
                    8,
                    "Core",
                    "Moderate",
                    "Moderate",
                    "Config",
                    List.of("Password spray", "Account breach")),
            new Control(
                    "PWAgePolicyNew",
                    "Ensure the 'Password expiration policy' is set to 'Set"
                            + " passwords to never expire (recommended)'",
                    "Identity",
                    8,
                    "Core",
                    "Low",
                    "Low",
                    "Config",
                    List.of("Password cracking")),
            new Control(
                    "SelfServicePasswordReset",
                    "Enable self-service password reset",
                    "Identity",
                    1,
                    "Core",
                    "Low",
                    "Moderate",
                    "Config",
                    List.of("Account breach")),
            new Control(
                    "OneAdmin",
                    "Designate more than one global admin",
                    "Identity",
                    1,
                    "Core",
                    "Low",
                    "Low",
                    "Config",
                    List.of("Account breach")),
            new Control(
                    "RoleOverlap",
                    "Use least privileged administrative roles",
                    "Identity",
                    1,
                    "Core",
                    "Low",
                    "Low",
                    "Review",
                    List.of("Elevation of privilege")),
            new Control(
                    "IntegratedApps",
                    "Do not allow users to grant consent to unreliable" + " applications",
                    "Apps",
                    4,
                    "Defense in Depth",
                    "Moderate",
                    "Moderate",
                    "Config",
                    List.of("Data exfiltration")),
            new Control(
                    "SigninRiskPolicy",
                    "Turn on sign-in risk policy",
                    "Identity",
                    7,
                    "Advanced Protection",
                    "Moderate",
                    "Moderate",
                    "Config",
                    List.of("Account breach")),
            new Control(
                    "UserRiskPolicy",
                    "Turn on user risk policy",
                    "Identity",
                    7,
                    "Advanced Protection",
                    "Moderate",
                    "Moderate",
                    "Config",
                    List.of("Account breach")));

    private final Gen gen;

    ScoreGenerator(Gen gen) {
        this.gen = gen;
    }

    List<Map<String, Object>> profiles() {
        List<Map<String, Object>> out = new ArrayList<>();
        int rank = 1;
        for (Control control : CONTROLS) {
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("id", control.id());
            profile.put("actionType", control.actionType());
            profile.put("actionUrl", "https://entra.microsoft.com/");
            profile.put("azureTenantId", gen.tenant.id());
            profile.put("complianceInformation", List.of());
            profile.put("controlCategory", control.category());
            profile.put("controlStateUpdates", List.of());
            profile.put("deprecated", false);
            profile.put("implementationCost", control.cost());
            profile.put("lastModifiedDateTime", Gen.iso(gen.asOf.minusSeconds(86_400L * 60)));
            profile.put("maxScore", control.maxScore());
            profile.put("rank", rank++);
            profile.put("remediation", "<p>" + control.title() + ".</p>");
            profile.put("remediationImpact", "Users may be prompted for additional verification.");
            profile.put("service", "AzureAD");
            profile.put("threats", control.threats());
            profile.put("tier", control.tier());
            profile.put("title", control.title());
            profile.put("userImpact", control.impact());
            profile.put("vendorInformation", vendor());
            out.add(profile);
        }
        return out;
    }

    /** One score per day for {@code days} days up to "as of", newest first. */
    List<Map<String, Object>> scores(int days, int activeUsers, int licensedUsers) {
        List<Map<String, Object>> out = new ArrayList<>();
        double[] achieved = new double[CONTROLS.size()];
        for (int i = 0; i < achieved.length; i++) {
            achieved[i] = gen.random.nextDouble() * CONTROLS.get(i).maxScore();
        }
        LocalDate today = LocalDate.ofInstant(gen.asOf, ZoneOffset.UTC);
        for (int d = 0; d < days; d++) {
            LocalDate date = today.minusDays(d);
            List<Map<String, Object>> controlScores = new ArrayList<>();
            double current = 0;
            for (int i = 0; i < CONTROLS.size(); i++) {
                Control control = CONTROLS.get(i);
                double score = Math.round(Math.max(0, achieved[i] - d * 0.01) * 100) / 100.0;
                current += score;
                Map<String, Object> cs = new LinkedHashMap<>();
                cs.put("controlCategory", control.category());
                cs.put("controlName", control.id());
                cs.put("description", control.title());
                cs.put("score", score);
                cs.put("scoreInPercentage", Math.round(score / control.maxScore() * 10000) / 100.0);
                cs.put("implementationStatus", score >= control.maxScore() ? "Completed" : "In progress");
                cs.put(
                        "lastSynced",
                        date.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
                controlScores.add(cs);
            }
            Map<String, Object> score = new LinkedHashMap<>();
            score.put("id", gen.tenant.id() + "_" + date);
            score.put("activeUserCount", activeUsers);
            score.put(
                    "averageComparativeScores",
                    List.of(comparative("AllTenants", 42.5), comparative("TotalSeats", 38.1)));
            score.put("azureTenantId", gen.tenant.id());
            score.put("controlScores", controlScores);
            Instant created = date.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3 * 3600);
            score.put("createdDateTime", created.toString());
            score.put("currentScore", Math.round(current * 100) / 100.0);
            score.put("enabledServices", List.of("HasExchange", "HasSharePoint", "HasOD4B"));
            score.put("licensedUserCount", licensedUsers);
            score.put(
                    "maxScore", CONTROLS.stream().mapToDouble(Control::maxScore).sum());
            score.put("vendorInformation", vendor());
            out.add(score);
        }
        return out;
    }

    private static Map<String, Object> comparative(String basis, double average) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("basis", basis);
        out.put("averageScore", average);
        return out;
    }

    private static Map<String, Object> vendor() {
        Map<String, Object> vendor = new LinkedHashMap<>();
        vendor.put("provider", "SecureScore");
        vendor.put("providerVersion", null);
        vendor.put("subProvider", null);
        vendor.put("vendor", "Microsoft");
        return vendor;
    }
}
