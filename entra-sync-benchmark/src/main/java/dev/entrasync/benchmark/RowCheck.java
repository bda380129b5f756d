package dev.entrasync.benchmark;

import dev.entrasync.Dataset;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraUser;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compares synced rows: a run's rows with a reference run's, record for record (every field of
 * every dataset), and users, devices and groups with what the simulated tenants hold.
 */
final class RowCheck {

    /**
     * What a comparison found.
     *
     * @param compared rows compared
     * @param wrong rows missing, extra or with a different value
     * @param examples the first differences, "tenant dataset id: what"
     */
    record Outcome(long compared, long wrong, List<String> examples) {
        Outcome plus(Outcome other) {
            List<String> all = new ArrayList<>(examples);
            all.addAll(other.examples);
            return new Outcome(
                    compared + other.compared,
                    wrong + other.wrong,
                    all.stream().limit(10).toList());
        }
    }

    private RowCheck() {}

    /**
     * Every row of every dataset of {@code actual} equals {@code reference}'s. Audit events are
     * compared from {@code auditFrom} of each tenant on (the later run's window; the earlier run
     * reached a little further back). Datasets in {@code skip} ("tenant dataset", e.g. a dataset
     * that failed) are left out.
     */
    static Outcome sameRows(
            List<String> tenants,
            InMemoryDatasetSink reference,
            InMemoryDatasetSink actual,
            Map<String, Instant> auditFrom,
            Set<String> skip) {
        Outcome total = new Outcome(0, 0, List.of());
        for (String tenant : tenants) {
            for (Dataset dataset : Dataset.values()) {
                if (skip.contains(tenant + " " + dataset.key())) {
                    continue;
                }
                Predicate<EntraRecord> inWindow = dataset != Dataset.AUDIT_LOGS
                        ? r -> true
                        : r -> !((EntraAuditEvent) r).activityDateTime().isBefore(auditFrom.get(tenant));
                total = total.plus(compare(
                        tenant,
                        dataset.key(),
                        byId(reference.records(TenantId.of(tenant), dataset), inWindow),
                        byId(actual.records(TenantId.of(tenant), dataset), inWindow)));
            }
        }
        return total;
    }

    /** Users (name, UPN, enabled, type), devices (name, OS) and groups (name, member count) equal the simulation's. */
    static Outcome matchesSimulation(List<SimulatedTenant> tenants, InMemoryDatasetSink sink) {
        Outcome total = new Outcome(0, 0, List.of());
        for (SimulatedTenant tenant : tenants) {
            TenantId id = TenantId.of(tenant.id());
            Map<String, List<Object>> expectedUsers = new LinkedHashMap<>();
            tenant.users()
                    .list()
                    .forEach(u -> expectedUsers.put(
                            (String) u.get("id"),
                            List.of(
                                    u.get("userPrincipalName"),
                                    u.get("displayName"),
                                    u.get("accountEnabled"),
                                    u.get("userType"))));
            Map<String, List<Object>> users = new LinkedHashMap<>();
            sink.<EntraUser>records(id, Dataset.USERS)
                    .forEach(u -> users.put(
                            u.id(), List.of(u.userPrincipalName(), u.displayName(), u.accountEnabled(), u.userType())));
            total = total.plus(compare(tenant.id(), "users", expectedUsers, users));
            Map<String, List<Object>> expectedDevices = new LinkedHashMap<>();
            tenant.devices()
                    .list()
                    .forEach(d -> expectedDevices.put(
                            (String) d.get("id"), List.of(d.get("displayName"), d.get("operatingSystem"))));
            Map<String, List<Object>> devices = new LinkedHashMap<>();
            sink.<EntraDevice>records(id, Dataset.DEVICES)
                    .forEach(d -> devices.put(d.id(), List.of(d.displayName(), d.operatingSystem())));
            total = total.plus(compare(tenant.id(), "devices", expectedDevices, devices));
            Map<String, List<Object>> expectedGroups = new LinkedHashMap<>();
            tenant.groups()
                    .list()
                    .forEach(g -> expectedGroups.put(
                            (String) g.get("id"),
                            List.of(
                                    g.get("displayName"),
                                    tenant.groups()
                                            .members((String) g.get("id"))
                                            .size())));
            Map<String, List<Object>> groups = new LinkedHashMap<>();
            sink.<EntraGroup>records(id, Dataset.GROUPS)
                    .forEach(g -> groups.put(g.id(), List.of(g.displayName(), g.memberCount())));
            total = total.plus(compare(tenant.id(), "groups", expectedGroups, groups));
        }
        return total;
    }

    private static <R extends EntraRecord> Map<String, Object> byId(List<R> records, Predicate<EntraRecord> keep) {
        Map<String, Object> out = new LinkedHashMap<>();
        records.stream().filter(keep).forEach(r -> out.put(r.id(), r));
        return out;
    }

    private static Outcome compare(String tenant, String dataset, Map<String, ?> expected, Map<String, ?> actual) {
        long wrong = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, ?> e : expected.entrySet()) {
            Object got = actual.get(e.getKey());
            if (!Objects.equals(e.getValue(), got)) {
                wrong++;
                example(
                        examples,
                        tenant,
                        dataset,
                        e.getKey(),
                        got == null ? "missing" : "expected " + e.getValue() + ", got " + got);
            }
        }
        for (String id : actual.keySet()) {
            if (!expected.containsKey(id)) {
                wrong++;
                example(examples, tenant, dataset, id, "not expected");
            }
        }
        return new Outcome(Math.max(expected.size(), actual.size()), wrong, examples);
    }

    private static void example(List<String> examples, String tenant, String dataset, String id, String what) {
        if (examples.size() < 10) {
            examples.add(tenant + " " + dataset + " " + id + ": " + what);
        }
    }
}
