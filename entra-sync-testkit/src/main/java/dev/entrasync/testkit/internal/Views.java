package dev.entrasync.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Computed fields and visibility rules applied when entities are served. */
final class Views {
    private Views() {}

    /** {@code subscribedSku.consumedUnits}: the users whose assignedLicenses hold the SKU. */
    static Function<Map<String, Object>, Map<String, Object>> consumedUnits(GraphContext ctx) {
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, Object> user : ctx.tenant().store("users").all()) {
            Object licenses = user.get("assignedLicenses");
            if (licenses instanceof List<?> list) {
                for (Object license : list) {
                    if (license instanceof Map<?, ?> map) {
                        counts.merge(String.valueOf(map.get("skuId")), 1, Integer::sum);
                    }
                }
            }
        }
        return sku -> {
            Map<String, Object> out = new LinkedHashMap<>(sku);
            out.put("consumedUnits", counts.getOrDefault((String) sku.get("skuId"), 0));
            return out;
        };
    }

    /** {@code userRegistrationDetails.isAdmin}: whether the user holds a directory role now. */
    static Function<Map<String, Object>, Map<String, Object>> isAdmin(GraphContext ctx) {
        Set<String> admins = ctx.tenant().adminUserIds();
        return row -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", row.get("id"));
            out.put("isAdmin", admins.contains((String) row.get("id")));
            out.putAll(row);
            return out;
        };
    }

    /** Audit events inside the tenant's retention (30 days with P1, else 7) by the sim clock. */
    static Predicate<Map<String, Object>> auditRetention(GraphContext ctx) {
        Instant oldest = ctx.cloud().now().minus(Duration.ofDays(ctx.tenant().premium() ? 30 : 7));
        return event -> !Instant.parse((String) event.get("activityDateTime")).isBefore(oldest);
    }

    /**
     * A managed device as Intune lists it: {@code ethernetMacAddress} is null in a list ("Individual get call with
     * select query options is needed to retrieve actual values", Microsoft's managedDevice resource page).
     */
    static Function<Map<String, Object>, Map<String, Object>> listedManagedDevice(GraphContext ctx) {
        return device -> {
            Map<String, Object> out = new LinkedHashMap<>(device);
            out.put("ethernetMacAddress", null);
            return out;
        };
    }
}
