package dev.entrasync.testkit.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How one Graph collection endpoint behaves.
 *
 * @param entitySet the name after {@code $metadata#}, e.g. {@code users}
 * @param type the Graph type, e.g. {@code user}
 * @param collection the tenant store it reads
 * @param permissions application permissions any one of which grants access
 * @param defaultTop page size without {@code $top}
 * @param maxTop the largest {@code $top}; larger is a 400
 * @param defaults properties returned without {@code $select}, or null for all
 * @param filterable whether {@code $filter} is accepted
 * @param skippable whether {@code $skip} is accepted
 * @param baseCost resource units before modifiers
 * @param view turns a stored entity into the served one (e.g. computed fields), or null
 * @param scope limits what the caller may see at all (e.g. audit retention), or null
 * @param topLimits whether {@code $top} limits the results rather than sizing pages (secure scores:
 *     "{@code $top=n}, where n = the number of days of data that you want to retrieve"), so no
 *     nextLink follows a page asked with {@code $top}
 */
public record ListSpec(
        String entitySet,
        String type,
        String collection,
        Set<String> permissions,
        int defaultTop,
        int maxTop,
        List<String> defaults,
        boolean filterable,
        boolean skippable,
        int baseCost,
        Function<GraphContext, Function<Map<String, Object>, Map<String, Object>>> view,
        Function<GraphContext, Predicate<Map<String, Object>>> scope,
        boolean topLimits) {

    /** A spec with no view transformation. */
    public static ListSpec of(
            String entitySet,
            String type,
            String collection,
            Set<String> permissions,
            int defaultTop,
            int maxTop,
            List<String> defaults,
            boolean filterable,
            boolean skippable,
            int baseCost) {
        return new ListSpec(
                entitySet,
                type,
                collection,
                permissions,
                defaultTop,
                maxTop,
                defaults,
                filterable,
                skippable,
                baseCost,
                null,
                null,
                false);
    }

    /** Returns a copy whose served entities are computed by {@code view}. */
    public ListSpec withView(Function<GraphContext, Function<Map<String, Object>, Map<String, Object>>> value) {
        return new ListSpec(
                entitySet,
                type,
                collection,
                permissions,
                defaultTop,
                maxTop,
                defaults,
                filterable,
                skippable,
                baseCost,
                value,
                scope,
                topLimits);
    }

    /** Returns a copy that serves only entities {@code value} accepts. */
    public ListSpec withScope(Function<GraphContext, Predicate<Map<String, Object>>> value) {
        return new ListSpec(
                entitySet,
                type,
                collection,
                permissions,
                defaultTop,
                maxTop,
                defaults,
                filterable,
                skippable,
                baseCost,
                view,
                value,
                topLimits);
    }

    /** Returns a copy with another maximum {@code $top}. */
    public ListSpec withMaxTop(int value) {
        return new ListSpec(
                entitySet,
                type,
                collection,
                permissions,
                defaultTop,
                value,
                defaults,
                filterable,
                skippable,
                baseCost,
                view,
                scope,
                topLimits);
    }

    /** Returns a copy whose {@code $top} limits the results (no nextLink after a page asked with it). */
    public ListSpec withTopLimiting() {
        return new ListSpec(
                entitySet,
                type,
                collection,
                permissions,
                defaultTop,
                maxTop,
                defaults,
                filterable,
                skippable,
                baseCost,
                view,
                scope,
                true);
    }
}
