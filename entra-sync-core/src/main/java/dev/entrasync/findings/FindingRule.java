package dev.entrasync.findings;

import dev.entrasync.Dataset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A check over one tenant's stored data. Implementations are stateless and thread-safe: {@link Findings} may call
 * {@link #evaluate(TenantData)} for many tenants at once from the threads the host's runs complete on. A host may
 * write its own rules and pass them to {@link Findings#Findings(List)} next to {@link BuiltInRules#all()}: by
 * implementing this interface, or for the common shape ("these objects are affected; here is the fix") with
 * {@link #of}.
 */
public interface FindingRule {

    /**
     * The rule's stable id, lower case with dashes, such as {@code privileged-users-without-mfa}: what storage keys a
     * finding's lifecycle and a mute by, so it never changes once released.
     *
     * @return the id; never null
     */
    String id();

    /**
     * One line naming the problem the rule looks for.
     *
     * @return the title; never null
     */
    String title();

    /**
     * How urgent a finding of this rule is (a rule that cannot evaluate reports {@link Severity#INFO} instead).
     *
     * @return the severity; never null
     */
    Severity severity();

    /**
     * The datasets the rule reads: {@link Findings} runs it only after a run that synced all of them successfully.
     *
     * @return the datasets; never null or empty
     */
    Set<Dataset> datasets();

    /**
     * Checks the tenant's data.
     *
     * @param data the tenant's stored records of (at least) {@link #datasets()}; never null
     * @return at most one finding, carrying this rule's {@link #id()} and listing every affected object (storage keys a
     *     finding by tenant and rule); empty when all is well; never null
     */
    List<Finding> evaluate(TenantData data);

    /**
     * A rule that reports the objects {@code affected} returns as one finding, with a detail counting them and the
     * given fix; no finding when it returns none. For a host's own rules, e.g. every guest user:
     *
     * <pre>{@code
     * FindingRule guests = FindingRule.of("acme-guests", "Guest users", Severity.LOW, EnumSet.of(Dataset.USERS),
     *         "Review the guests with the customer.",
     *         data -> data.records(EntraUser.class).stream()
     *                 .filter(u -> "Guest".equals(u.userType()))
     *                 .map(u -> new AffectedObject(u.id(), u.displayName()))
     *                 .toList());
     * }</pre>
     *
     * @param id the rule's stable id: lower-case letters and digits in words joined by single dashes; never null
     * @param title one line naming the problem; never null or blank
     * @param severity how urgent a finding is; never null
     * @param datasets the datasets {@code affected} reads; never null or empty
     * @param fix the fix in words; never null or blank
     * @param affected returns the affected objects of a tenant, empty when all is well; must be thread-safe; never
     *     null, and must not return null
     * @return the rule; immutable and thread-safe when {@code affected} is; never null
     * @throws IllegalArgumentException if the id is not lower case with dashes, the title or fix is blank, or no dataset
     *     is named
     * @throws NullPointerException if an argument is null
     */
    static FindingRule of(
            String id,
            String title,
            Severity severity,
            Set<Dataset> datasets,
            String fix,
            Function<TenantData, List<AffectedObject>> affected) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(datasets, "datasets");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(affected, "affected");
        if (!Pattern.matches("[a-z0-9]+(-[a-z0-9]+)*", id)) {
            throw new IllegalArgumentException(
                    "id: '" + id + "' is not lower-case words joined by dashes, such as acme-guest-users");
        }
        if (title.isBlank() || fix.isBlank()) {
            throw new IllegalArgumentException("title and fix: must not be blank (rule " + id + ")");
        }
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("datasets: name the datasets rule " + id + " reads");
        }
        return new BuiltInRules.Rule(id, title, severity, datasets, (rule, data) -> {
            List<AffectedObject> found = List.copyOf(affected.apply(data));
            return found.isEmpty()
                    ? List.of()
                    : List.of(rule.finding(
                            found.size() + (found.size() == 1 ? " object is" : " objects are") + " affected.",
                            fix,
                            found));
        });
    }
}
