package dev.entrasync.testkit.internal;

import java.util.List;
import java.util.Set;

/**
 * One authenticated Graph request as a handler sees it: the request, the caller's tenant and app
 * roles, path parameters, and a slot for the resource-unit cost the handler charged.
 */
public final class GraphContext {
    private final CloudState cloud;
    private final SimRequest request;
    private final TenantData tenant;
    private final String appId;
    private final Set<String> roles;
    private final List<String> pathParams;
    private int cost = 1;
    private int objects;

    public GraphContext(
            CloudState cloud,
            SimRequest request,
            TenantData tenant,
            String appId,
            Set<String> roles,
            List<String> pathParams) {
        this.cloud = cloud;
        this.request = request;
        this.tenant = tenant;
        this.appId = appId;
        this.roles = roles;
        this.pathParams = pathParams;
    }

    public CloudState cloud() {
        return cloud;
    }

    public SimRequest request() {
        return request;
    }

    public TenantData tenant() {
        return tenant;
    }

    public String appId() {
        return appId;
    }

    public Set<String> roles() {
        return roles;
    }

    /** Returns the {@code i}-th wildcard segment of the matched route. */
    public String pathParam(int i) {
        return pathParams.get(i);
    }

    /** Throws 403 Authorization_RequestDenied unless the token carries one of {@code anyOf}. */
    public void require(Set<String> anyOf) {
        for (String role : roles) {
            if (anyOf.contains(role)) {
                return;
            }
        }
        throw GraphException.denied();
    }

    /** Returns whether the token carries one of {@code anyOf}. */
    public boolean has(Set<String> anyOf) {
        return roles.stream().anyMatch(anyOf::contains);
    }

    public int cost() {
        return cost;
    }

    /** Sets the resource units charged ({@code x-ms-resource-unit}); at least 1. */
    public void cost(int units) {
        cost = Math.max(1, units);
    }

    /** Returns the number of objects the response carries (for the simulated latency). */
    public int objects() {
        return objects;
    }

    /** Sets the number of objects the response carries. */
    public void objects(int count) {
        objects = Math.max(0, count);
    }
}
