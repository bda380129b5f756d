package dev.entrasync.findings;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.SyncResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a set of {@link FindingRule}s over a tenant's data. Created once by the host (usually {@link #builtIn()}) and
 * shared: immutable and thread-safe, so the threads that complete runs of different tenants may evaluate at once.
 *
 * <p>A rule whose evaluation throws, or that breaks its contract (more than one finding, another rule's id), does not
 * hide the others: its place in the result is an {@link Severity#INFO}
 * finding saying it could not be evaluated and why.
 */
public final class Findings {

    private final List<FindingRule> rules;

    /**
     * Findings over the given rules.
     *
     * @param rules the rules, each with a distinct {@link FindingRule#id()}; never null, no null element
     * @throws IllegalArgumentException if two rules share an id, or a rule reads no dataset
     * @throws NullPointerException if {@code rules} or an element is null
     */
    public Findings(List<? extends FindingRule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (FindingRule rule : this.rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException(
                        "rules: two rules have the id '" + rule.id() + "'; give each rule its own id");
            }
            if (rule.datasets().isEmpty()) {
                throw new IllegalArgumentException(
                        "rules: rule '" + rule.id() + "' reads no dataset; list the datasets it reads");
            }
        }
    }

    /**
     * Findings over entra-sync's built-in rules with their default thresholds ({@link BuiltInRules#all()}).
     *
     * @return the evaluator; never null
     */
    public static Findings builtIn() {
        return new Findings(BuiltInRules.all());
    }

    /**
     * The rules, in the order given.
     *
     * @return an unmodifiable list of the rules; never null
     */
    public List<FindingRule> rules() {
        return rules;
    }

    /**
     * The rules whose datasets are all in {@code synced}: the rules {@link #evaluate(TenantData, Set)} runs, and so the
     * rules whose earlier findings a store may mark resolved when they are not found again.
     *
     * @param synced the datasets whose data is complete; never null
     * @return the applicable rules, in the order given; never null
     * @throws NullPointerException if {@code synced} is null
     */
    public List<FindingRule> applicable(Set<Dataset> synced) {
        Objects.requireNonNull(synced, "synced");
        return rules.stream().filter(r -> synced.containsAll(r.datasets())).toList();
    }

    /**
     * Runs every rule whose datasets are all in {@code synced}.
     *
     * @param data the tenant's stored data; never null
     * @param synced the datasets whose data is complete (synced successfully at least once); never null
     * @return the findings, most severe first, then by rule id; never null
     * @throws NullPointerException if an argument is null
     */
    public List<Finding> evaluate(TenantData data, Set<Dataset> synced) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(synced, "synced");
        List<Finding> out = new ArrayList<>();
        for (FindingRule rule : applicable(synced)) {
            try {
                List<Finding> found = rule.evaluate(data);
                if (found.size() > 1) {
                    throw new IllegalStateException("the rule returned " + found.size() + " findings, at most one is"
                            + " allowed (one finding lists all the affected objects)");
                }
                for (Finding f : found) {
                    if (!f.ruleId().equals(rule.id())) {
                        throw new IllegalStateException(
                                "the rule returned a finding of rule '" + f.ruleId() + "', not its own id");
                    }
                }
                out.addAll(found);
            } catch (RuntimeException e) {
                out.add(new Finding(
                        rule.id(),
                        Severity.INFO,
                        rule.title() + " (cannot be evaluated)",
                        "The rule could not be evaluated: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                        "Report this to the rule's author (for a built-in rule, to entra-sync) with the message.",
                        List.of()));
            }
        }
        out.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::ruleId));
        return List.copyOf(out);
    }

    /**
     * Runs, after a run, every rule whose datasets all succeeded in that run: a rule is never evaluated over a dataset
     * that failed (its stored data may be stale or missing).
     *
     * @param data the tenant's stored data, as the run left it; never null
     * @param result the run's result; its tenant must be {@code data}'s; never null
     * @return the findings, most severe first, then by rule id; never null
     * @throws IllegalArgumentException if the result is of another tenant than the data
     * @throws NullPointerException if an argument is null
     */
    public List<Finding> evaluate(TenantData data, SyncResult result) {
        Objects.requireNonNull(result, "result");
        if (!result.tenant().equals(data.tenant())) {
            throw new IllegalArgumentException("result: the run was of tenant " + result.tenant()
                    + " but the data is of tenant " + data.tenant() + "; pass the same tenant's data");
        }
        Set<Dataset> synced = EnumSet.noneOf(Dataset.class);
        for (DatasetResult d : result.datasets()) {
            if (d.status() == DatasetResult.Status.SUCCEEDED) {
                synced.add(d.dataset());
            }
        }
        return evaluate(data, synced);
    }
}
