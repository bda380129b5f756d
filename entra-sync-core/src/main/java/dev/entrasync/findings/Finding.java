package dev.entrasync.findings;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link FindingRule} found in one tenant's data. Immutable.
 *
 * @param ruleId the id of the rule that found it, such as {@code privileged-users-without-mfa}
 * @param severity how urgent it is; {@link Severity#INFO} for a rule that could not be evaluated
 * @param title one line naming the problem, such as "Privileged role members without MFA registered"
 * @param detail what was found, with the numbers, in a sentence or two
 * @param fix what a person should do, in words
 * @param affected the objects concerned, in a stable order; empty when the finding is about the tenant as a whole
 */
public record Finding(
        String ruleId, Severity severity, String title, String detail, String fix, List<AffectedObject> affected) {

    /**
     * Validates the components and copies {@code affected} into an unmodifiable list, null read as empty.
     *
     * @param ruleId the id of the rule; never null
     * @param severity how urgent it is; never null
     * @param title one line naming the problem; never null
     * @param detail what was found; never null
     * @param fix what a person should do; never null
     * @param affected the objects concerned; null is read as empty
     * @throws NullPointerException if any component but {@code affected} is null
     */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
        affected = affected == null ? List.of() : List.copyOf(affected);
    }
}
