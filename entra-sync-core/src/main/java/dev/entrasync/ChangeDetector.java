package dev.entrasync;

import dev.entrasync.model.AssignedLicense;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraManagedDevice;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSecureScoreControl;
import dev.entrasync.model.EntraSignInActivity;
import dev.entrasync.model.EntraTenantProfile;
import dev.entrasync.model.EntraUser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Computes the {@link Change}s a sink session made, from the stored records before and after it: the helper a
 * {@link DatasetSink} calls where the old and the new values meet (its {@code complete()}), so that delta runs
 * (merged patches compared field by field) and full runs (removals found at completion) yield changes alike,
 * without a Graph request. {@link InMemoryDatasetSink} and {@code entra-sync-jdbc}'s sink use it; a host's own sink
 * may too, and return the result from {@link DatasetSink.Session#changes()}.
 *
 * <h2>Rules per record type</h2>
 * Every record component is compared (a record's {@code id} names the object and is not a field); a list is
 * compared as a set — an element gained or lost is one {@link FieldChange}; an element with an {@code id},
 * {@code keyId} or {@code skuId} (a role member, a key credential, a licence) is known by it and named by its
 * {@code displayName} or {@code name}, other elements by their text — and a nested value (a user's {@code mfa}) field by field as {@code mfa.state},
 * {@code mfa.methods}, …. On top of that, per record type, in this class only:
 * <ul>
 *   <li>users, groups, licences, roles, tenant profile, secure score control profiles: every field;</li>
 *   <li>devices: every field but {@code approximateLastSignInDateTime}, which moves with each sign-in;</li>
 *   <li>Intune managed devices: every field but {@code lastSyncDateTime}, which moves with each check-in (about
 *       every 8 hours), named by {@code deviceName};</li>
 *   <li>audit events: none — they are events already, appended and never changed, so they yield no changes;</li>
 *   <li>sign-in activity: none — its fields are the times of the latest sign-ins, which move whenever a user signs
 *       in: a change per active user per run would bury the changes that matter (an account's state is in users);</li>
 *   <li>secure score snapshots: a series, not objects — a run that stores a snapshot newer than the newest stored
 *       one yields one {@link Change.Kind#CHANGED} change (object id: the new snapshot's id) with
 *       {@code currentScore} and {@code maxScore} old → new, when they moved;</li>
 *   <li>a record type not named here: every field, named by its {@code displayName} component when it has one.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class ChangeDetector {

    /** The per-record-type rules: a new dataset adds its record type here (or relies on the default). */
    private static final Map<Class<?>, Rules> RULES = Map.ofEntries(
            Map.entry(
                    EntraUser.class,
                    Rules.objects(
                            r -> firstNonNull(((EntraUser) r).displayName(), ((EntraUser) r).userPrincipalName()))),
            Map.entry(
                    EntraDevice.class,
                    Rules.objects(r -> ((EntraDevice) r).displayName())
                            .comparing(field -> !field.equals("approximateLastSignInDateTime"))),
            Map.entry(EntraGroup.class, Rules.objects(r -> ((EntraGroup) r).displayName())),
            Map.entry(
                    EntraLicense.class,
                    Rules.objects(
                            r -> firstNonNull(((EntraLicense) r).productName(), ((EntraLicense) r).skuPartNumber()))),
            Map.entry(EntraRole.class, Rules.objects(r -> ((EntraRole) r).displayName())),
            Map.entry(EntraTenantProfile.class, Rules.objects(r -> ((EntraTenantProfile) r).displayName())),
            Map.entry(EntraSecureScoreControl.class, Rules.objects(r -> ((EntraSecureScoreControl) r).title())),
            Map.entry(
                    EntraSecureScore.class,
                    new Rules(
                            Mode.SERIES,
                            r -> "Secure score",
                            field -> field.equals("currentScore") || field.equals("maxScore"))),
            Map.entry(
                    EntraManagedDevice.class,
                    Rules.objects(r -> ((EntraManagedDevice) r).deviceName())
                            .comparing(field -> !field.equals("lastSyncDateTime"))),
            Map.entry(EntraAuditEvent.class, new Rules(Mode.NONE, r -> null, field -> false)),
            Map.entry(EntraSignInActivity.class, new Rules(Mode.NONE, r -> null, field -> false)));

    private static final Rules DEFAULT = Rules.objects(ChangeDetector::displayNameComponent);

    private ChangeDetector() {}

    /**
     * Whether records of this type yield changes: false for audit events, which are appended and never change, and for
     * sign-in activity.
     * A sink may skip reading the stored records of a type that is not tracked.
     *
     * @param type the record type; never null
     * @return true when {@link #changes} reports records of this type
     */
    public static boolean tracks(Class<? extends EntraRecord> type) {
        return rules(type).mode != Mode.NONE;
    }

    /**
     * Whether records of this type form a series (secure score snapshots): {@link #changes} then needs the newest
     * stored record of the type in {@code before}, not only the records the run touched.
     *
     * @param type the record type; never null
     * @return true for a series type
     */
    public static boolean isSeries(Class<? extends EntraRecord> type) {
        return rules(type).mode == Mode.SERIES;
    }

    /**
     * The fields that differ between two versions of one object, in component order, compared by the rules of its
     * record type (see the class comment).
     *
     * @param before the stored record before the run; never null
     * @param after the stored record after the run, of the same type; never null
     * @return the changed fields, old → new; empty when nothing the rules compare changed
     * @throws IllegalArgumentException if the records are of different types
     */
    public static List<FieldChange> diff(EntraRecord before, EntraRecord after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.getClass() != after.getClass()) {
            throw new IllegalArgumentException(
                    "cannot compare a " + before.getClass().getSimpleName() + " with a "
                            + after.getClass().getSimpleName());
        }
        List<FieldChange> changes = new ArrayList<>();
        Predicate<String> compared = rules(before.getClass()).compared;
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            if (!component.getName().equals("id") && compared.test(component.getName())) {
                compare(component.getName(), read(component, before), read(component, after), changes);
            }
        }
        return changes;
    }

    /**
     * The changes a session made to the stored data of a tenant's dataset. {@code before} holds the stored records
     * the run may have changed (for a full run: every stored record of the dataset; for a delta run at least those
     * it upserted, merged or removed) and, for a series type, at least the newest stored record of it; {@code after}
     * holds what is stored for the same ids once the session completed (an id missing there was removed) plus the
     * records the run added. Not for a baseline: the first completed session of a tenant's dataset yields no
     * changes, and its sink does not call this.
     *
     * @param context the session's tenant and dataset; never null
     * @param before the stored records before the session, by object id; never null
     * @param after the stored records after the session, by object id; never null
     * @param at when the session completed; never null
     * @return the changes, ordered by object id; empty when the session changed nothing that is tracked
     */
    public static List<Change> changes(
            SinkContext context,
            Map<String, ? extends EntraRecord> before,
            Map<String, ? extends EntraRecord> after,
            Instant at) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(at, "at");
        List<Change> changes = new ArrayList<>();
        Map<Class<?>, EntraRecord[]> series = new LinkedHashMap<>();
        for (String id : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            EntraRecord old = before.get(id);
            EntraRecord now = after.get(id);
            Mode mode = rules((now != null ? now : old).getClass()).mode;
            if (mode == Mode.SERIES) {
                EntraRecord[] newest =
                        series.computeIfAbsent((now != null ? now : old).getClass(), c -> new EntraRecord[2]);
                newest[0] = newer(newest[0], old);
                newest[1] = newer(newest[1], now);
            } else if (mode == Mode.OBJECTS) {
                if (old == null) {
                    changes.add(change(context, Change.Kind.ADDED, now, List.of(), at));
                } else if (now == null) {
                    changes.add(change(context, Change.Kind.REMOVED, old, List.of(), at));
                } else if (old.getClass() == now.getClass()) {
                    addChanged(context, old, now, at, changes);
                }
            }
        }
        for (EntraRecord[] newest : series.values()) {
            if (newest[0] != null && newest[1] != null && !newest[0].id().equals(newest[1].id())) {
                addChanged(context, newest[0], newest[1], at, changes);
            }
        }
        return changes;
    }

    /** Adds a CHANGED change named after {@code now} when the rules find changed fields. */
    private static void addChanged(
            SinkContext context, EntraRecord old, EntraRecord now, Instant at, List<Change> into) {
        List<FieldChange> fields = diff(old, now);
        if (!fields.isEmpty()) {
            into.add(change(context, Change.Kind.CHANGED, now, fields, at));
        }
    }

    private static Change change(
            SinkContext context, Change.Kind kind, EntraRecord record, List<FieldChange> fields, Instant at) {
        return new Change(
                context.tenant(),
                context.dataset(),
                kind,
                record.id(),
                rules(record.getClass()).label.apply(record),
                fields,
                at);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The newer of two snapshots of a series, by their {@code createdDateTime}, else by id. */
    private static EntraRecord newer(EntraRecord a, EntraRecord b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        Comparator<EntraRecord> order = Comparator.comparing(
                        ChangeDetector::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(EntraRecord::id);
        return order.compare(a, b) >= 0 ? a : b;
    }

    private static Instant createdAt(EntraRecord record) {
        return record instanceof EntraSecureScore score ? score.createdDateTime() : null;
    }

    private static void compare(String field, Object before, Object after, List<FieldChange> into) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before instanceof Collection<?> || after instanceof Collection<?>) {
            Map<String, String> old = elements((Collection<?>) before);
            Map<String, String> now = elements((Collection<?>) after);
            old.forEach((key, label) -> {
                if (!now.containsKey(key)) {
                    into.add(new FieldChange(field, label, null));
                }
            });
            now.forEach((key, label) -> {
                if (!old.containsKey(key)) {
                    into.add(new FieldChange(field, null, label));
                }
            });
        } else if (isValueRecord(before) || isValueRecord(after)) {
            Class<?> type = (before != null ? before : after).getClass();
            for (RecordComponent component : type.getRecordComponents()) {
                compare(
                        field + "." + component.getName(),
                        before == null ? null : read(component, before),
                        after == null ? null : read(component, after),
                        into);
            }
        } else {
            String old = text(before);
            String now = text(after);
            if (!Objects.equals(old, now)) {
                into.add(new FieldChange(field, old, now));
            }
        }
    }

    private static boolean isValueRecord(Object value) {
        return value != null && value.getClass().isRecord();
    }

    /**
     * A list's elements by identity, each with its label: a value record by its first component named {@code id},
     * {@code keyId} or {@code skuId} (a role member, a key credential, a licence), labelled by its
     * {@code displayName} or {@code name} (with the {@code userPrincipalName} in brackets when it has one, else the
     * identity); any other value as its text.
     */
    private static Map<String, String> elements(Collection<?> values) {
        Map<String, String> byKey = new LinkedHashMap<>();
        if (values != null) {
            for (Object value : values) {
                if (isValueRecord(value)) {
                    String key = firstComponent(value, "id", "keyId", "skuId");
                    String name = firstComponent(value, "displayName", "name");
                    String who = firstNonNull(firstComponent(value, "userPrincipalName"), key);
                    String label;
                    if (name == null) {
                        label = who;
                    } else if (who == null || value instanceof AssignedLicense) {
                        label = name; // a licence is named by its product: its SKU id means nothing to a person
                    } else {
                        label = name + " (" + who + ")";
                    }
                    byKey.put(key != null ? key : text(value), label != null ? label : text(value));
                } else if (value != null) {
                    byKey.put(text(value), text(value));
                }
            }
        }
        return byKey;
    }

    /** The text of the first of these components the record has and that is not null. */
    private static String firstComponent(Object record, String... names) {
        for (String name : names) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getName().equals(name)) {
                    Object value = read(component, record);
                    if (value != null) {
                        return text(value);
                    }
                }
            }
        }
        return null;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }

    private static Rules rules(Class<?> type) {
        return RULES.getOrDefault(type, DEFAULT);
    }

    private static String displayNameComponent(EntraRecord record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals("displayName")) {
                Object name = read(component, record);
                return name == null ? null : name.toString();
            }
        }
        return null;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("reading " + component.getName() + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " reflectively", e);
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private enum Mode {
        /** Objects added, removed and changed. */
        OBJECTS,
        /** Snapshots: the newest stored compared with the newest before. */
        SERIES,
        /** Not tracked. */
        NONE
    }

    private record Rules(Mode mode, Function<EntraRecord, String> label, Predicate<String> compared) {
        static Rules objects(Function<EntraRecord, String> label) {
            return new Rules(Mode.OBJECTS, label, field -> true);
        }

        Rules comparing(Predicate<String> fields) {
            return new Rules(mode, label, fields);
        }
    }
}
