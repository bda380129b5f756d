package dev.entrasync.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A Graph collection endpoint: permission check, {@code $select}, {@code $top}, {@code $filter},
 * optional {@code $skip}, and {@code $skiptoken} paging that resumes after the last key served.
 */
public final class ListEndpoint implements GraphHandler {
    private final ListSpec spec;

    public ListEndpoint(ListSpec spec) {
        this.spec = spec;
    }

    @Override
    public SimResponse handle(GraphContext ctx) {
        ctx.require(spec.permissions());
        SimRequest request = ctx.request();
        Selection selection = Selection.parse(request.param("$select"), spec.type(), spec.defaults());
        int top = QueryOptions.top(request, spec.defaultTop(), spec.maxTop());
        Predicate<Map<String, Object>> filter = QueryOptions.filter(request, spec.type(), spec.filterable());
        String afterKey = null;
        int skip = 0;
        String skipToken = request.param("$skiptoken");
        if (skipToken != null) {
            afterKey = Links.untoken(skipToken);
        } else if (request.param("$skip") != null) {
            if (!spec.skippable()) {
                throw new GraphException(400, "Request_BadRequest", "'$skip' is not supported by the service.");
            }
            skip = QueryOptions.nonNegative(request, "$skip");
        }
        ctx.cost(QueryOptions.cost(spec.baseCost(), selection, request));

        EntityStore store = ctx.tenant().store(spec.collection());
        Function<Map<String, Object>, Map<String, Object>> view =
                spec.view() == null ? Function.identity() : spec.view().apply(ctx);
        Predicate<Map<String, Object>> scope =
                spec.scope() == null ? e -> true : spec.scope().apply(ctx);
        Predicate<Map<String, Object>> served = e -> scope.test(e) && filter.test(view.apply(e));
        EntityStore.Page page =
                store == null ? new EntityStore.Page(List.of(), null, false) : store.page(afterKey, skip + top, served);
        List<Map<String, Object>> items =
                page
                        .items()
                        .subList(
                                Math.min(skip, page.items().size()),
                                page.items().size())
                        .stream()
                        .map(view)
                        .toList();
        String nextLink = null;
        if (page.more() && !(spec.topLimits() && request.param("$top") != null)) {
            Map<String, String> query = new LinkedHashMap<>(request.queryWithout("$skiptoken", "$skip"));
            query.put("$skiptoken", Links.token(page.lastKey()));
            nextLink = Links.url(ctx.cloud().graphUrl(), request.path(), query);
        }
        ctx.objects(items.size());
        String context = ctx.cloud().graphUrl() + "/v1.0/$metadata#" + spec.entitySet() + selection.contextSuffix();
        return SimResponse.json(200, PageWriter.page(context, items, selection, nextLink, null, null));
    }
}
