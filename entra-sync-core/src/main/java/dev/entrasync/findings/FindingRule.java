package dev.entrasync.findings;

import dev.entrasync.Dataset;
import java.util.List;
import java.util.Set;

/**
 * A check over one tenant's stored data. Implementations are stateless and thread-safe: {@link Findings} may call
 * {@link #evaluate(TenantData)} for many tenants at once from the threads the host's runs complete on. A host may
 * write its own rules and pass them to {@link Findings#Findings(List)} next to {@link BuiltInRules#all()}.
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
}
