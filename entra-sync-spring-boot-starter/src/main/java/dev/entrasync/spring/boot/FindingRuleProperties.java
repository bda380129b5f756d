package dev.entrasync.spring.boot;

import dev.entrasync.findings.BuiltInRules;
import dev.entrasync.findings.FindingRule;
import dev.entrasync.findings.Findings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Turns {@code entra-sync.findings.*} and the application's FindingRule beans into the rules JdbcStorage evaluates. */
final class FindingRuleProperties {

    private FindingRuleProperties() {}

    /**
     * The built-in rules with the configured thresholds, less the disabled ones, then the application's rules.
     *
     * @throws EntraSyncPropertyException for a bad threshold or a disabled rule id that is not a built-in rule's
     */
    static Findings findings(EntraSyncProperties.FindingRules properties, List<FindingRule> applicationRules) {
        if (!properties.enabled()) {
            return new Findings(List.of());
        }
        Map<String, FindingRule> configured = Map.of(
                "app-credentials-expiring",
                rule(
                        "entra-sync.findings.app-credentials-expiring-within",
                        () -> BuiltInRules.appCredentialsExpiring(properties.appCredentialsExpiringWithin())),
                "inactive-accounts",
                rule(
                        "entra-sync.findings.inactive-after",
                        () -> BuiltInRules.inactiveAccounts(properties.inactiveAfter())),
                "secure-score-drop",
                rule(
                        properties.secureScoreDropWindow() == null
                                        || properties.secureScoreDropWindow().isNegative()
                                        || properties.secureScoreDropWindow().isZero()
                                ? "entra-sync.findings.secure-score-drop-window"
                                : "entra-sync.findings.secure-score-drop-points",
                        () -> BuiltInRules.secureScoreDrop(
                                properties.secureScoreDropPoints(), properties.secureScoreDropWindow())),
                "privileged-role-assigned-recently",
                rule(
                        "entra-sync.findings.privileged-role-assigned-within",
                        () -> BuiltInRules.privilegedRoleAssignedRecently(properties.privilegedRoleAssignedWithin())));
        List<FindingRule> builtIn = BuiltInRules.all();
        Set<String> ids = builtIn.stream().map(FindingRule::id).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String disabled : properties.disabledRules()) {
            if (!ids.contains(disabled)) {
                throw new EntraSyncPropertyException(
                        "entra-sync.findings.disabled-rules",
                        "'" + disabled + "' is not the id of a built-in rule",
                        "Use the ids of built-in rules: " + String.join(", ", ids) + ".",
                        null);
            }
        }
        List<FindingRule> rules = new ArrayList<>();
        for (FindingRule rule : builtIn) {
            if (!properties.disabledRules().contains(rule.id())) {
                rules.add(configured.getOrDefault(rule.id(), rule));
            }
        }
        rules.addAll(applicationRules);
        try {
            return new Findings(rules);
        } catch (IllegalArgumentException e) {
            throw new EntraSyncPropertyException(
                    "entra-sync.findings",
                    e.getMessage(),
                    "Give the application's FindingRule beans ids of their own, not a built-in rule's.",
                    e);
        }
    }

    private static FindingRule rule(String property, Supplier<FindingRule> rule) {
        try {
            return rule.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EntraSyncPropertyException(
                    property,
                    e.getMessage(),
                    property.endsWith("-points")
                            ? "Set it to 0 or more points."
                            : "Set it to a positive duration of at most 100 years, such as 30d.",
                    e);
        }
    }
}
